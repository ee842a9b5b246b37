#include "common/json.hpp"

#include <cstring>

namespace smelt::json {
namespace {

constexpr std::string_view UINT64_MAX_DIGITS = "18446744073709551615";
constexpr std::string_view INT64_MIN_DIGITS = "9223372036854775808";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// True when the magnitude `digits` (no sign, no leading zero) exceeds `limit`.
bool exceeds(std::string_view digits, std::string_view limit) {
  if (digits.size() != limit.size()) return digits.size() > limit.size();
  return digits > limit;
}

/// The end of the string literal whose opening quote is at `at`.
size_t skip_string(std::string_view text, size_t at) {
  for (++at; at < text.size(); ++at) {
    if (text[at] == '\\') {
      ++at;
    } else if (text[at] == '"') {
      return at + 1;
    }
  }
  return text.size();
}

}  // namespace

std::optional<std::string> quote_big_integers(std::string_view text) {
  std::string out;
  bool changed = false;
  size_t copied = 0;
  size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (c == '"') {
      at = skip_string(text, at);
      continue;
    }
    if (c != '-' && !is_digit(c)) {
      ++at;
      continue;
    }
    const size_t start = at;
    const bool negative = c == '-';
    size_t digits_start = negative ? at + 1 : at;
    size_t end = digits_start;
    while (end < text.size() && is_digit(text[end])) ++end;
    const bool is_integer = end == text.size() || (text[end] != '.' && text[end] != 'e' && text[end] != 'E');
    if (!is_integer) {
      while (end < text.size() && (is_digit(text[end]) || std::strchr(".eE+-", text[end]) != nullptr)) ++end;
      at = end;
      continue;
    }
    const std::string_view digits = text.substr(digits_start, end - digits_start);
    const bool well_formed = !digits.empty() && (digits.size() == 1 || digits.front() != '0');
    if (well_formed && exceeds(digits, negative ? INT64_MIN_DIGITS : UINT64_MAX_DIGITS)) {
      out.append(text.substr(copied, start - copied)).append("\"").append(text.substr(start, end - start)).append("\"");
      copied = end;
      changed = true;
    }
    at = end > start ? end : start + 1;
  }
  if (!changed) return std::nullopt;
  out.append(text.substr(copied));
  return out;
}

simdjson::error_code parse(simdjson::dom::parser& parser, std::string_view text, std::string& scratch,
                           simdjson::dom::element& root) {
  const auto error = parser.parse(text.data(), text.size(), true).get(root);
  if (error != simdjson::NUMBER_ERROR) return error;
  auto quoted = quote_big_integers(text);
  if (!quoted) return error;
  scratch = std::move(*quoted);
  if (parser.parse(scratch).get(root) != simdjson::SUCCESS) return error;
  return simdjson::SUCCESS;
}

}  // namespace smelt::json
