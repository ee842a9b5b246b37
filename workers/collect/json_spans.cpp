#include "collect/json_spans.hpp"

#include <cstddef>

namespace smelt::collect::spans {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

/// Index just past the string starting at `pos` (which holds '"').
std::size_t skip_string(std::string_view text, std::size_t pos) {
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == '"') {
      return pos + 1;
    }
  }
  return text.size();
}

/// Index just past the value starting at `pos`.
std::size_t skip_value(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return pos;
  const char first = text[pos];
  if (first == '"') return skip_string(text, pos);
  if (first == '{' || first == '[') {
    int depth = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == '"') {
        pos = skip_string(text, pos);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        --depth;
        if (depth == 0) return pos + 1;
      }
      ++pos;
    }
    return pos;
  }
  while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']' && !is_space(text[pos])) {
    ++pos;
  }
  return pos;
}

std::string_view trimmed(std::string_view text) {
  const std::size_t begin = skip_space(text, 0);
  std::size_t end = text.size();
  while (end > begin && is_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

}  // namespace

std::optional<std::string_view> member(std::string_view object, std::string_view key) {
  object = trimmed(object);
  if (object.empty() || object.front() != '{') return std::nullopt;
  std::size_t pos = skip_space(object, 1);
  while (pos < object.size() && object[pos] == '"') {
    const std::size_t key_end = skip_string(object, pos);
    const std::string_view name = object.substr(pos + 1, key_end - pos - 2);
    pos = skip_space(object, key_end);
    if (pos >= object.size() || object[pos] != ':') return std::nullopt;
    pos = skip_space(object, pos + 1);
    const std::size_t value_end = skip_value(object, pos);
    if (name == key) return object.substr(pos, value_end - pos);
    pos = skip_space(object, value_end);
    if (pos < object.size() && object[pos] == ',') pos = skip_space(object, pos + 1);
  }
  return std::nullopt;
}

std::optional<std::string_view> at(std::string_view value, std::initializer_list<std::string_view> path) {
  std::optional<std::string_view> current = value;
  for (std::string_view key : path) {
    current = member(*current, key);
    if (!current) return std::nullopt;
  }
  return current;
}

std::vector<std::string_view> elements(std::string_view array) {
  std::vector<std::string_view> out;
  array = trimmed(array);
  if (array.empty() || array.front() != '[') return out;
  std::size_t pos = skip_space(array, 1);
  while (pos < array.size() && array[pos] != ']') {
    const std::size_t end = skip_value(array, pos);
    out.push_back(array.substr(pos, end - pos));
    pos = skip_space(array, end);
    if (pos < array.size() && array[pos] == ',') pos = skip_space(array, pos + 1);
  }
  return out;
}

}  // namespace smelt::collect::spans
