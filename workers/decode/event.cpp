#include "decode/event.hpp"

#include <utility>

namespace smelt::decode {
namespace {

constexpr std::string_view MISSING = "missing";

Failure field_failure(ErrorReason reason, object parent, std::string_view key, std::string_view path,
                      std::string_view what) {
  const std::string value = describe_field(parent, key);
  std::string detail(path);
  if (value == MISSING) return {reason, detail.append(" missing")};
  return {reason, detail.append(" = ").append(value).append(" is not ").append(what)};
}

template <class Row>
void stamp(Row& row, const Event& event, const BronzeRef& ref) {
  row.source = event.source;
  row.observed_at_us = event.observed_at_us;
  row.batch_id = ref.batch_id;
  row.kafka_partition = ref.kafka_partition;
  row.kafka_offset = ref.kafka_offset;
}

std::vector<std::string> tags_of(std::vector<text::Hashtag>& hashtags) {
  std::vector<std::string> out;
  out.reserve(hashtags.size());
  for (auto& hashtag : hashtags) out.push_back(std::move(hashtag.tag));
  return out;
}

std::vector<std::string> keys_of(std::vector<text::Hashtag>& hashtags) {
  std::vector<std::string> out;
  out.reserve(hashtags.size());
  for (auto& hashtag : hashtags) out.push_back(std::move(hashtag.normalized));
  return out;
}

}  // namespace

Failure missing_id(object parent, std::string_view key, std::string_view path) {
  return field_failure(ErrorReason::missing_id, parent, key, path, "an id");
}

Failure bad_timestamp(object parent, std::string_view key, std::string_view path) {
  return field_failure(ErrorReason::bad_timestamp, parent, key, path, "a timestamp");
}

Failure unknown_shape(std::string detail) { return {ErrorReason::unknown_shape, std::move(detail)}; }

Emitter::Emitter(const Event& event, const BronzeRef& ref, const text::Analyzer& analyzer, Rows& out,
                 text::FeatureCache* posts)
    : event_(event), ref_(ref), analyzer_(analyzer), out_(out), posts_(posts) {}

PostRow& Emitter::post() {
  PostRow& row = out_.posts.emplace_back();
  stamp(row, event_, ref_);
  return row;
}

CommentRow& Emitter::comment() {
  CommentRow& row = out_.comments.emplace_back();
  stamp(row, event_, ref_);
  return row;
}

void Emitter::add(UserRow row) {
  stamp(row, event_, ref_);
  out_.users.push_back(std::move(row));
}

text::Features Emitter::features(const std::optional<std::string>& text, text::Hints hints,
                                 text::FeatureCache* cache) const {
  hints.platform = text::parse_platform(event_.source).value_or(text::Platform::unknown);
  const std::string_view body = text ? std::string_view(*text) : std::string_view();
  return cache ? cache->analyze(analyzer_, body, hints) : analyzer_.analyze(body, hints);
}

template <class Row>
void Emitter::apply_common(Row& row, text::Features& features) const {
  row.language = std::move(features.language.code);
  row.hashtags = tags_of(features.hashtags);
  row.hashtags_normalized = keys_of(features.hashtags);
  row.mentions = std::move(features.mentions);
  row.sentiment_status = std::string(text::sentiment_status_name(features.sentiment_status));
  // Unscored (no text, a language smelt cannot score): sentiment stays NULL.
  if (features.sentiment_status != text::SentimentStatus::scored) return;
  row.sentiment_compound = features.sentiment.compound;
  row.sentiment_category = std::string(text::category_name(features.sentiment.category));
  row.sentiment_model = std::string(features.sentiment_model);
}

void Emitter::analyze(PostRow& row, text::Hints hints) const {
  text::Features found = features(row.text, std::move(hints), posts_);
  apply_common(row, found);
  row.cashtags = std::move(found.cashtags);
  row.urls = std::move(found.urls);
}

void Emitter::analyze(CommentRow& row, text::Hints hints) const {
  text::Features found = features(row.text, std::move(hints), nullptr);
  apply_common(row, found);
}

void Emitter::fail(const Failure& failure) {
  DecodeError& error = out_.errors.emplace_back();
  error.source = clean_text(event_.source);
  error.kind = clean_text(event_.kind);
  error.batch_id = ref_.batch_id;
  error.kafka_partition = ref_.kafka_partition;
  error.kafka_offset = ref_.kafka_offset;
  error.reason = failure.reason;
  error.detail = failure.detail;
}

}  // namespace smelt::decode
