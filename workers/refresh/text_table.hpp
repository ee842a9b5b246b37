#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Plain-text tables for people at a terminal (smelt check, smelt campaign list).
namespace smelt::refresh {

/// Renders a header and rows as left-aligned columns separated by two
/// spaces, each as wide as its widest cell (in code points), with a rule
/// under the header. Rows shorter than the header get empty cells.
std::string render_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);

/// `text` on one line (tabs, CR and LF become spaces) and at most `width`
/// code points, ending in "…" when cut.
std::string shorten(std::string_view text, std::size_t width);

}  // namespace smelt::refresh
