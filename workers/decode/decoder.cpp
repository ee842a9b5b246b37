#include "decode/decoder.hpp"

#include <array>
#include <utility>

#include "common/json.hpp"
#include "decode/event.hpp"
#include "decode/platforms.hpp"
#include "decode/times.hpp"

namespace smelt::decode {
namespace {

using PlatformDecoder = Status (*)(const Event&, Emitter&);

constexpr std::array<std::pair<std::string_view, PlatformDecoder>, 5> PLATFORMS = {{
    {"x", decode_x},
    {"instagram", decode_instagram},
    {"tiktok", decode_tiktok},
    {"youtube", decode_youtube},
    {"reddit", decode_reddit},
}};
constexpr std::array<std::string_view, 3> KINDS = {"post", "comment", "user"};

/// How many entries each list of a Rows had.
struct Sizes {
  std::size_t posts;
  std::size_t comments;
  std::size_t users;
  std::size_t errors;
};

Sizes sizes_of(const Rows& rows) {
  return {rows.posts.size(), rows.comments.size(), rows.users.size(), rows.errors.size()};
}

/// Drops the rows an event appended before its main entity failed.
void drop_rows_since(Rows& rows, const Sizes& before) {
  rows.posts.resize(before.posts);
  rows.comments.resize(before.comments);
  rows.users.resize(before.users);
}

DecodeResult appended_since(const Rows& rows, const Sizes& before) {
  return {static_cast<std::uint32_t>(rows.posts.size() - before.posts),
          static_cast<std::uint32_t>(rows.comments.size() - before.comments),
          static_cast<std::uint32_t>(rows.users.size() - before.users),
          static_cast<std::uint32_t>(rows.errors.size() - before.errors)};
}

PlatformDecoder platform_decoder(std::string_view source) {
  for (const auto& [name, decoder] : PLATFORMS) {
    if (name == source) return decoder;
  }
  return nullptr;
}

bool known_kind(std::string_view kind) {
  for (std::string_view name : KINDS) {
    if (name == kind) return true;
  }
  return false;
}

/// The bronze column when given, else the envelope's string field.
std::string_view column_or_field(std::string_view column, object envelope, std::string_view key) {
  if (!column.empty()) return column;
  return raw_string_field(envelope, key).value_or(std::string_view());
}

Status read_observed_at(object envelope, const BronzeRef& ref, Event& event) {
  if (ref.observed_at_us) {
    event.observed_at_us = *ref.observed_at_us;
    return std::nullopt;
  }
  const auto text = raw_string_field(envelope, "observed_at");
  const auto parsed = text ? parse_rfc3339_time_us(*text) : std::nullopt;
  if (!parsed) {
    return Failure{ErrorReason::bad_envelope, bad_timestamp(envelope, "observed_at", "observed_at").detail};
  }
  event.observed_at_us = *parsed;
  return std::nullopt;
}

/// Fills `event` from the parsed envelope; source and kind are set as far as
/// they could be read, even on failure, for the error record.
Status read_envelope(object envelope, const BronzeRef& ref, Event& event) {
  event.source = column_or_field(ref.source, envelope, "source");
  event.kind = column_or_field(ref.kind, envelope, "kind");
  if (event.source.empty()) return Failure{ErrorReason::bad_envelope, "source missing"};
  if (!platform_decoder(event.source)) {
    return Failure{ErrorReason::unknown_source, "source = " + describe_field(envelope, "source")};
  }
  if (!known_kind(event.kind)) {
    return Failure{ErrorReason::unknown_kind, "kind = " + describe_field(envelope, "kind")};
  }
  if (Status failed = read_observed_at(envelope, ref, event)) return failed;
  const auto payload = object_field(envelope, "payload");
  if (!payload) {
    return Failure{ErrorReason::bad_envelope,
                   "payload = " + describe_field(envelope, "payload") + " is not an object"};
  }
  event.payload = *payload;
  event.includes = object_field(envelope, "includes");
  return std::nullopt;
}

/// Parses the envelope and hands its payload to the platform's decoder.
Status decode_event(simdjson::dom::parser& parser, std::string& scratch, std::string_view raw, const BronzeRef& ref,
                    Event& event, Emitter& emit) {
  event.source = ref.source;
  event.kind = ref.kind;
  object envelope;
  element root;
  auto error = json::parse(parser, raw, scratch, root);
  if (!error) error = root.get_object().get(envelope);
  if (error) {
    return Failure{ErrorReason::invalid_json,
                   std::string("not a JSON object: ") + simdjson::error_message(error)};
  }
  if (Status failed = read_envelope(envelope, ref, event)) return failed;
  return platform_decoder(event.source)(event, emit);
}

}  // namespace

namespace {

/// {"en":"<model>","es":"<model>",...} for the analyzer's languages.
std::string models_json(const text::Analyzer& analyzer) {
  std::string json(1, '{');
  for (const auto& [language, model] : analyzer.sentiment_models()) {
    if (json.size() > 1) json.push_back(',');
    json.append(1, '"').append(language).append("\":\"").append(model).append(1, '"');
  }
  json.push_back('}');
  return json;
}

}  // namespace

Decoder::Decoder(const text::Analyzer& analyzer) : analyzer_(analyzer), sentiment_models_(models_json(analyzer)) {}

DecodeResult Decoder::decode(std::string_view raw, const BronzeRef& ref, Rows& out) {
  const Sizes before = sizes_of(out);
  Event event;
  Emitter emit(event, ref, analyzer_, out, &post_features_);
  if (Status failed = decode_event(parser_, scratch_, raw, ref, event, emit)) {
    drop_rows_since(out, before);
    emit.fail(*failed);
  }
  return appended_since(out, before);
}

}  // namespace smelt::decode
