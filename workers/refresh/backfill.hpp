#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "refresh/gold.hpp"
#include "refresh/staging.hpp"
#include "text/lexicon.hpp"

// Backfill: recompute silver and gold for an event-time range from bronze.
namespace smelt::refresh {

/// Everything `smelt backfill` can be told.
struct BackfillOptions {
  std::string conninfo;                ///< libpq conninfo or URI
  text::LexiconSearch lexicon;         ///< where the sentiment lexicons are
  std::string from;                    ///< range start (inclusive), as the user wrote it
  std::string to;                      ///< range end (exclusive), as the user wrote it
  std::int64_t chunk_events = 50'000;  ///< events per merge transaction (whole minutes)
  bool silver = true;                  ///< re-decode bronze and merge it into silver
  bool gold = true;                    ///< recompute gold for the range (smelt.backfill_gold)
  bool rescore = false;                ///< verify that silver carries the current sentiment model
};

/// Bronze events in one minute of event time.
struct MinuteCount {
  std::string minute;       ///< start of the minute (timestamptz text)
  std::int64_t events = 0;  ///< events observed in it
};

/// One merge transaction of a backfill: the events observed in [from, to).
struct Chunk {
  std::string from;         ///< inclusive start (timestamptz text)
  std::string to;           ///< exclusive end (timestamptz text)
  std::int64_t events = 0;  ///< events planned in it
};

/// Splits [from, to) into consecutive chunks that cover it without gaps,
/// cut at minute starts so that each holds at most `chunk_events` events
/// (a minute holding more is a chunk of its own). `minutes` are the minutes
/// with events, oldest first. No minutes: no chunks.
std::vector<Chunk> plan_chunks(const std::string& from, const std::string& to,
                               const std::vector<MinuteCount>& minutes, std::int64_t chunk_events);

/// What a backfill did.
struct BackfillSummary {
  std::string run_id;               ///< ties the log lines and smelt.refresh_runs rows together
  std::string from;                 ///< the range, in UTC
  std::string to;                   ///< the range, in UTC
  std::int64_t chunks = 0;          ///< merge transactions committed
  std::int64_t chunks_planned = 0;  ///< merge transactions planned
  std::int64_t days = 0;            ///< gold refreshes committed (one per UTC day of the range)
  std::int64_t days_planned = 0;    ///< gold refreshes planned
  DecodeStats decode;               ///< events re-decoded
  std::optional<GoldOutcome> gold;  ///< the last gold refresh; nullopt when gold did not run
  bool interrupted = false;         ///< a stop request ended the run early
  std::int64_t stale_posts = 0;     ///< --rescore: posts still scored by another model
  std::int64_t stale_comments = 0;  ///< --rescore: comments still scored by another model
  std::string sentiment_models;     ///< the model decoding used per language (JSON object)
  double duration_s = 0;            ///< wall time
};

/// Re-decodes the bronze events observed in [from, to), chunk by chunk
/// (smelt.merge_decoded with no batches: already merged rows change
/// nothing), then recomputes gold for the range a UTC day at a time
/// (smelt.backfill_gold holds the merge lock until it commits), stopping at
/// the first day gold does not publish. Either phase can be left out
/// (options.silver, options.gold). Logs one progress line per chunk and per
/// day. A stop request ends it after the current chunk or day. Throws
/// smelt::Error (usage) on a bad range.
BackfillSummary run_backfill(const BackfillOptions& options);

}  // namespace smelt::refresh
