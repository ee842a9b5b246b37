#pragma once

#include <cstdint>

namespace smelt::calendar {

/// A date of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 1970;
  unsigned month = 1;  ///< 1..12
  unsigned day = 1;    ///< 1..31
};

/// Days since 1970-01-01 of a date (H. Hinnant's algorithm; any year).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept;

/// The date `days` days after 1970-01-01 (negative: before).
CivilDate civil_from_days(std::int64_t days) noexcept;

/// True for leap years.
constexpr bool is_leap_year(std::int64_t year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Days in a month of a year (month 1..12).
unsigned days_in_month(std::int64_t year, unsigned month) noexcept;

}  // namespace smelt::calendar
