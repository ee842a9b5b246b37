#include "refresh/refresher.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "refresh/connection.hpp"
#include "refresh/pg_values.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

/// Pending batches a claim looks at, per batch it may take: room to skip
/// the batches other refreshers hold.
constexpr int CLAIM_LOOKAHEAD = 4;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::int64_t> batch_ids(const PGresult* result) {
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<std::size_t>(PQntuples(result)));
  for (int row = 0; row < PQntuples(result); ++row) ids.push_back(int_at(result, row, 0));
  return ids;
}

std::string decode_remark(const DecodeStats& stats) {
  if (stats.errors == 0) return {};
  std::string remark = std::to_string(stats.errors) + " decode errors (" + stats.reasons_text() + ")";
  if (!stats.samples.empty()) remark += "; first: " + describe(stats.samples.front());
  return remark;
}

}  // namespace

struct Refresher::Lane {
  Lane(int lane_index, int lane_count, const std::string& conninfo, const text::Analyzer& analyzer,
       std::string lane_application)
      : index(lane_index),
        count(lane_count),
        application(std::move(lane_application)),
        decoder(analyzer),
        session(connect(conninfo, application)) {}

  int index;
  int count;
  std::string application;
  decode::Decoder decoder;
  std::unique_ptr<pg::Session> session;
  std::string failed_sqlstate;  ///< SQLSTATE of this lane's last failed merge ("" when it did not fail)
};

namespace {

std::string lane_application(const std::string& application, int index, int count) {
  if (count == 1) return application;
  std::string name = application;
  name += " lane ";
  name += std::to_string(index + 1);
  name += '/';
  name += std::to_string(count);
  return name;
}

void add_merges(RefreshSummary& into, const RefreshSummary& lane) {
  into.batches += lane.batches;
  into.transactions += lane.transactions;
  into.decode.add(lane.decode);
}

}  // namespace

Refresher::Refresher(std::string conninfo, const text::Analyzer& analyzer, int batches_per_transaction,
                     std::string application, int lanes)
    : conninfo_(std::move(conninfo)),
      application_(std::move(application)),
      batches_per_transaction_(batches_per_transaction),
      main_(connect(conninfo_, application_)) {
  const int count = std::max(1, lanes);
  for (int index = 0; index < count; ++index) {
    lanes_.push_back(
        std::make_unique<Lane>(index, count, conninfo_, analyzer, lane_application(application_, index, count)));
  }
}

Refresher::~Refresher() { stop_merging(); }

bool Refresher::interrupted() const noexcept {
  return pg::is_transient_sqlstate(main_->last_sqlstate()) ||
         std::any_of(lanes_.begin(), lanes_.end(),
                     [](const auto& lane) { return pg::is_transient_sqlstate(lane->failed_sqlstate); });
}

bool Refresher::connected() const noexcept {
  return main_ && main_->ok() && std::all_of(lanes_.begin(), lanes_.end(), [](const auto& lane) {
           return lane->session && lane->session->ok();
         });
}

void Refresher::reconnect() {
  stop_merging();
  main_.reset();
  main_ = connect(conninfo_, application_);
  for (auto& lane : lanes_) {
    lane->session.reset();
    lane->session = connect(conninfo_, lane->application);
  }
}

pg::Session& Refresher::session() { return *main_; }

const std::string& Refresher::sentiment_models() const noexcept {
  return lanes_.front()->decoder.sentiment_models();
}

RefreshSummary Refresher::run(const std::string& run_id) {
  const auto started = std::chrono::steady_clock::now();
  RefreshSummary summary;
  summary.run_id = run_id;
  if (lanes_.size() == 1) {
    merge_lane(*lanes_.front(), run_id, summary);
  } else {
    ensure_pending_partitions();
    std::vector<RefreshSummary> parts(lanes_.size());
    std::vector<std::exception_ptr> failures(lanes_.size());
    std::vector<std::thread> threads;
    threads.reserve(lanes_.size());
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          merge_lane(*lanes_[i], run_id, parts[i]);
        } catch (...) {
          failures[i] = std::current_exception();
          failed_.store(true);
        }
      });
    }
    for (auto& thread : threads) thread.join();
    failed_.store(false);
    for (const auto& failure : failures) {
      if (failure) std::rethrow_exception(failure);
    }
    for (const auto& part : parts) add_merges(summary, part);
  }
  if (!signals::stop_requested()) summary.gold = publish(run_id);
  summary.duration_s = seconds_since(started);
  return summary;
}

void Refresher::ensure_pending_partitions() {
  // One lane creates what it needs inside its merge; nobody waits on it.
  if (lanes_.size() == 1) return;
  const auto started = std::chrono::steady_clock::now();
  auto result = main_->exec(sql::query("queries/refresh/ensure_pending_partitions"));
  const auto created = int_at(result.get(), 0, 0);
  if (created > 0) {
    log::info("partitions created", {{"records", created}, {"duration_s", seconds_since(started)}});
  }
}

GoldOutcome Refresher::publish(const std::string& run_id) { return refresh_gold(*main_, run_id); }

void Refresher::merge_lane(Lane& lane, const std::string& run_id, RefreshSummary& summary) {
  std::size_t samples_logged = 0;
  while (!signals::stop_requested() && !failed_.load() && merge_next(lane, run_id, summary)) {
    log_decode_errors(run_id, summary.decode, samples_logged);
  }
}

void Refresher::start_merging(const std::string& run_id, std::chrono::milliseconds idle_poll,
                              std::chrono::milliseconds merge_gap) {
  if (!followers_.empty()) return;
  {
    std::lock_guard lock(merged_mutex_);
    stop_following_ = false;
    lane_failure_ = nullptr;
    merged_ = {};
    merged_.run_id = run_id;
  }
  failed_.store(false);
  for (auto& lane : lanes_) {
    followers_.emplace_back(
        [this, &lane = *lane, idle_poll, merge_gap] { follow_lane(lane, idle_poll, merge_gap); });
  }
}

void Refresher::follow_lane(Lane& lane, std::chrono::milliseconds idle_poll, std::chrono::milliseconds merge_gap) {
  std::size_t samples_logged = 0;
  std::string logged_run;
  try {
    while (!signals::stop_requested() && !failed_.load()) {
      std::string run_id;
      std::uint64_t wakeups = 0;
      {
        std::lock_guard lock(merged_mutex_);
        if (stop_following_) return;
        run_id = merged_.run_id;
        wakeups = wakeups_;
      }
      if (run_id != logged_run) {
        logged_run = run_id;
        samples_logged = 0;
      }
      RefreshSummary one;
      const auto merge_started = std::chrono::steady_clock::now();
      if (merge_next(lane, run_id, one)) {
        log_decode_errors(run_id, one.decode, samples_logged);
        std::unique_lock lock(merged_mutex_);
        add_merges(merged_, one);
        merged_since_taken_.fetch_add(1);
        // A merge costs a fixed part whatever its size: unless this one
        // took a full transaction's worth (a backlog), let batches gather
        // until merge_gap after it started, so the next merge takes more.
        if (merge_gap.count() > 0 && one.batches < batches_per_transaction_) {
          wake_.wait_until(lock, merge_started + merge_gap,
                           [&] { return stop_following_ || signals::stop_requested(); });
        }
        continue;
      }
      // Nothing pending for this lane: wait for an announcement, a stop or
      // the poll interval (a missed announcement, a batch another lane's
      // claim skipped).
      std::unique_lock lock(merged_mutex_);
      wake_.wait_for(lock, idle_poll, [&] {
        return stop_following_ || wakeups_ != wakeups || signals::stop_requested();
      });
    }
  } catch (...) {
    failed_.store(true);
    std::lock_guard lock(merged_mutex_);
    if (!lane_failure_) lane_failure_ = std::current_exception();
  }
}

void Refresher::wake() {
  {
    std::lock_guard lock(merged_mutex_);
    ++wakeups_;
  }
  wake_.notify_all();
}

RefreshSummary Refresher::take_merged(const std::string& next_run_id) {
  std::lock_guard lock(merged_mutex_);
  if (lane_failure_) std::rethrow_exception(lane_failure_);
  RefreshSummary taken = std::move(merged_);
  merged_ = {};
  merged_.run_id = next_run_id;
  merged_since_taken_.store(0);
  return taken;
}

void Refresher::raise_lane_failure() {
  if (!failed_.load()) return;
  std::lock_guard lock(merged_mutex_);
  if (lane_failure_) std::rethrow_exception(lane_failure_);
}

void Refresher::stop_merging() noexcept {
  if (followers_.empty()) return;
  {
    std::lock_guard lock(merged_mutex_);
    stop_following_ = true;
  }
  wake_.notify_all();
  for (auto& thread : followers_) thread.join();
  followers_.clear();
}

bool Refresher::merge_next(Lane& lane, const std::string& run_id, RefreshSummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
  auto& session = *lane.session;
  lane.failed_sqlstate.clear();
  try {
    session.begin();  // a cancel can land on it too
  } catch (const std::exception&) {
    lane.failed_sqlstate = session.last_sqlstate();
    throw;
  }
  try {
    const auto batches = claim(lane);
    if (batches.empty()) {
      session.rollback();
      return false;
    }
    const DecodeStats stats = merge_claimed(lane, run_id, batches);
    session.commit();
    summary.batches += static_cast<std::int64_t>(batches.size());
    summary.transactions += 1;
    summary.decode.add(stats);
    log::debug("batches merged", {{"run_id", run_id},
                                  {"lane", lane.index + 1},
                                  {"batches", batches.size()},
                                  {"records", stats.events},
                                  {"rows", stats.rows()},
                                  {"decode_errors", stats.errors},
                                  {"duration_s", seconds_since(started)}});
    return true;
  } catch (const std::exception& e) {
    lane.failed_sqlstate = session.last_sqlstate();  // record_merge_failure runs statements of its own
    session.rollback();
    record_merge_failure(session, run_id, started_at, e.what());
    throw;
  }
}

std::vector<std::int64_t> Refresher::claim(Lane& lane) {
  auto& session = *lane.session;
  auto claimed = session.exec(sql::query("queries/refresh/claim_batches"),
                              {std::to_string(batches_per_transaction_),
                               std::to_string(batches_per_transaction_ * CLAIM_LOOKAHEAD),
                               std::to_string(lane.count), std::to_string(lane.index)});
  auto ids = batch_ids(claimed.get());
  if (ids.empty()) return ids;
  auto unmerged = session.exec(sql::query("queries/refresh/unmerged_batches"), {bigint_array(ids)});
  auto remaining = batch_ids(unmerged.get());
  // Batches merged by another refresher since the claim's snapshot: claim again.
  if (remaining.empty()) return claim(lane);
  return remaining;
}

DecodeStats Refresher::merge_claimed(Lane& lane, const std::string& run_id,
                                     const std::vector<std::int64_t>& batches) {
  auto& session = *lane.session;
  const std::string started_at = utc_now();
  session.exec(sql::query("queries/refresh/create_staging"));
  auto cursor = BronzeCursor::for_batches(session, batches);
  StagingLoader loader(session, lane.decoder);
  const DecodeStats stats = loader.load(cursor);
  cursor.close();
  record_decode(session, run_id, started_at, stats);
  session.exec(sql::query("queries/refresh/merge_decoded"), {run_id, bigint_array(batches)});
  return stats;
}

void record_merge_failure(pg::Session& session, const std::string& run_id, const std::string& started,
                          const std::string& error) noexcept {
  if (!session.ok()) return;
  try {
    session.exec(sql::query("queries/refresh/record_run"),
                 {run_id, std::string("silver"), std::string("0"), started, std::string("failed"), error});
  } catch (const Error&) {
    // The failure itself is what gets logged; recording it is best effort.
  }
}

void record_decode(pg::Session& session, const std::string& run_id, const std::string& started,
                   const DecodeStats& stats) {
  const std::string remark = decode_remark(stats);
  session.exec(sql::query("queries/refresh/record_run"),
               {run_id, std::string("decode"), std::to_string(stats.events), started, std::string("ok"),
                remark.empty() ? pg::Param{} : pg::Param{remark}});
}

void log_decode_errors(const std::string& run_id, const DecodeStats& stats, std::size_t& already_logged) {
  for (; already_logged < stats.samples.size(); ++already_logged) {
    const auto& error = stats.samples[already_logged];
    log::warn("event yielded no row", {{"run_id", run_id},
                                       {"reason", decode::reason_name(error.reason)},
                                       {"source", error.source},
                                       {"kind", error.kind},
                                       {"batch_id", error.batch_id},
                                       {"kafka_partition", error.kafka_partition},
                                       {"kafka_offset", error.kafka_offset},
                                       {"detail", error.detail}});
  }
}

void log_summary(std::string_view message, const RefreshSummary& summary) {
  const double rate =
      summary.duration_s > 0 ? static_cast<double>(summary.decode.events) / summary.duration_s : 0.0;
  log::info(message, {{"run_id", summary.run_id},
                      {"records", summary.decode.events},
                      {"batches", summary.batches},
                      {"transactions", summary.transactions},
                      {"posts", summary.decode.posts},
                      {"comments", summary.decode.comments},
                      {"users", summary.decode.users},
                      {"decode_errors", summary.decode.errors},
                      {"error_reasons", summary.decode.reasons_text()},
                      {"gold", summary.gold ? status_name(summary.gold->status) : "skipped"},
                      {"gold_rows", summary.gold ? summary.gold->rows : 0},
                      {"duration_s", summary.duration_s},
                      {"events_per_s", rate}});
}

}  // namespace smelt::refresh
