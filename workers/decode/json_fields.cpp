#include "decode/json_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

#include "text/utf8.hpp"

namespace smelt::decode {
namespace {

constexpr std::size_t MAX_DESCRIBED_BYTES = 60;
constexpr std::uint64_t MAX_INT64 = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string decimal(std::uint64_t value) {
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::optional<std::int64_t> count_of_digits(std::string_view digits) {
  if (!all_digits(digits)) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// At most `limit` bytes of valid UTF-8, never cutting a character in two.
std::string shortened(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  return std::string(text.substr(0, end)) + "...";
}

}  // namespace

std::string clean_text(std::string_view value) {
  if (value.empty()) return {};
  const bool has_nul = std::memchr(value.data(), 0, value.size()) != nullptr;
  if (!has_nul && simdjson::validate_utf8(value.data(), value.size())) return std::string(value);
  std::string stripped;
  stripped.reserve(value.size());
  for (char c : value) {
    if (c != '\0') stripped += c;
  }
  if (text::utf8::is_valid(stripped)) return stripped;
  return text::utf8::sanitize(stripped);
}

std::optional<element> field(object parent, std::string_view key) {
  element value;
  if (parent.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

std::optional<object> object_field(object parent, std::string_view key) {
  object value;
  if (parent.at_key(key).get_object().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<array> array_field(object parent, std::string_view key) {
  array value;
  if (parent.at_key(key).get_array().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<std::string_view> raw_string_field(object parent, std::string_view key) {
  std::string_view value;
  if (parent.at_key(key).get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<std::string> string_field(object parent, std::string_view key) {
  const auto value = raw_string_field(parent, key);
  if (!value) return std::nullopt;
  return clean_text(*value);
}

std::optional<std::string> nonempty_string_field(object parent, std::string_view key) {
  auto value = string_field(parent, key);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::optional<bool> bool_field(object parent, std::string_view key) {
  bool value = false;
  if (parent.at_key(key).get_bool().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<std::string> id_of(element value) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) {
    std::string id = clean_text(text);
    if (id.empty()) return std::nullopt;
    return id;
  }
  // simdjson parses an integer literal exactly as a 64-bit integer; a literal
  // with a fraction or an exponent, or beyond 64 bits, is no integer and
  // get_uint64 refuses it, as it refuses negative numbers.
  std::uint64_t number = 0;
  if (value.get_uint64().get(number) != simdjson::SUCCESS) return std::nullopt;
  return decimal(number);
}

std::optional<std::string> id_field(object parent, std::string_view key) {
  const auto value = field(parent, key);
  if (!value) return std::nullopt;
  return id_of(*value);
}

std::optional<std::int64_t> count_of(element value) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return count_of_digits(text);
  std::uint64_t number = 0;
  if (value.get_uint64().get(number) != simdjson::SUCCESS || number > MAX_INT64) return std::nullopt;
  return static_cast<std::int64_t>(number);
}

std::optional<std::int64_t> count_field(object parent, std::string_view key) {
  const auto value = field(parent, key);
  if (!value) return std::nullopt;
  return count_of(*value);
}

std::vector<std::string> strings_of(array values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (element value : values) {
    std::string_view text;
    if (value.get_string().get(text) == simdjson::SUCCESS) out.push_back(clean_text(text));
  }
  return out;
}

std::vector<std::string> member_strings(array values, std::string_view key) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (element value : values) {
    object member;
    if (value.get_object().get(member) != simdjson::SUCCESS) continue;
    if (auto text = string_field(member, key)) out.push_back(std::move(*text));
  }
  return out;
}

std::string describe_field(object parent, std::string_view key) {
  element value;
  if (parent.at_key(key).get(value) != simdjson::SUCCESS) return "missing";
  return shortened(clean_text(simdjson::minify(value)), MAX_DESCRIBED_BYTES);
}

}  // namespace smelt::decode
