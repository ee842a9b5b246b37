#include "text/unicode.hpp"

#include <algorithm>

#include "text/unicode_tables.hpp"

namespace smelt::text::unicode {

namespace {

std::uint8_t range_value(std::span<const tables::RangeValue> ranges, char32_t c) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                             [](char32_t value, const tables::RangeValue& r) { return value < r.first; });
  if (it == ranges.begin()) return 0;
  --it;
  return c <= it->last ? it->value : 0;
}

std::span<const char32_t> sequence(std::span<const tables::SequenceEntry> entries,
                                   std::span<const char32_t> pool, char32_t c) {
  auto it =
      std::lower_bound(entries.begin(), entries.end(), c,
                       [](const tables::SequenceEntry& e, char32_t value) { return e.code_point < value; });
  if (it == entries.end() || it->code_point != c) return {};
  return pool.subspan(it->offset, it->length);
}

std::uint8_t hashtag_class(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return tables::HASHTAG_ALPHA;
    if (c >= '0' && c <= '9') return tables::HASHTAG_DIGIT;
    return c == '_' ? tables::HASHTAG_SPECIAL : 0;
  }
  return range_value(tables::hashtag_class(), c);
}

}  // namespace

bool is_letter_or_mark(char32_t c) { return (hashtag_class(c) & tables::HASHTAG_ALPHA) != 0; }

bool is_hashtag_char(char32_t c) { return hashtag_class(c) != 0; }

bool is_pictographic(char32_t c) { return c >= 0xA9 && range_value(tables::pictographic(), c) != 0; }

bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

bool is_emoji_modifier(char32_t c) {
  return (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0xFE0F || c == 0xFE0E || c == 0x20E3 ||
         (c >= 0xE0020 && c <= 0xE007F);
}

bool is_latin_accent(char32_t c) {
  if (c < 0xC0) return false;
  if (c <= 0x24F) return c != 0xD7 && c != 0xF7;
  switch (c) {
    case 0x253:
    case 0x254:
    case 0x256:
    case 0x257:
    case 0x259:
    case 0x25B:
    case 0x263:
    case 0x268:
    case 0x26F:
    case 0x272:
    case 0x289:
    case 0x28B:
    case 0x2BB:
      return true;
    default:
      return (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
  }
}

bool is_js_whitespace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_twitter_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::uint8_t combining_class(char32_t c) {
  if (c < 0x300) return 0;
  return range_value(tables::combining_class(), c);
}

std::span<const char32_t> decomposition(char32_t c) {
  if (c < 0xA0) return {};
  return sequence(tables::decomposition(), tables::decomposition_pool(), c);
}

char32_t compose(char32_t first, char32_t second) {
  const auto pairs = tables::composition();
  auto it = std::lower_bound(pairs.begin(), pairs.end(), std::pair{first, second},
                             [](const tables::Composition& p, const std::pair<char32_t, char32_t>& key) {
                               return p.first < key.first || (p.first == key.first && p.second < key.second);
                             });
  if (it == pairs.end() || it->first != first || it->second != second) return 0;
  return it->composite;
}

std::span<const char32_t> case_fold(char32_t c) {
  return sequence(tables::case_folding(), tables::case_folding_pool(), c);
}

char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  const auto pairs = tables::lowercase();
  auto it = std::lower_bound(pairs.begin(), pairs.end(), c,
                             [](const tables::CodePointPair& p, char32_t value) { return p.from < value; });
  return (it != pairs.end() && it->from == c) ? it->to : c;
}

const char* version() { return tables::unicode_version(); }

}  // namespace smelt::text::unicode
