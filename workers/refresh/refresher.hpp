#pragma once

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

/// Merges committed ingest batches into silver and refreshes gold, over
/// one connection with one decoder. smelt refresh uses it once; the
/// scheduler cycle after cycle.
///
/// Each merge transaction claims up to batches_per_transaction pending
/// batches with transaction-level advisory locks (claim_batches.sql), so
/// refreshers running side by side split the pending batches instead of
/// decoding the same ones; smelt.merge_decoded serializes the merges.
class Refresher {
 public:
  /// Connects; `application` names the connection in pg_stat_activity.
  Refresher(std::string conninfo, const text::Analyzer& analyzer, int batches_per_transaction,
            std::string application);

  /// Runs every model once: merges pending batches, one transaction per
  /// claim, until none is left to claim or `budget` is spent, then refreshes
  /// gold. A stop request (SIGINT/SIGTERM) ends it after the current
  /// transaction, without gold.
  RefreshSummary run(const std::string& run_id, const MergeBudget& budget = {});

  /// One merge transaction: claims pending batches, decodes their bronze
  /// rows into staging, merges them and commits. Adds to `summary`; returns
  /// false when there was nothing left to claim. A failed merge is rolled
  /// back, recorded in smelt.refresh_runs as model silver, 'failed', and
  /// rethrown.
  bool merge_next(const std::string& run_id, RefreshSummary& summary);

  /// True while the connection is usable.
  bool connected() const noexcept { return session_ && session_->ok(); }
  /// Drops and re-opens the connection (after a connection-class failure).
  void reconnect();
  /// The connection, for the other statements of a job.
  pg::Session& session() { return *session_; }
  /// The sentiment model decoding writes for each language (JSON object).
  const std::string& sentiment_models() const noexcept { return decoder_.sentiment_models(); }

 private:
  std::vector<std::int64_t> claim();
  DecodeStats merge_claimed(const std::string& run_id, const std::vector<std::int64_t>& batches);

  std::string conninfo_;
  std::string application_;
  int batches_per_transaction_;
  decode::Decoder decoder_;
  std::unique_ptr<pg::Session> session_;
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
