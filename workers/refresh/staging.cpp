#include "refresh/staging.hpp"

#include "decode/copy_rows.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

/// Staged rows buffered before a COPY.
constexpr std::size_t FLUSH_ROWS = 4000;

template <class Row>
std::int64_t copy_rows(pg::Session& session, std::string_view copy_sql, const std::vector<Row>& rows,
                       std::string& buffer) {
  if (rows.empty()) return 0;
  buffer.clear();
  for (const auto& row : rows) decode::append_copy_row(buffer, row);
  session.copy_in(copy_sql, buffer);
  return static_cast<std::int64_t>(rows.size());
}

}  // namespace

void DecodeStats::add(const DecodeStats& other) {
  events += other.events;
  posts += other.posts;
  comments += other.comments;
  users += other.users;
  errors += other.errors;
  for (const auto& [reason, count] : other.error_reasons) error_reasons[reason] += count;
  for (const auto& sample : other.samples) {
    if (samples.size() < DECODE_ERROR_SAMPLES) samples.push_back(sample);
  }
}

void DecodeStats::add_error(const decode::DecodeError& error) {
  ++errors;
  ++error_reasons[std::string(decode::reason_name(error.reason))];
  if (samples.size() < DECODE_ERROR_SAMPLES) samples.push_back(error);
}

std::string DecodeStats::reasons_text() const {
  std::string text;
  for (const auto& [reason, count] : error_reasons) {
    text += (text.empty() ? "" : ",") + reason + ":" + std::to_string(count);
  }
  return text;
}

std::string describe(const decode::DecodeError& error) {
  return std::string(decode::reason_name(error.reason)) + " in " +
         (error.source.empty() ? "?" : error.source) + "/" + (error.kind.empty() ? "?" : error.kind) +
         " at batch " + std::to_string(error.batch_id) + ", partition " +
         std::to_string(error.kafka_partition) + ", offset " + std::to_string(error.kafka_offset) + ": " +
         error.detail;
}

const DecodeStats& StagingLoader::load(BronzeCursor& cursor) {
  while (cursor.fetch()) {
    for (int index = 0; index < cursor.size(); ++index) add(cursor.row(index));
  }
  finish();
  return stats_;
}

void StagingLoader::add(const BronzeRow& row) {
  ++stats_.events;
  decoder_.decode(row.raw, row.ref, rows_);
  if (rows_.posts.size() + rows_.comments.size() + rows_.users.size() + rows_.errors.size() >= FLUSH_ROWS) {
    flush();
  }
}

void StagingLoader::finish() { flush(); }

void StagingLoader::flush() {
  stats_.posts += copy_rows(session_, sql::query("queries/refresh/copy_posts"), rows_.posts, copy_);
  stats_.comments += copy_rows(session_, sql::query("queries/refresh/copy_comments"), rows_.comments, copy_);
  stats_.users += copy_rows(session_, sql::query("queries/refresh/copy_users"), rows_.users, copy_);
  for (const auto& error : rows_.errors) stats_.add_error(error);
  rows_.clear();
}

}  // namespace smelt::refresh
