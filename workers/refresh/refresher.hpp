#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "decode/decoder.hpp"
#include "pg/session.hpp"
#include "refresh/gold.hpp"
#include "refresh/staging.hpp"
#include "text/features.hpp"
#include "text/lexicon.hpp"

// The incremental refresh: committed ingest batches → decode → silver
// (smelt.merge_decoded) → gold (smelt.refresh_gold).
namespace smelt::refresh {

/// Everything `smelt refresh` can be told.
struct RefreshOptions {
  std::string conninfo;              ///< libpq conninfo or URI
  text::LexiconSearch lexicon;       ///< where the sentiment lexicons are
  int batches_per_transaction = 50;  ///< ingest batches merged per transaction
  int lanes = 2;                     ///< merge lanes: connections merging disjoint partitions at once
};

/// What one refresh run did.
struct RefreshSummary {
  std::string run_id;               ///< ties the run's log lines and smelt.refresh_runs rows together
  std::int64_t batches = 0;         ///< ingest batches merged into silver
  std::int64_t transactions = 0;    ///< merge transactions committed
  DecodeStats decode;               ///< events decoded, rows staged, decode errors
  std::optional<GoldOutcome> gold;  ///< the gold refresh; nullopt when a stop request skipped it
  double duration_s = 0;            ///< wall time of the run
};

/// Merges committed ingest batches into silver and refreshes gold. smelt
/// refresh uses it once; the scheduler continuously.
///
/// Merging runs in `lanes` lanes, each a thread with its own connection and
/// decoder. Lane i of n takes the pending batches whose Kafka partition
/// modulo n is i (ingest writes one batch per partition), so the lanes
/// decode and merge disjoint posts at the same time; smelt.merge_decoded
/// locks the partitions a merge touches and serializes only the shared tail
/// (accounts, dirty marks, bookkeeping). Each merge transaction claims up to
/// batches_per_transaction pending batches with transaction-level advisory
/// locks (claim_batches.sql), so refreshers running side by side split the
/// pending batches instead of decoding the same ones.
///
/// Gold is refreshed over a connection of its own (the main connection).
/// `run` refreshes it once all lanes are done; in continuous mode
/// (start_merging) the lanes keep merging in the background while the
/// caller publishes gold whenever it likes, so gold never waits for a
/// backlog to be merged (smelt.refresh_gold and the merges only wait for
/// each other on the dirty marks of the same keys).
class Refresher {
 public:
  /// Connects the main connection and every lane; `application` names the
  /// connections in pg_stat_activity (the lanes' with " lane i/n").
  Refresher(std::string conninfo, const text::Analyzer& analyzer, int batches_per_transaction,
            std::string application, int lanes = 1);
  ~Refresher();
  Refresher(const Refresher&) = delete;
  Refresher& operator=(const Refresher&) = delete;

  /// Runs every model once: merges pending batches in every lane, one
  /// transaction per claim, until none is left to claim, then refreshes
  /// gold. A stop request (SIGINT/SIGTERM) ends it after the current
  /// transactions, without gold. A lane that fails stops the others after
  /// their current transaction; the first failure is rethrown. Not while
  /// merging continuously.
  RefreshSummary run(const std::string& run_id);

  /// Continuous mode: starts every lane's thread (unless running). A lane
  /// merges transaction after transaction while batches are pending, then
  /// waits for wake() or `idle_poll`. With a `merge_gap`, a merge that took
  /// fewer than batches_per_transaction batches is followed by the next one
  /// no sooner than merge_gap after it started. Merges are recorded under
  /// `run_id` until take_merged names the next run.
  void start_merging(const std::string& run_id, std::chrono::milliseconds idle_poll,
                     std::chrono::milliseconds merge_gap = std::chrono::milliseconds(0));
  /// New batches were announced: idle lanes look at once.
  void wake();
  /// Merge transactions committed since the last take_merged.
  std::int64_t merged_since_taken() const noexcept { return merged_since_taken_.load(); }
  /// The merges committed since the last call (run_id, batches,
  /// transactions, decode statistics); later merges are recorded under
  /// `next_run_id`. Rethrows the failure of a lane that stopped on one.
  RefreshSummary take_merged(const std::string& next_run_id);
  /// Rethrows the failure of a lane that stopped on one (continuous mode),
  /// so that the caller handles it at once rather than at its next
  /// take_merged, which may be an --interval away.
  void raise_lane_failure();
  /// Stops the lanes' threads after their current transaction and waits
  /// for them. Does nothing when they are not running.
  void stop_merging() noexcept;
  /// Refreshes gold now, over the main connection, with whatever has been
  /// merged so far.
  GoldOutcome publish(const std::string& run_id);

  /// True while every connection is usable.
  bool connected() const noexcept;

  /// True when the last failure of run() (or of a statement on session())
  /// was the server's weather rather than a bug: a statement cancelled by an
  /// operator, a deadlock, a serialization failure (pg::is_transient_sqlstate),
  /// on connections that still work. Running it again may succeed.
  bool interrupted() const noexcept;

  /// Drops and re-opens the connections (after a connection-class failure).
  /// Stops continuous merging first.
  void reconnect();

  /// The main connection (gold, and the other statements of a job).
  pg::Session& session();

  /// Creates the silver and gold partitions for the months of the pending
  /// batches' events, in a transaction of its own on the main connection, so
  /// that no lane creates one inside a merge while the others wait on it.
  /// Does nothing with one lane.
  void ensure_pending_partitions();

  /// Merge lanes.
  int lanes() const noexcept { return static_cast<int>(lanes_.size()); }

  /// The sentiment model decoding writes for each language (JSON object).
  const std::string& sentiment_models() const noexcept;

 private:
  struct Lane;
  void merge_lane(Lane& lane, const std::string& run_id, RefreshSummary& summary);
  void follow_lane(Lane& lane, std::chrono::milliseconds idle_poll, std::chrono::milliseconds merge_gap);
  bool merge_next(Lane& lane, const std::string& run_id, RefreshSummary& summary);
  std::vector<std::int64_t> claim(Lane& lane);
  DecodeStats merge_claimed(Lane& lane, const std::string& run_id, const std::vector<std::int64_t>& batches);

  std::string conninfo_;
  std::string application_;
  int batches_per_transaction_;
  std::unique_ptr<pg::Session> main_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  std::atomic<bool> failed_{false};  ///< a lane failed: the others stop after their current transaction

  // Continuous mode: the lanes' threads and what they merged since taken.
  std::vector<std::thread> followers_;
  mutable std::mutex merged_mutex_;
  std::condition_variable wake_;
  bool stop_following_ = false;        ///< guarded by merged_mutex_
  std::uint64_t wakeups_ = 0;          ///< guarded by merged_mutex_
  RefreshSummary merged_;              ///< guarded by merged_mutex_
  std::exception_ptr lane_failure_;    ///< guarded by merged_mutex_
  std::atomic<std::int64_t> merged_since_taken_{0};
};

/// Records decoding in smelt.refresh_runs as model 'decode' (rows: events
/// read; a remark naming the decode errors and a sample, if any), inside the
/// caller's transaction.
void record_decode(pg::Session& session, const std::string& run_id, const std::string& started,
                   const DecodeStats& stats);

/// Records a merge transaction that failed and was rolled back in
/// smelt.refresh_runs (model silver, status failed), when the
/// connection still works; never throws.
void record_merge_failure(pg::Session& session, const std::string& run_id, const std::string& started,
                          const std::string& error) noexcept;

/// Logs each decode error sample (at most DECODE_ERROR_SAMPLES per run:
/// `already_logged` counts them).
void log_decode_errors(const std::string& run_id, const DecodeStats& stats, std::size_t& already_logged);

/// Logs a run's summary line: run_id, records, batches, decode errors,
/// gold status, duration_s.
void log_summary(std::string_view message, const RefreshSummary& summary);

}  // namespace smelt::refresh
