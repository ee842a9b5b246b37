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
  int lanes = 2;                     ///< merge lanes: connections merging disjoint partitions at once
  double interval_s = 5;             ///< refresh at least this often, notified or not
  int min_interval_ms = 500;         ///< ... and at most this often
  int merge_gap_ms = 1000;           ///< a lane starts merges at most this often (unless behind; 0: off)
  int retention_days = 400;          ///< silver and gold keep this many days (0: no retention)
  double retention_every_h = 24;     ///< how often retention runs
  double partitions_every_min = 60;  ///< how often partitions are created ahead
  double progress_interval_s = 60;   ///< how often the progress and freshness line is logged
  double freshness_sla_s = 120;      ///< warn when gold lags the newest event by more (0: never)
  double db_retry_s = 0;             ///< give up reconnecting after this long (0: never)
  metrics::EndpointOptions metrics;  ///< /metrics and /healthz (port 0: off)
};

/// Merges continuously and publishes gold on a cadence of its own. The
/// merge lanes run in background threads: they merge while batches are
/// pending, wake on every ingest notification (LISTEN smelt_ingest) and look
/// again every interval_s. Gold is refreshed over its own connection soon
/// after the lanes commit a merge (at most every min_interval_ms) and at
/// least every interval_s, whatever the backlog: gold never waits for the
/// merges, so it keeps publishing while the input outruns them. Partitions
/// are created ahead and retention applied on their own cadence; a progress
/// and freshness line is logged every progress_interval_s, with a warning
/// when gold lags the newest event by more than freshness_sla_s. Reconnects
/// after a lost connection. Returns after SIGINT/SIGTERM once the current
/// steps have finished. Throws smelt::Error when a statement fails on a
/// healthy connection or reconnecting takes longer than db_retry_s.
void run_scheduler(const SchedulerOptions& options);

}  // namespace smelt::refresh
