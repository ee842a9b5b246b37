#pragma once

#include <cstddef>
#include <string_view>

// Emoji clusters as the sentiment scorers see them: a pictograph with its
// skin tone, variation selector, keycap or ZWJ-joined partners, or a flag.
namespace smelt::text::emoji {

/// True for a code point that starts an emoji cluster (Extended_Pictographic
/// or a regional indicator).
bool is_start(char32_t c);

/// Length in bytes of the emoji cluster that starts at text[offset].
std::size_t cluster_length(std::string_view text, std::size_t offset);

/// ©, ® and ™: Extended_Pictographic, but typography in posts; no valence.
bool is_typographic(char32_t c);

}  // namespace smelt::text::emoji
