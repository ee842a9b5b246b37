#include "ingest/bronze_writer.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "common/error.hpp"
#include "ingest/timestamp.hpp"
#include "sql/embedded.hpp"

namespace smelt::ingest {
namespace {

constexpr size_t COPY_CHUNK_BYTES = 1 << 20;

std::optional<std::string> utc_param(const std::optional<std::int64_t>& epoch_us) {
  if (!epoch_us) return std::nullopt;
  return format_utc_us(*epoch_us);
}

/// A PostgreSQL array literal of quoted elements (none holds '"' or '\\').
class ArrayLiteral {
 public:
  void add(const std::optional<std::string>& element) {
    text_ += text_.empty() ? "{" : ",";
    text_ += element ? '"' + *element + '"' : std::string("NULL");
  }
  bool empty() const { return text_.empty(); }
  std::string text() const { return text_.empty() ? std::string("{}") : text_ + "}"; }

 private:
  std::string text_;
};

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
  if (batch.partitions().empty()) return true;
  ArrayLiteral partitions;
  ArrayLiteral from;
  ArrayLiteral to;
  ArrayLiteral timestamps;
  ArrayLiteral hashes;
  for (const auto& [partition, range] : batch.partitions()) {
    auto known = expected.find(partition);
    if (known == expected.end()) return false;
    partitions.add(std::to_string(partition));
    from.add(std::to_string(known->second));
    to.add(std::to_string(range.last + 1));
    auto fingerprint = last.find(partition);
    timestamps.add(fingerprint != last.end() ? std::optional(std::to_string(fingerprint->second.timestamp_ms)) : std::nullopt);
    hashes.add(fingerprint != last.end() ? std::optional(std::to_string(fingerprint->second.hash)) : std::nullopt);
  }
  auto result = session_->exec(sql::query("queries/ingest/commit_offsets"),
                               {consumer_group_, topic_, partitions.text(), from.text(), to.text(), timestamps.text(),
                                hashes.text()});
  return std::string_view(PQcmdTuples(result.get())) == std::to_string(batch.partitions().size());
}

// Sends COPY text rows, each prefixed with `batch_id` as its first column, in
// pieces of about COPY_CHUNK_BYTES.
void BronzeWriter::copy_rows(const std::string& batch_id, std::string_view rows) {
  size_t start = 0;
  while (start < rows.size()) {
    size_t end = rows.find('\n', start);
    end = end == std::string_view::npos ? rows.size() : end + 1;
    send_buffer_ += batch_id;
    send_buffer_ += '\t';
    send_buffer_.append(rows.data() + start, end - start);
    start = end;
    if (send_buffer_.size() >= COPY_CHUNK_BYTES) {
      session_->copy_data(send_buffer_);
      send_buffer_.clear();
    }
  }
}

void BronzeWriter::copy_all(std::string_view copy_sql, const Batch& batch, const std::map<std::int32_t, std::string>& ids,
                            bool events) {
  session_->copy_begin(copy_sql);
  send_buffer_.clear();
  for (const auto& [partition, rows] : batch.rows()) {
    const std::string& text = events ? rows.events_copy : rows.rejects_copy;
    if (!text.empty()) copy_rows(ids.at(partition), text);
  }
  if (!send_buffer_.empty()) session_->copy_data(send_buffer_);
  send_buffer_.clear();
  session_->copy_end();
}

WriteOutcome BronzeWriter::write(const Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
                                 const std::map<std::int32_t, Fingerprint>& last, std::int64_t& batch_id) {
  // One ingest batch per partition, so that merge lanes can split the work;
  // all opened in one statement, and every row copied in one COPY per table.
  ArrayLiteral partitions;
  ArrayLiteral events;
  ArrayLiteral rejects;
  ArrayLiteral oldest;
  ArrayLiteral newest;
  ArrayLiteral oldest_timestamp;
  for (const auto& [partition, rows] : batch.rows()) {
    if (rows.empty()) continue;
    partitions.add(std::to_string(partition));
    events.add(std::to_string(rows.events));
    rejects.add(std::to_string(rows.rejects));
    oldest.add(utc_param(rows.oldest_observed_at_us));
    newest.add(utc_param(rows.newest_observed_at_us));
    oldest_timestamp.add(utc_param(rows.oldest_timestamp_ms ? std::optional<std::int64_t>(*rows.oldest_timestamp_ms * 1000)
                                                            : std::nullopt));
  }
  session_->begin();
  try {
    batch_id = 0;
    if (!partitions.empty()) {
      auto opened = session_->exec(sql::query("queries/ingest/begin_batches"),
                                   {consumer_group_, worker_, partitions.text(), events.text(), rejects.text(),
                                    oldest.text(), newest.text(), oldest_timestamp.text()});
      std::map<std::int32_t, std::string> ids;
      for (int row = 0; row < PQntuples(opened.get()); ++row) {
        std::string id = PQgetvalue(opened.get(), row, 1);
        batch_id = std::max<std::int64_t>(batch_id, std::stoll(id));
        ids[std::stoi(PQgetvalue(opened.get(), row, 0))] = std::move(id);
      }
      if (batch.events() > 0) copy_all(sql::query("queries/ingest/copy_events"), batch, ids, true);
      if (batch.rejects() > 0) copy_all(sql::query("queries/ingest/copy_rejects"), batch, ids, false);
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
