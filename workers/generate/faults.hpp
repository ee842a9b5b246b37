#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "generate/random.hpp"

namespace smelt::generate {

/// Fractions of messages (each in [0, 1]) that carry a delivery fault.
struct Faults {
  double duplicates = 0;    ///< the exact bytes of a recent message, sent again
  double late = 0;          ///< an observation from minutes ago, delivered now
  double out_of_order = 0;  ///< two observations of one post, newest first
  double malformed = 0;     ///< broken bytes (see Malformation)
};

/// The ways a message is broken.
enum class Malformation : std::uint8_t {
  truncated,            ///< JSON cut short
  invalid_utf8,         ///< bytes that are not UTF-8 inside a string
  nul_byte,             ///< a raw NUL byte inside a string
  missing_source,       ///< envelope without "source"
  missing_observed_at,  ///< envelope without "observed_at"
  json_array,           ///< a JSON array instead of an object
  bad_observed_at,      ///< an observed_at that is not a time
};

/// How many kinds of malformation there are.
inline constexpr std::size_t MALFORMATION_COUNT = 7;

/// "truncated", "invalid_utf8", "nul_byte", "missing_source", ...
std::string_view malformation_name(Malformation kind) noexcept;

/// Breaks a well-formed envelope in place the given way. The result never
/// contains a '\n' byte, so JSON-lines output keeps one message per line.
void malform(std::string& message, Malformation kind, Rng& rng);

}  // namespace smelt::generate
