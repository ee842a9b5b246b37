#pragma once

#include <cstdint>
#include <string>

#include "metrics/endpoint.hpp"
#include "text/lexicon.hpp"

// The refresh daemon.
namespace smelt::refresh {

/// Everything `smelt scheduler` can be told.
struct SchedulerOptions {
  std::string conninfo;              ///< libpq conninfo or URI
  text::LexiconSearch lexicon;       ///< where the sentiment lexicons are
  int batches_per_transaction = 50;  ///< ingest batches merged per transaction
  double interval_s = 5;             ///< refresh at least this often, notified or not
  int min_interval_ms = 500;         ///< ... and at most this often
  int retention_days = 400;          ///< silver and gold keep this many days (0: no retention)
  double retention_every_h = 24;     ///< how often retention runs
  double partitions_every_min = 60;  ///< how often partitions are created ahead
  double progress_interval_s = 60;   ///< how often the progress and freshness line is logged
  double db_retry_s = 0;             ///< give up reconnecting after this long (0: never)
  metrics::EndpointOptions metrics;  ///< /metrics and /healthz (port 0: off)
};

/// Refreshes on every ingest notification (LISTEN smelt_ingest; bursts
/// coalesce, at most every min_interval_ms) and every interval_s; creates
/// partitions ahead and applies retention on their own cadence; logs a
/// progress and freshness line every progress_interval_s. Reconnects after
/// a lost connection. Returns after SIGINT/SIGTERM once the current step has
/// finished. Throws smelt::Error when a statement fails on a healthy
/// connection or reconnecting takes longer than db_retry_s.
void run_scheduler(const SchedulerOptions& options);

}  // namespace smelt::refresh
