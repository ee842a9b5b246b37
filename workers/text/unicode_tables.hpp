#pragma once

#include <cstdint>
#include <span>

// Raw Unicode Character Database tables, generated into unicode_tables.cpp by
// unicode_tables_gen.py. Use the lookups in unicode.hpp rather than these.
namespace smelt::text::tables {

/// A run of code points [first, last] sharing one small property value.
struct RangeValue {
  char32_t first;
  char32_t last;
  std::uint8_t value;
};

/// A code point mapped to `length` code points starting at `offset` in a pool.
struct SequenceEntry {
  char32_t code_point;
  std::uint16_t offset;
  std::uint8_t length;
};

/// A canonical composition: first + second compose to `composite`.
struct Composition {
  char32_t first;
  char32_t second;
  char32_t composite;
};

/// A one-to-one code point mapping.
struct CodePointPair {
  char32_t from;
  char32_t to;
};

/// Hashtag classes, values are bits: 1 letter or mark, 2 decimal digit, 4 twitter-text special.
inline constexpr std::uint8_t HASHTAG_ALPHA = 1;
/// Decimal digit (general category Nd).
inline constexpr std::uint8_t HASHTAG_DIGIT = 2;
/// Characters twitter-text allows inside a hashtag body besides letters and digits.
inline constexpr std::uint8_t HASHTAG_SPECIAL = 4;

/// The Unicode version the tables were generated from.
const char* unicode_version();
/// Sorted ranges with hashtag class bits.
std::span<const RangeValue> hashtag_class();
/// Sorted ranges of Extended_Pictographic code points (value 1).
std::span<const RangeValue> pictographic();
/// Sorted ranges of non-zero canonical combining classes.
std::span<const RangeValue> combining_class();
/// Full compatibility decompositions (NFKD of one code point), sorted by code point.
std::span<const SequenceEntry> decomposition();
/// The code points decomposition() entries point into.
std::span<const char32_t> decomposition_pool();
/// Full case folding (CaseFolding.txt statuses C and F), sorted by code point.
std::span<const SequenceEntry> case_folding();
/// The code points case_folding() entries point into.
std::span<const char32_t> case_folding_pool();
/// Primary canonical compositions sorted by (first, second).
std::span<const Composition> composition();
/// Simple lowercase mappings (UnicodeData field 13), sorted by code point.
std::span<const CodePointPair> lowercase();

}  // namespace smelt::text::tables
