#pragma once

#include <cstdint>
#include <span>

// Character properties smelt's text features need, answered from tables
// generated from the Unicode Character Database (see unicode_tables_gen.py).
namespace smelt::text::unicode {

/// Letter (L*) or mark (M*): what a hashtag needs at least one of.
bool is_letter_or_mark(char32_t c);

/// May appear in a hashtag body: letter, mark, decimal digit (Nd), or one of
/// twitter-text's joiners and script punctuation (`_`, ZWNJ, ZWJ, `·`, ...).
bool is_hashtag_char(char32_t c);

/// Extended_Pictographic (emoji and pictographs, whether or not assigned yet).
bool is_pictographic(char32_t c);

/// Regional indicator symbols, two of which make a flag.
bool is_regional_indicator(char32_t c);

/// Characters that attach to the emoji before them: skin tones, variation
/// selectors, the combining keycap and tag characters.
bool is_emoji_modifier(char32_t c);

/// twitter-text's Latin accented letters and combining diacritics
/// (latinAccentChars): they may not follow a mention and may occur in URLs.
bool is_latin_accent(char32_t c);

/// Whitespace as JavaScript's `\s` sees it (String.prototype.split(/\s/)).
bool is_js_whitespace(char32_t c);

/// twitter-text's space class (used before cashtags).
bool is_twitter_space(char32_t c);

/// Canonical combining class (0 for starters).
std::uint8_t combining_class(char32_t c);

/// Full compatibility decomposition of c; empty when c decomposes to itself.
/// Hangul syllables are handled by the caller algorithmically.
std::span<const char32_t> decomposition(char32_t c);

/// The primary composite of first + second, or 0 when there is none.
char32_t compose(char32_t first, char32_t second);

/// Full case folding of c; empty when c folds to itself.
std::span<const char32_t> case_fold(char32_t c);

/// Simple lowercase mapping (c itself when it has none).
char32_t to_lower(char32_t c);

/// The Unicode version of the tables.
const char* version();

}  // namespace smelt::text::unicode
