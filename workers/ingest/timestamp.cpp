#include "ingest/timestamp.hpp"

#include <cstdio>

#include "common/calendar.hpp"

namespace smelt::ingest {
namespace {

constexpr std::int64_t US_PER_SECOND = 1'000'000;
constexpr std::int64_t SECONDS_PER_DAY = 86'400;

// Reads exactly `width` digits at text[pos]; advances pos.
std::optional<int> digits(std::string_view text, size_t& pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// Fraction digits after '.', scaled to microseconds (extra digits truncated).
std::optional<std::int64_t> fraction_us(std::string_view text, size_t& pos) {
  std::int64_t value = 0;
  int count = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (count < 6) value = value * 10 + (text[pos] - '0');
    ++count;
    ++pos;
  }
  if (count == 0) return std::nullopt;
  for (int i = count; i < 6; ++i) value *= 10;
  return value;
}

// "Z", "+hh:mm", "+hhmm" or "+hh" as seconds east of UTC.
std::optional<int> zone_offset_s(std::string_view text, size_t& pos) {
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
    return 0;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  const int sign = text[pos++] == '-' ? -1 : 1;
  auto hours = digits(text, pos, 2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0;
  if (pos < text.size()) {
    expect(text, pos, ':');
    auto parsed = digits(text, pos, 2);
    if (!parsed || *parsed > 59) return std::nullopt;
    minutes = *parsed;
  }
  return sign * (*hours * 3600 + minutes * 60);
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339_us(std::string_view text) {
  size_t pos = 0;
  auto year = digits(text, pos, 4);
  if (!year || *year < 1970 || !expect(text, pos, '-')) return std::nullopt;
  auto month = digits(text, pos, 2);
  if (!month || *month < 1 || *month > 12 || !expect(text, pos, '-')) return std::nullopt;
  auto day = digits(text, pos, 2);
  if (!day || *day < 1 || static_cast<unsigned>(*day) > calendar::days_in_month(*year, static_cast<unsigned>(*month))) {
    return std::nullopt;
  }
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')) return std::nullopt;
  ++pos;
  auto hour = digits(text, pos, 2);
  if (!hour || *hour > 23 || !expect(text, pos, ':')) return std::nullopt;
  auto minute = digits(text, pos, 2);
  if (!minute || *minute > 59 || !expect(text, pos, ':')) return std::nullopt;
  // Second 60 is a leap second (RFC 3339 allows it); like PostgreSQL, it is
  // read as the first second of the next minute.
  auto second = digits(text, pos, 2);
  if (!second || *second > 60) return std::nullopt;
  std::int64_t micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    auto fraction = fraction_us(text, pos);
    if (!fraction) return std::nullopt;
    micros = *fraction;
  }
  auto offset = zone_offset_s(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;
  const std::int64_t days = calendar::days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  const std::int64_t seconds = days * SECONDS_PER_DAY + *hour * 3600 + *minute * 60 + *second - *offset;
  return seconds * US_PER_SECOND + micros;
}

std::string format_utc_us(std::int64_t epoch_us) {
  std::int64_t seconds = epoch_us / US_PER_SECOND;
  std::int64_t micros = epoch_us % US_PER_SECOND;
  if (micros < 0) {
    micros += US_PER_SECOND;
    --seconds;
  }
  std::int64_t days = seconds / SECONDS_PER_DAY;
  std::int64_t in_day = seconds % SECONDS_PER_DAY;
  if (in_day < 0) {
    in_day += SECONDS_PER_DAY;
    --days;
  }
  const auto date = calendar::civil_from_days(days);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02lld:%02lld:%02lld.%06lld+00", date.year, date.month, date.day,
                static_cast<long long>(in_day / 3600), static_cast<long long>(in_day / 60 % 60),
                static_cast<long long>(in_day % 60), static_cast<long long>(micros));
  return buffer;
}

}  // namespace smelt::ingest
