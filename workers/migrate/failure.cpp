#include "migrate/failure.hpp"

#include <cctype>
#include <vector>

namespace smelt::migrate {
namespace {

constexpr std::string_view LINE_MARKER = "LINE ";
constexpr std::string_view SEVERITIES[] = {"ERROR:", "FATAL:", "PANIC:"};
constexpr std::string_view EXTRA_FIELDS[] = {"DETAIL:", "HINT:", "CONTEXT:"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    lines.push_back(text.substr(0, newline));
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return lines;
}

std::string_view without_severity(std::string_view line) {
  for (auto severity : SEVERITIES) {
    if (line.starts_with(severity)) return trim(line.substr(severity.size()));
  }
  return trim(line);
}

bool is_extra_field(std::string_view line) {
  for (auto field : EXTRA_FIELDS) {
    if (line.starts_with(field)) return true;
  }
  return false;
}

}  // namespace

std::optional<int> line_from_message(std::string_view message) {
  for (auto line : lines_of(message)) {
    if (!line.starts_with(LINE_MARKER)) continue;
    int number = 0;
    std::size_t pos = LINE_MARKER.size();
    for (; pos < line.size() && std::isdigit(static_cast<unsigned char>(line[pos])) != 0; ++pos) {
      number = number * 10 + (line[pos] - '0');
    }
    if (pos > LINE_MARKER.size() && pos < line.size() && line[pos] == ':' && number > 0) return number;
  }
  return std::nullopt;
}

int error_line(std::string_view script, const Statement& statement, int position, std::string_view message) {
  if (position > 0) {
    return line_of_offset(script, statement.offset + byte_offset_of_position(statement.text, position));
  }
  if (auto line = line_from_message(message)) return statement.line + *line - 1;
  return statement.line;
}

std::string server_message(std::string_view message) {
  const auto lines = lines_of(message);
  if (lines.empty()) return {};
  std::string out(without_severity(lines.front()));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto line = trim(lines[i]);
    if (is_extra_field(line)) out += "; " + std::string(line);
  }
  return out;
}

std::string describe_failure(std::string_view path, int line, std::string_view message) {
  return std::string(path) + ":" + std::to_string(line) + ": " + server_message(message);
}

}  // namespace smelt::migrate
