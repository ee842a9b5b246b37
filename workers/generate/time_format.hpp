#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smelt::generate {

/// A UTC calendar time broken into fields.
struct CivilTime {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millis = 0;
  int weekday = 4;  ///< 0 = Sunday
};

/// Splits milliseconds since the Unix epoch into UTC calendar fields.
CivilTime civil_from_ms(std::int64_t epoch_ms) noexcept;

/// Milliseconds since the epoch of a UTC calendar time (fields beyond millis are ignored).
std::int64_t ms_from_civil(const CivilTime& time) noexcept;

/// `2026-11-22T10:15:03.120Z` (RFC 3339, milliseconds, Z): envelopes and X v2.
void append_rfc3339_ms(std::string& out, std::int64_t epoch_ms);

/// `2026-11-22T10:15:03Z` (RFC 3339, whole seconds): YouTube.
void append_rfc3339_seconds(std::string& out, std::int64_t epoch_ms);

/// `2026-11-22T10:15:03+0000` (no colon in the offset): Instagram Graph API.
void append_instagram_time(std::string& out, std::int64_t epoch_ms);

/// `Wed Oct 10 20:19:24 +0000 2018`: X API v1.1.
void append_twitter_v1_time(std::string& out, std::int64_t epoch_ms);

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)` (a space may replace
/// the T); nullopt when the text is not such a time.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

}  // namespace smelt::generate
