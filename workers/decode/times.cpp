#include "decode/times.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "ingest/timestamp.hpp"

namespace smelt::decode {
namespace {

constexpr std::array<std::string_view, 7> WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> MONTH_NUMBERS = {"01", "02", "03", "04", "05", "06",
                                                            "07", "08", "09", "10", "11", "12"};
constexpr std::int64_t US_PER_SECOND = 1'000'000;
/// 10000-01-01T00:00:00Z: the first instant PostgreSQL would print with a five-digit year.
constexpr double MAX_UNIX_SECONDS = 253'402'300'800.0;

/// The next space-separated word of `text` from `pos`; empty at the end.
std::string_view next_word(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::size_t begin = pos;
  while (pos < text.size() && text[pos] != ' ') ++pos;
  return text.substr(begin, pos - begin);
}

/// "01".."12" for a month abbreviation, "" otherwise.
std::string_view month_number(std::string_view name) {
  for (std::size_t i = 0; i < MONTHS.size(); ++i) {
    if (MONTHS[i] == name) return MONTH_NUMBERS[i];
  }
  return {};
}

bool is_weekday(std::string_view name) {
  for (std::string_view day : WEEKDAYS) {
    if (day == name) return true;
  }
  return false;
}

std::optional<std::int64_t> seconds_to_us(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0.0 || seconds >= MAX_UNIX_SECONDS) return std::nullopt;
  return std::llround(seconds * static_cast<double>(US_PER_SECOND));
}

}  // namespace

std::optional<std::int64_t> parse_twitter_v1_time_us(std::string_view text) {
  std::size_t pos = 0;
  const std::string_view weekday = next_word(text, pos);
  const std::string_view month = month_number(next_word(text, pos));
  std::string_view day = next_word(text, pos);
  const std::string_view clock = next_word(text, pos);
  const std::string_view offset = next_word(text, pos);
  const std::string_view year = next_word(text, pos);
  if (!is_weekday(weekday) || month.empty() || day.empty() || day.size() > 2 || pos != text.size()) {
    return std::nullopt;
  }
  std::string rfc3339;
  rfc3339.reserve(32);
  rfc3339.append(year).append("-").append(month).append(day.size() == 1 ? "-0" : "-").append(day);
  rfc3339.append("T").append(clock).append(offset);
  return ingest::parse_rfc3339_us(rfc3339);
}

std::optional<std::int64_t> parse_rfc3339_time_us(std::string_view text) {
  return ingest::parse_rfc3339_us(text);
}

std::optional<std::int64_t> unix_seconds_us(simdjson::dom::element value) {
  std::uint64_t whole = 0;
  if (value.get_uint64().get(whole) == simdjson::SUCCESS) return seconds_to_us(static_cast<double>(whole));
  double seconds = 0.0;
  if (value.get_double().get(seconds) == simdjson::SUCCESS) return seconds_to_us(seconds);
  std::string_view digits;
  if (value.get_string().get(digits) != simdjson::SUCCESS || digits.empty()) return std::nullopt;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), whole);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return seconds_to_us(static_cast<double>(whole));
}

}  // namespace smelt::decode
