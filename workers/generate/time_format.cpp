#include "generate/time_format.hpp"

#include <array>
#include <cctype>

#include "common/calendar.hpp"

namespace smelt::generate {
namespace {

constexpr std::int64_t MS_PER_SECOND = 1000;
constexpr std::int64_t MS_PER_DAY = 86'400'000;
constexpr std::array<std::string_view, 7> WEEKDAY_NAMES = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> MONTH_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t days_from_civil(std::int64_t y, int m, int d) noexcept {
  return calendar::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

void civil_from_days(std::int64_t z, CivilTime& out) noexcept {
  const auto date = calendar::civil_from_days(z);
  out.year = date.year;
  out.month = static_cast<int>(date.month);
  out.day = static_cast<int>(date.day);
}

void append_digits(std::string& out, int value, int width) {
  char buffer[8];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<std::size_t>(width));
}

void append_date_time(std::string& out, const CivilTime& t) {
  append_digits(out, t.year, 4);
  out += '-';
  append_digits(out, t.month, 2);
  out += '-';
  append_digits(out, t.day, 2);
  out += 'T';
  append_digits(out, t.hour, 2);
  out += ':';
  append_digits(out, t.minute, 2);
  out += ':';
  append_digits(out, t.second, 2);
}

// A small cursor over the text being parsed.
struct Cursor {
  std::string_view text;
  std::size_t at = 0;

  std::optional<int> digits(std::size_t count) {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text[at + i];
      if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    at += count;
    return value;
  }
  bool literal(char expected) {
    if (at >= text.size() || text[at] != expected) return false;
    ++at;
    return true;
  }
  bool literal_any(std::string_view choices) {
    if (at >= text.size() || choices.find(text[at]) == std::string_view::npos) return false;
    ++at;
    return true;
  }
};

std::optional<int> parse_fraction_ms(Cursor& cursor) {
  if (!cursor.literal('.')) return 0;
  int millis = 0;
  int scale = 100;
  std::size_t count = 0;
  while (cursor.at < cursor.text.size() &&
         std::isdigit(static_cast<unsigned char>(cursor.text[cursor.at])) != 0) {
    millis += (cursor.text[cursor.at] - '0') * scale;
    scale /= 10;
    ++cursor.at;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return millis;
}

std::optional<std::int64_t> parse_offset_ms(Cursor& cursor) {
  if (cursor.literal('Z') || cursor.literal('z')) return 0;
  if (cursor.at >= cursor.text.size()) return std::nullopt;
  const int sign = cursor.text[cursor.at] == '-' ? -1 : 1;
  if (!cursor.literal_any("+-")) return std::nullopt;
  auto hours = cursor.digits(2);
  cursor.literal(':');
  auto minutes = cursor.digits(2);
  if (!hours || !minutes) return std::nullopt;
  return sign * (static_cast<std::int64_t>(*hours) * 3600 + *minutes * 60) * MS_PER_SECOND;
}

}  // namespace

CivilTime civil_from_ms(std::int64_t epoch_ms) noexcept {
  CivilTime out;
  const std::int64_t days = floor_div(epoch_ms, MS_PER_DAY);
  std::int64_t rest = epoch_ms - days * MS_PER_DAY;
  civil_from_days(days, out);
  out.millis = static_cast<int>(rest % 1000);
  rest /= 1000;
  out.second = static_cast<int>(rest % 60);
  rest /= 60;
  out.minute = static_cast<int>(rest % 60);
  out.hour = static_cast<int>(rest / 60);
  out.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
  return out;
}

std::int64_t ms_from_civil(const CivilTime& t) noexcept {
  const std::int64_t days = days_from_civil(t.year, t.month, t.day);
  const std::int64_t seconds = ((days * 24 + t.hour) * 60 + t.minute) * 60 + t.second;
  return seconds * MS_PER_SECOND + t.millis;
}

void append_rfc3339_ms(std::string& out, std::int64_t epoch_ms) {
  const CivilTime t = civil_from_ms(epoch_ms);
  append_date_time(out, t);
  out += '.';
  append_digits(out, t.millis, 3);
  out += 'Z';
}

void append_rfc3339_seconds(std::string& out, std::int64_t epoch_ms) {
  append_date_time(out, civil_from_ms(epoch_ms));
  out += 'Z';
}

void append_instagram_time(std::string& out, std::int64_t epoch_ms) {
  append_date_time(out, civil_from_ms(epoch_ms));
  out += "+0000";
}

void append_twitter_v1_time(std::string& out, std::int64_t epoch_ms) {
  const CivilTime t = civil_from_ms(epoch_ms);
  out += WEEKDAY_NAMES[static_cast<std::size_t>(t.weekday)];
  out += ' ';
  out += MONTH_NAMES[static_cast<std::size_t>(t.month - 1)];
  out += ' ';
  append_digits(out, t.day, 2);
  out += ' ';
  append_digits(out, t.hour, 2);
  out += ':';
  append_digits(out, t.minute, 2);
  out += ':';
  append_digits(out, t.second, 2);
  out += " +0000 ";
  append_digits(out, t.year, 4);
}

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  Cursor cursor{text};
  CivilTime t;
  auto year = cursor.digits(4);
  bool ok = year && cursor.literal('-');
  auto month = ok ? cursor.digits(2) : std::nullopt;
  ok = month && cursor.literal('-');
  auto day = ok ? cursor.digits(2) : std::nullopt;
  ok = day && cursor.literal_any("Tt ");
  auto hour = ok ? cursor.digits(2) : std::nullopt;
  ok = hour && cursor.literal(':');
  auto minute = ok ? cursor.digits(2) : std::nullopt;
  ok = minute && cursor.literal(':');
  auto second = ok ? cursor.digits(2) : std::nullopt;
  if (!second || *month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 ||
      *second > 60) {
    return std::nullopt;
  }
  auto millis = parse_fraction_ms(cursor);
  auto offset = millis ? parse_offset_ms(cursor) : std::nullopt;
  if (!offset || cursor.at != text.size()) return std::nullopt;
  t.year = *year;
  t.month = *month;
  t.day = *day;
  t.hour = *hour;
  t.minute = *minute;
  t.second = *second;
  t.millis = *millis;
  return ms_from_civil(t) - *offset;
}

}  // namespace smelt::generate
