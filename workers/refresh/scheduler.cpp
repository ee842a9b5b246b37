#include "refresh/scheduler.hpp"

#include <time.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "refresh/cadence.hpp"
#include "refresh/freshness.hpp"
#include "refresh/lexicon_options.hpp"
#include "refresh/listener.hpp"
#include "refresh/pg_values.hpp"
#include "refresh/refresher.hpp"
#include "metrics/registry.hpp"
#include "pg/retry.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

/// The longest the loop waits before it looks at the stop flag again.
constexpr std::chrono::milliseconds MAX_WAIT_MS{250};
/// Reconnect back-off: grows by this much per attempt ...
constexpr std::chrono::milliseconds RETRY_STEP_MS{200};
/// ... up to this.
constexpr std::chrono::milliseconds RETRY_MAX_MS{5000};

template <class Seconds>
Clock::duration seconds(Seconds value) {
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(static_cast<double>(value)));
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Sleeps in short slices so that a stop request ends the pause.
void pause(std::chrono::milliseconds duration) {
  const auto until = Clock::now() + duration;
  while (Clock::now() < until && !signals::stop_requested()) {
    struct timespec slice {
      0, 50'000'000
    };
    nanosleep(&slice, nullptr);
  }
}

/// What the cycles since the last progress line did.
struct Totals {
  std::int64_t cycles = 0;
  std::int64_t batches = 0;
  std::int64_t events = 0;
  std::int64_t decode_errors = 0;

  void add(const RefreshSummary& summary) {
    ++cycles;
    add_merges(summary);
  }

  void add_merges(const RefreshSummary& summary) {
    batches += summary.batches;
    events += summary.decode.events;
    decode_errors += summary.decode.errors;
  }
};

/// Declares the metrics `smelt scheduler` exposes on /metrics.
void declare_metrics(metrics::Registry& registry) {
  registry.counter("smelt_scheduler_refreshes_total", "Refresh cycles, by what gold came to (published, blocked, failed, skipped)");
  registry.counter("smelt_scheduler_batches_merged_total", "Ingest batches merged into silver");
  registry.counter("smelt_scheduler_events_merged_total", "Bronze events decoded and merged into silver");
  registry.counter("smelt_scheduler_decode_errors_total", "Bronze events that could not be decoded");
  registry.histogram("smelt_scheduler_refresh_duration_seconds", "Wall time of one refresh cycle (a gold refresh; the lanes merge beside it)",
                     {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120});
  registry.gauge("smelt_refresh_pending_batches", "Committed ingest batches not merged into silver yet");
  registry.gauge("smelt_scheduler_gold_lag_seconds", "Newest event time in bronze minus gold's published watermark");
  registry.gauge("smelt_scheduler_last_refresh_timestamp_seconds", "Unix time the last refresh cycle ended");
}

class Scheduler {
 public:
  Scheduler(const SchedulerOptions& options, const text::Analyzer& analyzer)
      : options_(options),
        refresher_(options.conninfo, analyzer, options.batches_per_transaction, "smelt scheduler", options.lanes),
        listener_(std::make_unique<Listener>(options.conninfo)),
        cadence_(seconds(options.interval_s), std::chrono::milliseconds(options.min_interval_ms),
                 Clock::now()),
        partitions_(seconds(options.partitions_every_min * 60), Clock::now()),
        retention_(
            options.retention_days > 0 ? seconds(options.retention_every_h * 3600) : Clock::duration::zero(),
            Clock::now()),
        progress_(seconds(options.progress_interval_s), Clock::now() + seconds(options.progress_interval_s)) {
    declare_metrics(metrics_);
    if (options.metrics.port > 0) {
      endpoint_ = std::make_unique<metrics::Endpoint>(options.metrics.address, options.metrics.port, metrics_);
    }
  }

  void run() {
    while (!signals::stop_requested()) {
      try {
        loop();
      } catch (const Error& e) {
        refresher_.stop_merging();  // the lanes start again with the next loop
        if (refresher_.connected() && listener_ && listener_->ok()) {
          if (!refresher_.interrupted()) throw;  // a statement failed on a healthy connection: a bug
          // Cancelled, or lost a deadlock: the transaction was rolled back, the cycle runs again.
          log::warn("a refresh statement was cancelled or lost a conflict; running the cycle again",
                    {{"detail", e.what()}});
          cadence_.notified();
          continue;
        }
        log::warn("lost the PostgreSQL connection; reconnecting", {{"detail", e.what()}});
        recover();
      }
    }
    // Merges committed since the last cycle count in the totals.
    refresher_.stop_merging();
    try {
      overall_.add_merges(refresher_.take_merged(next_run_id_));
    } catch (const Error&) {
      // A lane failed while stopping: the stop goes on, the failure was logged.
    }
  }

  const Totals& totals() const { return overall_; }

 private:
  void loop() {
    // A backlog from months without partitions: created before the lanes start.
    refresher_.ensure_pending_partitions();
    refresher_.start_merging(next_run_id_, idle_poll(), std::chrono::milliseconds(options_.merge_gap_ms));
    while (!signals::stop_requested()) {
      // A lane that stopped on a failure (a cancelled statement, a lost
      // connection) is dealt with now, not at the next cycle.
      refresher_.raise_lane_failure();
      if (refresher_.merged_since_taken() > 0) cadence_.notified();
      if (cadence_.due(Clock::now())) refresh();
      if (signals::stop_requested()) break;
      if (partitions_.due(Clock::now())) maintain_partitions();
      if (retention_.due(Clock::now())) apply_retention();
      if (progress_.due(Clock::now())) log_progress();
      if (listener_->wait(next_wait()) > 0) refresher_.wake();
    }
  }

  /// How long an idle lane waits before it looks for batches again without
  /// an announcement.
  std::chrono::milliseconds idle_poll() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(seconds(options_.interval_s));
  }

  std::chrono::milliseconds next_wait() const {
    const auto now = Clock::now();
    const auto wait =
        std::min({cadence_.until_due(now), partitions_.until_due(now), retention_.until_due(now),
                  progress_.until_due(now), Clock::duration(MAX_WAIT_MS)});
    return std::chrono::duration_cast<std::chrono::milliseconds>(wait);
  }

  /// One cycle: publishes gold with what the lanes merged so far; they go
  /// on merging meanwhile.
  void refresh() {
    const auto started = Clock::now();
    cadence_.started(started);
    const std::string run_id = next_run_id_;
    next_run_id_ = log::new_run_id();
    auto summary = refresher_.take_merged(next_run_id_);
    summary.run_id = run_id;
    summary.gold = refresher_.publish(run_id);
    summary.duration_s = seconds_since(started);
    since_progress_.add(summary);
    overall_.add(summary);
    if (summary.batches > 0 || summary.gold->rows > 0) {
      log_summary("refresh finished", summary);
    } else {
      log::debug("refresh found nothing new", {{"run_id", summary.run_id}, {"duration_s", summary.duration_s}});
    }
    note_gold(summary.run_id, *summary.gold);
    if (endpoint_) record_metrics(summary);
  }

  void record_metrics(const RefreshSummary& summary) {
    const std::string outcome = summary.gold ? std::string(status_name(summary.gold->status)) : "skipped";
    metrics_.add("smelt_scheduler_refreshes_total", {{"gold", outcome}});
    metrics_.add("smelt_scheduler_batches_merged_total", {}, static_cast<double>(summary.batches));
    metrics_.add("smelt_scheduler_events_merged_total", {}, static_cast<double>(summary.decode.events));
    metrics_.add("smelt_scheduler_decode_errors_total", {}, static_cast<double>(summary.decode.errors));
    metrics_.observe("smelt_scheduler_refresh_duration_seconds", {}, summary.duration_s);
    const auto freshness = read_freshness(refresher_.session());
    metrics_.set("smelt_refresh_pending_batches", {}, static_cast<double>(freshness.pending_batches));
    if (freshness.lag_s) metrics_.set("smelt_scheduler_gold_lag_seconds", {}, *freshness.lag_s);
    metrics_.set("smelt_scheduler_last_refresh_timestamp_seconds", {},
                 std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
  }

  /// Logs when gold stops (or starts again) publishing, not every cycle.
  void note_gold(const std::string& run_id, const GoldOutcome& gold) {
    if (last_gold_ == gold.status) return;
    const bool first = !last_gold_;
    last_gold_ = gold.status;
    if (gold.status == GoldStatus::published) {
      if (first) return;
      log::info("gold publishes again", {{"run_id", run_id}});
      return;
    }
    std::string checks;
    for (const auto& check : gold.blocking_checks) checks += (checks.empty() ? "" : ", ") + check;
    log::warn("gold is not published", {{"run_id", run_id},
                                        {"gold", status_name(gold.status)},
                                        {"checks", checks},
                                        {"error", gold.error},
                                        {"hint", "smelt check lists the failing checks and their rows"}});
  }

  void maintain_partitions() {
    const auto started = Clock::now();
    auto result = refresher_.session().exec(sql::query("queries/refresh/ensure_partitions"));
    partitions_.ran(Clock::now());
    const auto created = int_at(result.get(), 0, 0);
    if (created > 0) {
      log::info("partitions created", {{"records", created}, {"duration_s", seconds_since(started)}});
    } else {
      log::debug("partitions exist", {{"duration_s", seconds_since(started)}});
    }
  }

  void apply_retention() {
    const auto started = Clock::now();
    auto result = refresher_.session().exec(sql::query("queries/refresh/apply_retention"),
                                            {std::to_string(options_.retention_days)});
    retention_.ran(Clock::now());
    log::info("retention applied", {{"keep_days", options_.retention_days},
                                    {"records", int_at(result.get(), 0, 0)},
                                    {"duration_s", seconds_since(started)}});
  }

  void log_progress() {
    progress_.ran(Clock::now());
    const auto freshness = read_freshness(refresher_.session());
    log::info("scheduler progress", {{"cycles", since_progress_.cycles},
                                     {"batches", since_progress_.batches},
                                     {"records", since_progress_.events},
                                     {"decode_errors", since_progress_.decode_errors},
                                     {"pending_batches", freshness.pending_batches},
                                     {"newest_event", freshness.newest_event},
                                     {"gold_watermark", freshness.gold_watermark},
                                     {"lag_s", freshness.lag_s.value_or(0.0)},
                                     {"gold", last_gold_ ? status_name(*last_gold_) : "none yet"}});
    since_progress_ = {};
    if (options_.freshness_sla_s > 0 && freshness.lag_s && *freshness.lag_s > options_.freshness_sla_s) {
      log::warn("gold lags the newest event by more than the freshness target",
                {{"lag_s", *freshness.lag_s},
                 {"freshness_sla_s", options_.freshness_sla_s},
                 {"pending_batches", freshness.pending_batches},
                 {"hint", "input outruns the merges: run another scheduler, or see docs/scheduler.md"}});
    }
  }

  void recover() {
    const auto started = Clock::now();
    for (int attempt = 1; !signals::stop_requested(); ++attempt) {
      try {
        listener_.reset();
        refresher_.reconnect();
        listener_ = std::make_unique<Listener>(options_.conninfo);
        cadence_.notified();  // announcements may have been missed meanwhile
        log::info("reconnected to PostgreSQL", {{"attempts", attempt}});
        return;
      } catch (const Error&) {
        if (options_.db_retry_s > 0 && seconds_since(started) > options_.db_retry_s) throw;
        pause(std::min(RETRY_STEP_MS * attempt, RETRY_MAX_MS));
      }
    }
  }

  const SchedulerOptions& options_;
  Refresher refresher_;
  std::string next_run_id_ = log::new_run_id();  ///< the run the lanes' merges are recorded under
  std::unique_ptr<Listener> listener_;
  RefreshCadence cadence_;
  Periodic partitions_;
  Periodic retention_;
  Periodic progress_;
  Totals since_progress_;
  Totals overall_;
  std::optional<GoldStatus> last_gold_;
  metrics::Registry metrics_;
  std::unique_ptr<metrics::Endpoint> endpoint_;
};

}  // namespace

void run_scheduler(const SchedulerOptions& options) {
  const auto started = Clock::now();
  const auto analyzer = load_analyzer(options.lexicon);
  // PostgreSQL may not be up yet: wait for it as for a lost connection.
  std::unique_ptr<Scheduler> connected;
  pg::keep_trying(options.db_retry_s, "connecting",
                  [&] { connected = std::make_unique<Scheduler>(options, *analyzer); });
  Scheduler& scheduler = *connected;
  const std::string run_id = log::new_run_id();
  log::info("scheduler started", {{"run_id", run_id},
                                  {"interval_s", options.interval_s},
                                  {"min_interval_ms", options.min_interval_ms},
                                  {"merge_gap_ms", options.merge_gap_ms},
                                  {"lanes", options.lanes},
                                  {"freshness_sla_s", options.freshness_sla_s},
                                  {"retention_days", options.retention_days}});
  scheduler.run();
  const auto& totals = scheduler.totals();
  log::info("scheduler stopped", {{"run_id", run_id},
                                  {"cycles", totals.cycles},
                                  {"batches", totals.batches},
                                  {"records", totals.events},
                                  {"decode_errors", totals.decode_errors},
                                  {"duration_s", seconds_since(started)}});
}

}  // namespace smelt::refresh
