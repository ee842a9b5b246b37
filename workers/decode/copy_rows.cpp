#include "decode/copy_rows.hpp"

#include <charconv>
#include <optional>

#include "ingest/copy_text.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::decode {
namespace {

/// Writes the fields of one COPY line, tab-separated, in call order.
class CopyLine {
 public:
  explicit CopyLine(std::string& out) : out_(out) {}

  CopyLine& text(std::string_view value) {
    separate();
    pg::append_copy_text(out_, value);
    return *this;
  }
  CopyLine& text(const std::string& value) { return text(std::string_view(value)); }
  CopyLine& text(const std::optional<std::string>& value) {
    return value ? text(std::string_view(*value)) : null();
  }
  CopyLine& integer(std::int64_t value) {
    separate();
    char buffer[24];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
    return *this;
  }
  CopyLine& integer(std::optional<std::int64_t> value) { return value ? integer(*value) : null(); }
  CopyLine& real(std::optional<double> value) {
    if (!value) return null();
    separate();
    append_copy_double(out_, *value);
    return *this;
  }
  CopyLine& boolean(std::optional<bool> value) {
    if (!value) return null();
    separate();
    out_ += *value ? 't' : 'f';
    return *this;
  }
  CopyLine& timestamp(std::int64_t epoch_us) { return raw(ingest::format_utc_us(epoch_us)); }
  CopyLine& array(std::span<const std::string> values) {
    separate();
    append_copy_text_array(out_, values);
    return *this;
  }
  void end() { out_ += '\n'; }

 private:
  CopyLine& null() {
    separate();
    pg::append_copy_null(out_);
    return *this;
  }
  CopyLine& raw(std::string_view value) {
    separate();
    out_ += value;
    return *this;
  }
  void separate() {
    if (!first_) out_ += '\t';
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;
};

/// The array-literal escape of one element character, then COPY's escape of that.
std::string_view element_escape(char c) {
  switch (c) {
    case '"':
      return "\\\\\"";  // in the literal \", in COPY \\"
    case '\\':
      return "\\\\\\\\";  // in the literal \\, in COPY \\\\ (four)
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    default:
      return {};
  }
}

void append_element(std::string& out, std::string_view value) {
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string_view escape = element_escape(value[i]);
    if (escape.empty()) continue;
    out.append(value.data() + start, i - start);
    out += escape;
    start = i + 1;
  }
  out.append(value.data() + start, value.size() - start);
  out += '"';
}

}  // namespace

void append_copy_text_array(std::string& out, std::span<const std::string> values) {
  out += '{';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    append_element(out, values[i]);
  }
  out += '}';
}

void append_copy_double(std::string& out, double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

void append_copy_row(std::string& out, const PostRow& row) {
  CopyLine line(out);
  line.text(row.source).text(row.post_id).text(row.author_id).text(row.author_username);
  line.timestamp(row.created_at_us).timestamp(row.observed_at_us);
  line.text(row.text).text(row.language).text(row.region).text(row.url);
  line.integer(row.likes)
      .integer(row.shares)
      .integer(row.comments)
      .integer(row.views)
      .integer(row.impressions);
  line.array(row.hashtags)
      .array(row.hashtags_normalized)
      .array(row.mentions)
      .array(row.cashtags)
      .array(row.urls);
  line.real(row.sentiment_compound).text(row.sentiment_category).text(row.sentiment_model);
  line.text(row.sentiment_status);
  line.integer(row.batch_id).integer(std::int64_t{row.kafka_partition}).integer(row.kafka_offset);
  line.end();
}

void append_copy_row(std::string& out, const CommentRow& row) {
  CopyLine line(out);
  line.text(row.source).text(row.comment_id).text(row.post_id).text(row.author_id).text(row.author_username);
  line.timestamp(row.created_at_us).timestamp(row.observed_at_us);
  line.text(row.text).text(row.language).integer(row.likes);
  line.array(row.hashtags).array(row.hashtags_normalized).array(row.mentions);
  line.real(row.sentiment_compound).text(row.sentiment_category).text(row.sentiment_model);
  line.text(row.sentiment_status);
  line.integer(row.batch_id).integer(std::int64_t{row.kafka_partition}).integer(row.kafka_offset);
  line.end();
}

void append_copy_row(std::string& out, const UserRow& row) {
  CopyLine line(out);
  line.text(row.source).text(row.user_id).text(row.username).text(row.display_name);
  line.integer(row.followers).integer(row.following).boolean(row.verified).text(row.region);
  line.timestamp(row.observed_at_us);
  line.integer(row.batch_id).integer(std::int64_t{row.kafka_partition}).integer(row.kafka_offset);
  line.end();
}

}  // namespace smelt::decode
