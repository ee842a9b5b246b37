#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
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

/// How much merging one run may do before it refreshes gold. The scheduler
/// bounds it so that gold publishes on a steady cadence whatever the
/// backlog; `smelt refresh` merges everything (no limit).
struct MergeBudget {
  double seconds = 0;             ///< claim no new transaction after this long (0: no limit)
  std::int64_t transactions = 0;  ///< ... or after this many (0: no limit)
};

/// What one refresh run did.
struct RefreshSummary {
  std::string run_id;               ///< ties the run's log lines and smelt.refresh_runs rows together
  std::int64_t batches = 0;         ///< ingest batches merged into silver
  std::int64_t transactions = 0;    ///< merge transactions committed
  DecodeStats decode;               ///< events decoded, rows staged, decode errors
  std::optional<GoldOutcome> gold;  ///< the gold refresh; nullopt when a stop request skipped it
  bool budget_spent = false;        ///< merging stopped at the budget: batches may still be pending
  double duration_s = 0;            ///< wall time of the run
};

/// Merges committed ingest batches into silver and refreshes gold. smelt
/// refresh uses it once; the scheduler cycle after cycle.
///
/// Merging runs in `lanes` lanes, each a thread with its own connection and
/// decoder. Lane i of n takes the pending batches whose Kafka partition
/// modulo n is i (ingest writes one batch per partition), so the lanes
/// decode and merge disjoint posts at the same time; smelt.merge_decoded
/// locks the partitions a merge touches and serializes only the shared tail
/// (accounts, dirty marks, bookkeeping). Each merge transaction claims up to
/// batches_per_transaction pending batches with transaction-level advisory
/// locks (claim_batches.sql), so refreshers running side by side split the
/// pending batches instead of decoding the same ones. Gold is refreshed once
/// all lanes are done, over the first lane's connection.
class Refresher {
 public:
  /// Connects every lane; `application` names the connections in
  /// pg_stat_activity (with " lane i/n" when there are several).
  Refresher(std::string conninfo, const text::Analyzer& analyzer, int batches_per_transaction,
            std::string application, int lanes = 1);
  ~Refresher();
  Refresher(const Refresher&) = delete;
  Refresher& operator=(const Refresher&) = delete;

  /// Runs every model once: merges pending batches in every lane, one
  /// transaction per claim, until none is left to claim or `budget` is spent
  /// (each lane on its own), then refreshes gold. A stop request
  /// (SIGINT/SIGTERM) ends it after the current transactions, without gold.
  /// A lane that fails stops the others after their current transaction;
  /// the first failure is rethrown.
  RefreshSummary run(const std::string& run_id, const MergeBudget& budget = {});

  /// True while every lane's connection is usable.
  bool connected() const noexcept;

  /// True when the last failure of run() (or of a statement on session())
  /// was the server's weather rather than a bug: a statement cancelled by an
  /// operator, a deadlock, a serialization failure (pg::is_transient_sqlstate),
  /// on connections that still work. Running it again may succeed.
  bool interrupted() const noexcept;

  /// Drops and re-opens the connections (after a connection-class failure).
  void reconnect();

  /// The first lane's connection, for the other statements of a job.
  pg::Session& session();

  /// Merge lanes.
  int lanes() const noexcept { return static_cast<int>(lanes_.size()); }

  /// The sentiment model decoding writes for each language (JSON object).
  const std::string& sentiment_models() const noexcept;

 private:
  struct Lane;
  void merge_lane(Lane& lane, const std::string& run_id, const MergeBudget& budget, RefreshSummary& summary);
  bool merge_next(Lane& lane, const std::string& run_id, RefreshSummary& summary);
  std::vector<std::int64_t> claim(Lane& lane);
  DecodeStats merge_claimed(Lane& lane, const std::string& run_id, const std::vector<std::int64_t>& batches);

  std::string conninfo_;
  std::string application_;
  int batches_per_transaction_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  std::atomic<bool> failed_{false};  ///< a lane failed: the others stop after their current transaction
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
