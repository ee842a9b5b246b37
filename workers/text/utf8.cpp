#include "text/utf8.hpp"

namespace smelt::text::utf8 {

namespace {

constexpr Decoded INVALID{REPLACEMENT, 1};

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

char32_t continuation_bits(unsigned char byte) { return static_cast<char32_t>(byte & 0x3FU); }

// Bounds on the second byte that rule out overlong forms, surrogates and
// code points past U+10FFFF (Unicode Table 3-7).
bool second_byte_ok(unsigned char lead, unsigned char second) {
  if (lead == 0xE0) return second >= 0xA0 && second <= 0xBF;
  if (lead == 0xED) return second >= 0x80 && second <= 0x9F;
  if (lead == 0xF0) return second >= 0x90 && second <= 0xBF;
  if (lead == 0xF4) return second >= 0x80 && second <= 0x8F;
  return is_continuation(second);
}

Decoded decode_lead(std::string_view text, std::size_t offset, unsigned char lead) {
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = static_cast<char32_t>(lead & 0x1FU);
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = static_cast<char32_t>(lead & 0x0FU);
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = static_cast<char32_t>(lead & 0x07U);
  } else {
    return INVALID;
  }
  if (offset + length > text.size()) return INVALID;
  const auto second = static_cast<unsigned char>(text[offset + 1]);
  if (!second_byte_ok(lead, second)) return INVALID;
  value = (value << 6) | continuation_bits(second);
  for (std::size_t i = 2; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[offset + i]);
    if (!is_continuation(byte)) return INVALID;
    value = (value << 6) | continuation_bits(byte);
  }
  return {value, length};
}

}  // namespace

Decoded decode_multibyte(std::string_view text, std::size_t offset) {
  return decode_lead(text, offset, static_cast<unsigned char>(text[offset]));
}

Decoded decode_before(std::string_view text, std::size_t end) {
  std::size_t start = end - 1;
  const std::size_t limit = end >= 4 ? end - 4 : 0;
  while (start > limit && is_continuation(static_cast<unsigned char>(text[start]))) --start;
  const Decoded decoded = decode(text, start);
  if (start + decoded.length == end) return decoded;
  return INVALID;
}

void append(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80U | ((code_point >> 6) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80U | ((code_point >> 12) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((code_point >> 6) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
  }
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++units;
      ++i;
      continue;
    }
    const Decoded d = decode(text, i);
    units += d.code_point >= 0x10000 ? 2 : 1;
    i += d.length;
  }
  return units;
}

std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.code_point == REPLACEMENT && d.length == 1) {
      append(out, REPLACEMENT);
    } else {
      out.append(text.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

bool is_valid(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.code_point == REPLACEMENT && d.length == 1) return false;
    i += d.length;
  }
  return true;
}

}  // namespace smelt::text::utf8
