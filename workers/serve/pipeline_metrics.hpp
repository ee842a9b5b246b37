#pragma once

#include <memory>
#include <mutex>

#include "metrics/registry.hpp"
#include "serve/lag_probe.hpp"
#include "serve/pool.hpp"

namespace smelt::serve {

/// The pipeline as `smelt serve` reports it on /metrics: refresh runs and
/// step durations, pending batches, failing checks, each mart's
/// complete_through age, stored rejects, and consumer lag per partition
/// (from the database and, when brokers are configured, the broker).
class PipelineMetrics {
 public:
  /// `probe` may be null (no brokers configured: no lag series).
  PipelineMetrics(SessionPool& monitor, std::unique_ptr<LagProbe> probe, std::string group);

  /// Re-reads everything and renders the exposition text.
  std::string render();

  /// Counts one HTTP request by route and status code.
  void count_request(const std::string& route, int status);

 private:
  void read_database();
  void read_lag();

  SessionPool& monitor_;
  std::unique_ptr<LagProbe> probe_;
  std::string group_;
  std::mutex mutex_;
  metrics::Registry registry_;
};

}  // namespace smelt::serve
