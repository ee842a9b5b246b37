#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string_view>

// The time formats the platforms use for creation times, read into
// microseconds since the Unix epoch (UTC). Each reader refuses what
// PostgreSQL's timestamptz would refuse or misread.
namespace smelt::decode {

/// X API v1.1 `created_at`: "Wed Oct 10 20:19:24 +0000 2018" (any offset).
std::optional<std::int64_t> parse_twitter_v1_time_us(std::string_view text);

/// RFC 3339 ("2019-03-21T20:37:49.000Z", "2021-07-26T10:45:20+0000"):
/// ingest::parse_rfc3339_us.
std::optional<std::int64_t> parse_rfc3339_time_us(std::string_view text);

/// Unix seconds as a JSON number, integer (TikTok `create_time`) or float
/// (Reddit `created_utc`), or as a string of digits; rounded to the
/// microsecond. Negative values and years past 9999 are refused.
std::optional<std::int64_t> unix_seconds_us(simdjson::dom::element value);

}  // namespace smelt::decode
