#include "text/emoji.hpp"

#include <algorithm>
#include <iterator>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace smelt::text::emoji {

namespace {

constexpr char32_t TYPOGRAPHIC_SYMBOLS[] = {0xA9, 0xAE, 0x2122};
constexpr char32_t ZERO_WIDTH_JOINER = 0x200D;

}  // namespace

bool is_start(char32_t c) { return unicode::is_pictographic(c) || unicode::is_regional_indicator(c); }

std::size_t cluster_length(std::string_view text, std::size_t offset) {
  const auto first = utf8::decode(text, offset);
  std::size_t end = offset + first.length;
  if (unicode::is_regional_indicator(first.code_point)) {
    if (end < text.size() && unicode::is_regional_indicator(utf8::decode(text, end).code_point)) {
      end += utf8::decode(text, end).length;
    }
    return end - offset;
  }
  while (end < text.size()) {
    const auto next = utf8::decode(text, end);
    if (unicode::is_emoji_modifier(next.code_point)) {
      end += next.length;
    } else if (next.code_point == ZERO_WIDTH_JOINER && end + next.length < text.size() &&
               unicode::is_pictographic(utf8::decode(text, end + next.length).code_point)) {
      end += next.length + utf8::decode(text, end + next.length).length;
    } else {
      break;
    }
  }
  return end - offset;
}

bool is_typographic(char32_t c) {
  return std::find(std::begin(TYPOGRAPHIC_SYMBOLS), std::end(TYPOGRAPHIC_SYMBOLS), c) !=
         std::end(TYPOGRAPHIC_SYMBOLS);
}

}  // namespace smelt::text::emoji
