#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "kafka/client.hpp"
#include "metrics/endpoint.hpp"

namespace smelt::ingest {

/// Everything `smelt ingest` can be told.
struct IngestOptions {
  std::string conninfo;
  kafka::Options kafka;
  std::string group = "smelt-ingest";
  std::int64_t batch_rows = 20000;              ///< close a batch at this many messages
  std::int64_t batch_bytes = 32LL << 20;        ///< ... or at this many encoded bytes
  int batch_wait_ms = 200;                      ///< ... or when its first message is this old
  std::int64_t max_message_bytes = 1LL << 20;   ///< larger messages are rejected as oversized
  std::string start_from = "earliest";          ///< where a never-read partition starts
  double idle_exit_s = 0;                       ///< stop after this long without messages (0: never)
  double progress_interval_s = 10;              ///< progress log cadence
  double db_retry_s = 60;                       ///< give up reconnecting to PostgreSQL after this long (0: never)
  double kafka_timeout_s = 60;                  ///< fail when no broker is usable for this long (0: never)
  metrics::EndpointOptions metrics;             ///< /metrics and /healthz (port 0: off)
};

/// What a run did.
struct IngestStats {
  std::string run_id;
  std::int64_t events = 0;
  std::int64_t rejects = 0;
  std::int64_t batches = 0;
  std::int64_t fenced = 0;
  std::map<std::string, std::int64_t> reject_reasons;
};

/// Consumes the topic as a member of the consumer group and loads every
/// message into bronze exactly once, until SIGINT/SIGTERM (or idle_exit_s).
/// Throws smelt::Error: ExitCode::data_loss when the broker no longer holds
/// a stored offset, ExitCode::database / kafka on unrecoverable failures.
IngestStats run_ingest(const IngestOptions& options);

}  // namespace smelt::ingest
