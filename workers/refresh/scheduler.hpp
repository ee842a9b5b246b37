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
  int retention_days = 400;          ///< silver and gold keep this many days (0: no retention)
  double retention_every_h = 24;     ///< how often retention runs
  double partitions_every_min = 60;  ///< how often partitions are created ahead
  double progress_interval_s = 60;   ///< how often the progress and freshness line is logged
  double merge_budget_s = 5;         ///< a cycle stops merging after this long and publishes gold
  std::int64_t merge_budget_transactions = 0;  ///< ... or after this many merge transactions (0: no limit)
  double freshness_sla_s = 120;      ///< warn when gold lags the newest event by more (0: never)
  double db_retry_s = 0;             ///< give up reconnecting after this long (0: never)
  metrics::EndpointOptions metrics;  ///< /metrics and /healthz (port 0: off)
};

/// Refreshes on every ingest notification (LISTEN smelt_ingest; bursts
/// coalesce, at most every min_interval_ms) and every interval_s. Each cycle
/// merges for at most merge_budget_s (or merge_budget_transactions), then
/// refreshes gold, and goes on with the rest in the next cycle, so gold keeps
/// publishing while the input outruns the merges; creates
/// partitions ahead and applies retention on their own cadence; logs a
/// progress and freshness line every progress_interval_s, with a warning
/// when gold lags the newest event by more than freshness_sla_s. Reconnects after
/// a lost connection. Returns after SIGINT/SIGTERM once the current step has
/// finished. Throws smelt::Error when a statement fails on a healthy
/// connection or reconnecting takes longer than db_retry_s.
void run_scheduler(const SchedulerOptions& options);

}  // namespace smelt::refresh
