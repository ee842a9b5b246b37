#include "collect/page.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "common/json.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::collect {

Page::Page(const Request& request, const Response& response)
    : text_(response.body), request_(request.describe()), status_(response.status) {
  if (auto error = json::parse(parser_, text_, scratch_, root_); error) {
    fail(std::string("not JSON: ") + simdjson::error_message(error));
  }
  if (!root_.is_object()) fail("not a JSON object");
}

void Page::fail(const std::string& reason) const { throw BadPage(reason, request_, status_, std::string(text_)); }

std::optional<std::string> text_of(simdjson::dom::element object, std::string_view key) {
  simdjson::dom::element value;
  if (object.at_key(key).get(value)) return std::nullopt;
  std::string_view text;
  if (!value.get(text)) return std::string(text);
  std::uint64_t unsigned_value;
  if (!value.get(unsigned_value)) return std::to_string(unsigned_value);
  std::int64_t signed_value;
  if (!value.get(signed_value)) return std::to_string(signed_value);
  return std::nullopt;
}

std::optional<std::int64_t> integer_of(simdjson::dom::element object, std::string_view key) {
  simdjson::dom::element value;
  if (object.at_key(key).get(value)) return std::nullopt;
  std::int64_t number;
  if (!value.get(number)) return number;
  double real;
  if (!value.get(real)) return static_cast<std::int64_t>(real);
  std::string_view text;
  if (!value.get(text) && !text.empty()) {
    std::int64_t parsed = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      parsed = parsed * 10 + (c - '0');
    }
    return parsed;
  }
  return std::nullopt;
}


std::int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string format_time_s(std::int64_t epoch_us) {
  const auto seconds = static_cast<std::time_t>(epoch_us / 1'000'000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

namespace {

std::string format_time_ms(std::int64_t epoch_us) {
  const auto seconds = static_cast<std::time_t>(epoch_us / 1'000'000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[40];
  const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
  std::snprintf(buffer + length, sizeof buffer - length, ".%03dZ", static_cast<int>((epoch_us / 1000) % 1000));
  return buffer;
}

/// "Tue, 01 Dec 2026 02:50:39 GMT" (RFC 7231 IMF-fixdate).
std::optional<std::int64_t> parse_http_date(const std::string& text) {
  std::tm parts{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  if (end == nullptr) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&parts)) * 1'000'000;
}

}  // namespace

std::string observed_at_of(const Response& response) {
  if (auto date = parse_http_date(response.header("date"))) return format_time_ms(*date);
  return format_time_ms(now_us());
}

std::optional<std::int64_t> parse_time_us(std::string_view text) { return ingest::parse_rfc3339_us(text); }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace smelt::collect

namespace smelt::collect {
double number_or(const std::string& text, double fallback) {
  if (text.empty()) return fallback;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() ? fallback : value;
}

std::optional<simdjson::dom::element> parse_cursor(simdjson::dom::parser& parser, const std::string& text) {
  if (text.empty()) return std::nullopt;
  simdjson::dom::element root;
  if (parser.parse(text).get(root) || !root.is_object()) return std::nullopt;
  return root;
}
}  // namespace smelt::collect
