#include "ingest/bronze_writer.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "ingest/timestamp.hpp"
#include "sql/embedded.hpp"

namespace smelt::ingest {
namespace {

pg::Param utc_param(const std::optional<std::int64_t>& epoch_us) {
  if (!epoch_us) return {};
  return format_utc_us(*epoch_us);
}

}  // namespace

BronzeWriter::BronzeWriter(std::string conninfo, std::string consumer_group, std::string topic, std::string worker)
    : conninfo_(std::move(conninfo)),
      consumer_group_(std::move(consumer_group)),
      topic_(std::move(topic)),
      worker_(std::move(worker)) {}

void BronzeWriter::reconnect() {
  session_.reset();
  auto session = std::make_unique<pg::Session>(conninfo_);
  session->exec(sql::query("queries/ingest/session_setup"), {"smelt-ingest/" + worker_});
  session_ = std::move(session);
}

void BronzeWriter::ensure_partitions() { session_->exec(sql::query("queries/ingest/ensure_partitions")); }

std::map<std::int32_t, StoredOffset> BronzeWriter::load_offsets() {
  auto result = session_->exec(sql::query("queries/ingest/load_offsets"), {consumer_group_, topic_});
  std::map<std::int32_t, StoredOffset> offsets;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    StoredOffset& stored = offsets[std::stoi(PQgetvalue(result.get(), row, 0))];
    stored.next = std::stoll(PQgetvalue(result.get(), row, 1));
    if (!PQgetisnull(result.get(), row, 2) && !PQgetisnull(result.get(), row, 3)) {
      stored.last = Fingerprint{std::stoll(PQgetvalue(result.get(), row, 2)),
                                std::stoll(PQgetvalue(result.get(), row, 3))};
    }
  }
  return offsets;
}

void BronzeWriter::init_offset(std::int32_t partition, std::int64_t start) {
  session_->exec(sql::query("queries/ingest/init_offset"),
                 {consumer_group_, topic_, std::to_string(partition), std::to_string(start)});
}

bool BronzeWriter::commit_offsets(const Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
                                  const std::map<std::int32_t, Fingerprint>& last) {
  for (const auto& [partition, range] : batch.partitions()) {
    auto known = expected.find(partition);
    if (known == expected.end()) return false;
    auto fingerprint = last.find(partition);
    pg::Param timestamp_ms;
    pg::Param hash;
    if (fingerprint != last.end()) {
      timestamp_ms = std::to_string(fingerprint->second.timestamp_ms);
      hash = std::to_string(fingerprint->second.hash);
    }
    auto result = session_->exec(sql::query("queries/ingest/commit_offset"),
                                 {consumer_group_, topic_, std::to_string(partition),
                                  std::to_string(known->second), std::to_string(range.last + 1), timestamp_ms, hash});
    if (std::string_view(PQcmdTuples(result.get())) != "1") return false;
  }
  return true;
}

WriteOutcome BronzeWriter::write(const Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
                                 const std::map<std::int32_t, Fingerprint>& last, std::int64_t& batch_id) {
  session_->begin();
  try {
    // One ingest batch per partition, so that merge lanes can split the work.
    batch_id = 0;
    for (const auto& [partition, rows] : batch.rows()) {
      if (rows.empty()) continue;
      auto opened = session_->exec(
          sql::query("queries/ingest/begin_batch"),
          {consumer_group_, worker_, std::to_string(rows.events), std::to_string(rows.rejects),
           std::to_string(partition), utc_param(rows.oldest_observed_at_us), utc_param(rows.newest_observed_at_us),
           utc_param(rows.oldest_timestamp_ms ? std::optional<std::int64_t>(*rows.oldest_timestamp_ms * 1000)
                                              : std::nullopt)});
      batch_id = std::max<std::int64_t>(batch_id, std::stoll(pg::first_value(opened.get()).value_or("0")));
      if (rows.events > 0) session_->copy_in(sql::query("queries/ingest/copy_events"), rows.events_copy);
      if (rows.rejects > 0) session_->copy_in(sql::query("queries/ingest/copy_rejects"), rows.rejects_copy);
    }
    if (!commit_offsets(batch, expected, last)) {
      session_->rollback();
      return WriteOutcome::fenced;
    }
    session_->commit();
    return WriteOutcome::committed;
  } catch (...) {
    session_->rollback();
    throw;
  }
}

}  // namespace smelt::ingest
