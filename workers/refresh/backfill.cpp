#include "refresh/backfill.hpp"

#include <chrono>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "decode/decoder.hpp"
#include "refresh/bronze_cursor.hpp"
#include "refresh/connection.hpp"
#include "refresh/lexicon_options.hpp"
#include "refresh/pg_values.hpp"
#include "refresh/progress.hpp"
#include "refresh/refresher.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The range in UTC text; throws ExitCode::usage when it is unreadable or empty.
std::pair<std::string, std::string> read_range(pg::Session& session, const BackfillOptions& options) {
  auto from = read_timestamp(session, options.from, "--from");
  auto to = read_timestamp(session, options.to, "--to");
  auto valid = session.exec(sql::query("queries/refresh/range_valid"), {from, to});
  if (text_at(valid.get(), 0, 0) != "t") {
    throw Error(ExitCode::usage,
                "--from " + from + " --to " + to + " is not a finite range with --to after --from");
  }
  return {from, to};
}

std::vector<MinuteCount> count_minutes(pg::Session& session, const std::string& from, const std::string& to) {
  auto result = session.exec(sql::query("queries/refresh/range_minutes"), {from, to});
  std::vector<MinuteCount> minutes;
  minutes.reserve(static_cast<std::size_t>(PQntuples(result.get())));
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    minutes.push_back({std::string(text_at(result.get(), row, 0)), int_at(result.get(), row, 1)});
  }
  return minutes;
}

std::int64_t total_events(const std::vector<Chunk>& chunks) {
  std::int64_t total = 0;
  for (const auto& chunk : chunks) total += chunk.events;
  return total;
}

/// One chunk in one transaction: decode its bronze rows, merge them without batches.
DecodeStats merge_chunk(pg::Session& session, decode::Decoder& decoder, const std::string& run_id,
                        const Chunk& chunk) {
  const std::string started_at = utc_now();
  session.begin();
  try {
    session.exec(sql::query("queries/refresh/create_staging"));
    auto cursor = BronzeCursor::for_range(session, chunk.from, chunk.to);
    StagingLoader loader(session, decoder);
    const DecodeStats stats = loader.load(cursor);
    cursor.close();
    record_decode(session, run_id, started_at, stats);
    session.exec(sql::query("queries/refresh/merge_decoded"), {run_id, pg::Param{}});
    session.commit();
    return stats;
  } catch (const std::exception& e) {
    session.rollback();
    record_merge_failure(session, run_id, started_at, e.what());
    throw;
  }
}

void log_progress(const std::string& run_id, std::size_t index, std::size_t count, const Chunk& chunk,
                  const Progress& progress) {
  log::info("backfill progress", {{"run_id", run_id},
                                  {"chunk", std::to_string(index + 1) + "/" + std::to_string(count)},
                                  {"chunk_from", chunk.from},
                                  {"chunk_to", chunk.to},
                                  {"records", progress.done},
                                  {"total", progress.total},
                                  {"percent", progress.percent()},
                                  {"events_per_s", progress.rate()},
                                  {"eta_s", progress.eta_s().value_or(0.0)}});
}

std::vector<Chunk> plan_days(pg::Session& session, const std::string& from, const std::string& to) {
  auto result = session.exec(sql::query("queries/refresh/range_days"), {from, to});
  std::vector<Chunk> days;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    days.push_back(
        {std::string(text_at(result.get(), row, 0)), std::string(text_at(result.get(), row, 1)), 0});
  }
  return days;
}

void run_silver(pg::Session& session, decode::Decoder& decoder, BackfillSummary& summary,
                const BackfillOptions& options, Clock::time_point started) {
  const auto chunks = plan_chunks(summary.from, summary.to, count_minutes(session, summary.from, summary.to),
                                  options.chunk_events);
  summary.chunks_planned = static_cast<std::int64_t>(chunks.size());
  log::info("backfill planned", {{"run_id", summary.run_id},
                                 {"from", summary.from},
                                 {"to", summary.to},
                                 {"chunks", chunks.size()},
                                 {"total", total_events(chunks)}});
  Progress progress{0, total_events(chunks), 0};
  std::size_t samples_logged = 0;
  for (std::size_t index = 0; index < chunks.size(); ++index) {
    if (signals::stop_requested()) return;
    summary.decode.add(merge_chunk(session, decoder, summary.run_id, chunks[index]));
    log_decode_errors(summary.run_id, summary.decode, samples_logged);
    ++summary.chunks;
    progress.done += chunks[index].events;
    progress.elapsed_s = seconds_since(started);
    log_progress(summary.run_id, index, chunks.size(), chunks[index], progress);
  }
}

void run_gold(pg::Session& session, BackfillSummary& summary) {
  const auto days = plan_days(session, summary.from, summary.to);
  summary.days_planned = static_cast<std::int64_t>(days.size());
  for (std::size_t index = 0; index < days.size(); ++index) {
    if (signals::stop_requested()) return;
    const auto started = Clock::now();
    summary.gold = backfill_gold(session, summary.run_id, days[index].from, days[index].to);
    ++summary.days;
    log::info("backfill gold progress",
              {{"run_id", summary.run_id},
               {"day", std::to_string(index + 1) + "/" + std::to_string(days.size())},
               {"day_from", days[index].from},
               {"day_to", days[index].to},
               {"gold", status_name(summary.gold->status)},
               {"gold_rows", summary.gold->rows},
               {"duration_s", seconds_since(started)}});
    if (summary.gold->status != GoldStatus::published) return;
  }
}

void check_rescore(pg::Session& session, BackfillSummary& summary) {
  auto result = session.exec(sql::query("queries/refresh/stale_sentiment"),
                             {summary.from, summary.to, summary.sentiment_models});
  summary.stale_posts = int_at(result.get(), 0, 0);
  summary.stale_comments = int_at(result.get(), 0, 1);
}

}  // namespace

std::vector<Chunk> plan_chunks(const std::string& from, const std::string& to,
                               const std::vector<MinuteCount>& minutes, std::int64_t chunk_events) {
  std::vector<Chunk> chunks;
  for (const auto& minute : minutes) {
    const bool full = !chunks.empty() && chunks.back().events + minute.events > chunk_events;
    if (chunks.empty() || full) {
      if (full) chunks.back().to = minute.minute;
      chunks.push_back({chunks.empty() ? from : minute.minute, to, 0});
    }
    chunks.back().events += minute.events;
  }
  return chunks;
}

BackfillSummary run_backfill(const BackfillOptions& options) {
  const auto started = Clock::now();
  const auto analyzer = load_analyzer(options.lexicon);
  decode::Decoder decoder(*analyzer);
  auto session = connect(options.conninfo, "smelt backfill");
  BackfillSummary summary;
  summary.run_id = log::new_run_id();
  summary.sentiment_models = decoder.sentiment_models();
  std::tie(summary.from, summary.to) = read_range(*session, options);

  if (options.silver) run_silver(*session, decoder, summary, options, started);
  if (options.gold && !signals::stop_requested()) run_gold(*session, summary);
  summary.interrupted = signals::stop_requested();
  if (options.rescore && !summary.interrupted) check_rescore(*session, summary);
  summary.duration_s = seconds_since(started);
  return summary;
}

}  // namespace smelt::refresh
