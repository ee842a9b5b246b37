#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 decoding and encoding. Invalid input never throws: an ill-formed
// sequence decodes as U+FFFD covering one byte, so every byte of the input is
// consumed exactly once and the caller always advances.
namespace smelt::text::utf8 {

/// The Unicode replacement character, returned for ill-formed input.
inline constexpr char32_t REPLACEMENT = 0xFFFD;

/// One decoded code point and how many bytes it took.
struct Decoded {
  char32_t code_point;
  std::size_t length;
};

/// Decodes a code point that starts with a byte >= 0x80 (see decode()).
Decoded decode_multibyte(std::string_view text, std::size_t offset);

/// Decodes the code point starting at text[offset] (offset < text.size()).
inline Decoded decode(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) return {lead, 1};
  return decode_multibyte(text, offset);
}

/// Decodes the code point that ends just before text[end] (end > 0).
Decoded decode_before(std::string_view text, std::size_t end);

/// Appends the UTF-8 encoding of code_point to out.
void append(std::string& out, char32_t code_point);

/// Length of text in UTF-16 code units, as JavaScript's String.length counts it.
std::size_t utf16_length(std::string_view text);

/// Copies text, replacing each ill-formed sequence with U+FFFD.
std::string sanitize(std::string_view text);

/// True when text is well-formed UTF-8.
bool is_valid(std::string_view text);

}  // namespace smelt::text::utf8
