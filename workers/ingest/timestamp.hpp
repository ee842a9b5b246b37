#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smelt::ingest {

/// Parses an RFC 3339 timestamp ("2026-11-22T10:15:03.120Z",
/// "2026-11-22T12:15:03+02:00", also "+0200") into microseconds since the
/// Unix epoch. Checks every field's range (month 13 or Feb 30 fail), so
/// whatever it accepts PostgreSQL accepts too. nullopt on anything else.
std::optional<std::int64_t> parse_rfc3339_us(std::string_view text);

/// Formats microseconds since the epoch as PostgreSQL timestamptz input in
/// UTC: "2026-11-22 10:15:03.120000+00".
std::string format_utc_us(std::int64_t epoch_us);

}  // namespace smelt::ingest
