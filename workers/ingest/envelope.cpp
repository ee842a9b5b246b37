#include "ingest/envelope.hpp"

#include <array>
#include <cstring>
#include <optional>

#include "common/json.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::ingest {
namespace {

constexpr std::array<std::string_view, 5> SOURCES = {"x", "instagram", "tiktok", "youtube", "reddit"};
constexpr std::array<std::string_view, 3> KINDS = {"post", "comment", "user"};

template <size_t N>
std::optional<std::string_view> find_in(const std::array<std::string_view, N>& names, std::string_view value) {
  for (auto name : names) {
    if (name == value) return name;
  }
  return std::nullopt;
}

Rejection reject(RejectReason reason, std::string detail) { return Rejection{reason, std::move(detail)}; }

// At most MAX_DETAIL_BYTES of valid UTF-8 text, never cutting a character in
// two. A NUL (a \u0000 escape in the JSON string) is written back as that
// escape: PostgreSQL text cannot hold it, and the detail goes to a text column.
std::string shorten(std::string_view text) {
  constexpr size_t MAX_DETAIL_BYTES = 80;
  size_t end = text.size();
  if (end > MAX_DETAIL_BYTES) {
    end = MAX_DETAIL_BYTES;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  }
  std::string out;
  out.reserve(end + 3);
  for (char c : text.substr(0, end)) {
    if (c == '\0') {
      out += "\\u0000";
    } else {
      out += c;
    }
  }
  if (end < text.size()) out += "...";
  return out;
}

}  // namespace

std::string_view to_string(RejectReason reason) {
  switch (reason) {
    case RejectReason::invalid_utf8: return "invalid_utf8";
    case RejectReason::nul_byte: return "nul_byte";
    case RejectReason::invalid_json: return "invalid_json";
    case RejectReason::not_an_object: return "not_an_object";
    case RejectReason::missing_field: return "missing_field";
    case RejectReason::bad_field: return "bad_field";
    case RejectReason::oversized: return "oversized";
  }
  return "unknown";
}

EnvelopeReader::EnvelopeReader(size_t max_message_bytes) : max_message_bytes_(max_message_bytes) {}

Verdict EnvelopeReader::read(std::string_view message) {
  if (message.size() > max_message_bytes_) {
    return reject(RejectReason::oversized, std::to_string(message.size()) + " bytes exceeds the limit of " +
                                               std::to_string(max_message_bytes_));
  }
  if (const void* nul = std::memchr(message.data(), 0, message.size()); nul != nullptr) {
    auto at = static_cast<size_t>(static_cast<const char*>(nul) - message.data());
    return reject(RejectReason::nul_byte, "NUL byte at offset " + std::to_string(at));
  }
  if (!simdjson::validate_utf8(message.data(), message.size())) {
    return reject(RejectReason::invalid_utf8, "message is not valid UTF-8");
  }
  simdjson::dom::element root;
  if (auto error = json::parse(parser_, message, scratch_, root); error) {
    return reject(RejectReason::invalid_json, simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return reject(RejectReason::not_an_object, "top-level JSON value is not an object");
  }
  return read_fields(object);
}

Verdict EnvelopeReader::read_fields(simdjson::dom::object object) {
  std::string_view source;
  std::string_view kind;
  std::string_view observed_at;
  for (const char* name : {"source", "kind", "observed_at"}) {
    std::string_view value;
    auto error = object[name].get_string().get(value);
    if (error == simdjson::NO_SUCH_FIELD) return reject(RejectReason::missing_field, std::string("no ") + name);
    if (error) return reject(RejectReason::bad_field, std::string(name) + " is not a string");
    (name[0] == 's' ? source : name[0] == 'k' ? kind : observed_at) = value;
  }
  simdjson::dom::object payload;
  auto payload_error = object["payload"].get_object().get(payload);
  if (payload_error == simdjson::NO_SUCH_FIELD) return reject(RejectReason::missing_field, "no payload");
  if (payload_error) return reject(RejectReason::bad_field, "payload is not an object");
  auto known_source = find_in(SOURCES, source);
  if (!known_source) return reject(RejectReason::bad_field, "unknown source '" + shorten(source) + "'");
  auto known_kind = find_in(KINDS, kind);
  if (!known_kind) return reject(RejectReason::bad_field, "unknown kind '" + shorten(kind) + "'");
  auto observed = parse_rfc3339_us(observed_at);
  if (!observed) return reject(RejectReason::bad_field, "observed_at '" + shorten(observed_at) + "' is not RFC 3339");
  return Envelope{*known_source, *known_kind, *observed};
}

}  // namespace smelt::ingest
