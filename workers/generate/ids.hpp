#pragma once

#include <cstdint>
#include <string>

namespace smelt::generate {

/// X's snowflake epoch (2010-11-04T01:42:54.657Z) in Unix milliseconds.
inline constexpr std::int64_t X_EPOCH_MS = 1'288'834'974'657;

/// An X snowflake id: milliseconds since X_EPOCH_MS, 10 worker bits, 12 sequence bits.
std::uint64_t x_snowflake(std::int64_t epoch_ms, std::uint64_t worker, std::uint64_t sequence) noexcept;

/// A TikTok-style 19-digit id: Unix seconds in the high 32 bits, a unique low part.
std::uint64_t tiktok_id(std::int64_t epoch_ms, std::uint64_t unique) noexcept;

/// `prefix + (serial * multiplier + salt) mod modulus`: distinct for distinct
/// serials below `modulus` when multiplier and modulus are coprime.
std::uint64_t scrambled_id(std::uint64_t prefix, std::uint64_t serial, std::uint64_t multiplier,
                           std::uint64_t salt, std::uint64_t modulus) noexcept;

/// Lowercase base 36 ("1gk2xyz"), as Reddit ids are written.
std::string base36(std::uint64_t value);

/// Appends `count` characters of the URL-safe base64 alphabet taken from the
/// bits of `value`, six at a time from the top (YouTube ids, etags).
void append_base64url(std::string& out, std::uint64_t value, int count);

/// Appends a value's decimal digits.
void append_decimal(std::string& out, std::uint64_t value);

}  // namespace smelt::generate
