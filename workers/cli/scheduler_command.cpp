#include <memory>
#include <string>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "refresh/lexicon_options.hpp"
#include "refresh/scheduler.hpp"
#include "metrics/endpoint.hpp"

namespace smelt::cli {
namespace {

/// apply_retention refuses fewer days: the 7-day gold windows need them.
constexpr int MIN_RETENTION_DAYS = 15;

std::string retention_days_check(const std::string& value) {
  int days = -1;
  try {
    days = std::stoi(value);
  } catch (const std::exception&) {
    return "not a number of days: " + value;
  }
  if (days == 0 || days >= MIN_RETENTION_DAYS) return {};
  return "keep at least " + std::to_string(MIN_RETENTION_DAYS) +
         " days (the 7-day gold windows need them), or 0 for none";
}

}  // namespace

void add_scheduler_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<refresh::SchedulerOptions>();
  auto* command =
      app.add_subcommand("scheduler", "The refresh daemon: silver and gold seconds behind ingest");
  add_database_option(*command, options->conninfo);
  refresh::add_lexicon_options(*command, options->lexicon);
  command
      ->add_option("--interval", options->interval_s,
                   "Refresh at least every this many seconds, notified or not")
      ->check(range::between(0.1, 86400, "seconds"))
      ->envname("SMELT_SCHEDULER_INTERVAL")
      ->capture_default_str();
  command
      ->add_option("--min-interval-ms", options->min_interval_ms,
                   "... and at most every this many ms: notifications arriving meanwhile share one refresh")
      ->check(range::between(0, 3.6e6, "ms"))
      ->envname("SMELT_SCHEDULER_MIN_INTERVAL_MS")
      ->capture_default_str();
  command
      ->add_option("--merge-gap-ms", options->merge_gap_ms,
                   "A lane starts a merge at most every this many ms while it keeps up, so batches "
                   "gather, each merge's fixed cost is shared and gold gets the CPU saved (0: merge as "
                   "soon as a batch is pending)")
      ->check(range::between(0, 3.6e6, "ms"))
      ->envname("SMELT_SCHEDULER_MERGE_GAP_MS")
      ->capture_default_str();
  command
      ->add_option("--batches-per-transaction", options->batches_per_transaction,
                   "Ingest batches decoded and merged per transaction")
      ->check(range::between(1, 100e3, "batches"))
      ->envname("SMELT_SCHEDULER_BATCHES_PER_TRANSACTION")
      ->capture_default_str();
  command
      ->add_option("--lanes", options->lanes,
                   "Merge lanes: connections that decode and merge disjoint Kafka partitions at the same time "
                   "(about one per core PostgreSQL may use)")
      ->check(range::between(1, 64, "lanes"))
      ->envname("SMELT_SCHEDULER_LANES")
      ->capture_default_str();
  command
      ->add_option("--freshness-sla", options->freshness_sla_s,
                   "Warn (with each progress line) while gold lags the newest event by more than this many "
                   "seconds (0: never)")
      ->check(range::at_least(0, "seconds"))
      ->capture_default_str();
  command
      ->add_option("--retention-days", options->retention_days,
                   "Silver and gold keep this many days (bronze is kept forever); 0 turns retention off")
      ->check(CLI::Validator(retention_days_check, "0 or DAYS >= 15"))
      ->envname("SMELT_SCHEDULER_RETENTION_DAYS")
      ->capture_default_str();
  command
      ->add_option("--retention-every", options->retention_every_h,
                   "Hours between retention runs (first at start)")
      ->check(range::between(0.01, 8760, "hours"))
      ->envname("SMELT_SCHEDULER_RETENTION_EVERY")
      ->capture_default_str();
  command
      ->add_option("--partitions-every", options->partitions_every_min,
                   "Minutes between partition maintenance runs (first at start)")
      ->check(range::between(0.1, 10080, "minutes"))
      ->envname("SMELT_SCHEDULER_PARTITIONS_EVERY")
      ->capture_default_str();
  command
      ->add_option("--progress-interval", options->progress_interval_s,
                   "Seconds between progress and freshness lines")
      ->check(range::between(0.1, 86400, "seconds"))
      ->envname("SMELT_SCHEDULER_PROGRESS_INTERVAL")
      ->capture_default_str();
  metrics::add_endpoint_options(*command, options->metrics, "SCHEDULER");
  command
      ->add_option("--db-retry", options->db_retry_s,
                   "Seconds to keep reconnecting to a lost PostgreSQL before failing (0: forever)")
      ->check(range::at_least(0, "seconds"))
      ->envname("SMELT_SCHEDULER_DB_RETRY")
      ->capture_default_str();
  command->footer(R"help(
The daemon does what `smelt refresh` does, continuously:
  - merge: --lanes threads, each with its own connection, decode and merge
    pending batches into silver while any are pending, wake on every
    ingest commit (LISTEN smelt_ingest; smelt ingest notifies when a batch
    commits) and look again every --interval in any case. With
    --merge-gap-ms, a lane that keeps up starts a merge at most that often,
    so batches gather and a merge's fixed cost is paid less often; a lane
    that is behind (its last merge took --batches-per-transaction) goes on
    at once.
  - gold: refreshed over a connection of its own, gated by the quality
    checks, soon after the lanes commit a merge (at most every
    --min-interval-ms, so a burst of merges shares one refresh) and every
    --interval in any case (watermarks of idle partitions). Gold never
    waits for the merges: while the input outruns them it keeps publishing
    what has been merged, freshness grows with the backlog, and the
    progress line says so.
  - partitions: creates bronze's daily and silver's and gold's monthly
    partitions ahead of time (every --partitions-every minutes).
  - retention: drops silver and gold data older than --retention-days
    (smelt.apply_retention; every --retention-every hours). Bronze is never
    touched.
  - a progress line every --progress-interval: batches and events merged,
    pending batches, the newest event time in bronze, gold's watermark and
    the lag between them (lag_s); a warning with it while lag_s exceeds
    --freshness-sla.
  - with --metrics-port: Prometheus /metrics and /healthz on that port
    (refresh cycles by gold outcome, merged batches and events, cycle
    durations, pending batches, gold lag; see docs/serve.md).
When gold stops publishing because a check of severity error fails, one
warning says so (and one info line when it publishes again); `smelt check`
shows the offending rows.

Run several schedulers or `smelt refresh` side by side if you like: merge
transactions claim their batches with advisory locks, so none is decoded
twice. SIGINT/SIGTERM finish the current step (a merge transaction commits)
and exit 0. A lost PostgreSQL connection is re-opened with back-off (for up
to --db-retry seconds); a statement failing on a healthy connection ends the
daemon with exit code 3 after recording the failure in smelt.refresh_runs.

Examples:
  smelt scheduler -d postgresql:///smelt
  smelt scheduler --interval 2 --min-interval-ms 200      # tighter freshness
  smelt scheduler --retention-days 90 --log-format json   # shorter history)help");
  command->callback([options, &action] { action = [options] { refresh::run_scheduler(*options); }; });
}

}  // namespace smelt::cli
