#include "refresh/text_table.hpp"

#include <algorithm>

namespace smelt::refresh {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !continuation_byte(c); }));
}

void append_cell(std::string& out, std::string_view cell, std::size_t width, bool last) {
  out += cell;
  if (last) return;
  out.append(width - code_points(cell) + 2, ' ');
}

void append_row(std::string& out, const std::vector<std::string>& cells,
                const std::vector<std::size_t>& widths) {
  for (std::size_t column = 0; column < widths.size(); ++column) {
    const std::string_view cell =
        column < cells.size() ? std::string_view(cells[column]) : std::string_view();
    append_cell(out, cell, widths[column], column + 1 == widths.size());
  }
  out += '\n';
}

}  // namespace

std::string render_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t column = 0; column < header.size(); ++column) widths[column] = code_points(header[column]);
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < std::min(row.size(), widths.size()); ++column) {
      widths[column] = std::max(widths[column], code_points(row[column]));
    }
  }
  std::string out;
  append_row(out, header, widths);
  std::vector<std::string> rule;
  for (auto width : widths) rule.emplace_back(width, '-');
  append_row(out, rule, widths);
  for (const auto& row : rows) append_row(out, row, widths);
  return out;
}

std::string shorten(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!continuation_byte(c)) {
      if (points == width) {
        // Cut: drop the last code point to make room for the ellipsis.
        while (!out.empty() && continuation_byte(out.back())) out.pop_back();
        if (!out.empty()) out.pop_back();
        return out + "…";
      }
      ++points;
    }
    out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace smelt::refresh
