#include "common/config.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <vector>

#include "common/error.hpp"

namespace smelt::config {
namespace {

std::string trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string unquote(const std::string& value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string shown_section(const std::string& section) {
  return section.empty() ? "at the top of the file" : "in [" + section + "]";
}

/// Throws unless `key` may appear under `section`, with the likeliest fix.
void check_key(const std::string& where, const std::string& section, const std::string& key,
               const std::vector<Key>& known) {
  if (std::find(known.begin(), known.end(), Key{section, key}) != known.end()) return;
  std::vector<std::string> sections;
  std::vector<std::string> keys_here;
  std::vector<std::string> sections_with_key;
  for (const auto& k : known) {
    if (std::find(sections.begin(), sections.end(), k.section) == sections.end()) sections.push_back(k.section);
    if (k.section == section) keys_here.push_back(k.key);
    if (k.key == key) sections_with_key.push_back(k.section);
  }
  if (std::find(sections.begin(), sections.end(), section) == sections.end()) {
    std::string hint = closest(section, sections);
    throw Error(ExitCode::usage, where + ": unknown section [" + section + "]" +
                                     (hint.empty() ? "" : "; did you mean [" + hint + "]?"));
  }
  std::string message = where + ": unknown key '" + key + "' " + shown_section(section);
  if (!sections_with_key.empty()) {
    message += "; '" + key + "' belongs " + shown_section(sections_with_key.front());
  } else if (std::string hint = closest(key, keys_here); !hint.empty()) {
    message += "; did you mean '" + hint + "'?";
  }
  throw Error(ExitCode::usage, message);
}

}  // namespace

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string env_name(std::string_view section, std::string_view key) {
  std::string name = "SMELT_";
  auto append = [&name](std::string_view part) {
    for (char c : part) {
      name += (c == '-' || c == '.') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  };
  if (!section.empty()) {
    append(section);
    name += '_';
  }
  append(key);
  return name;
}

std::string find_config_path(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--config" && i + 1 < argc) return argv[i + 1];
    if (arg.starts_with("--config=")) return std::string(arg.substr(9));
  }
  if (const char* env = std::getenv("SMELT_CONFIG"); env != nullptr && *env != '\0') return env;
  if (std::filesystem::exists("smelt.conf")) return "smelt.conf";
  return {};
}

void load_into_environment(const std::string& path, const std::vector<Key>& known) {
  std::ifstream in(path);
  if (!in) throw Error(ExitCode::usage, "cannot read config file " + path);
  std::string line;
  std::string section;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string text = trim(line);
    if (text.empty() || text[0] == '#' || text[0] == ';') continue;
    if (text.front() == '[' && text.back() == ']') {
      section = trim(std::string_view(text).substr(1, text.size() - 2));
      continue;
    }
    auto equals = text.find('=');
    if (equals == std::string::npos) {
      throw Error(ExitCode::usage, path + ":" + std::to_string(number) + ": expected 'key = value'");
    }
    std::string key = trim(std::string_view(text).substr(0, equals));
    std::string value = unquote(trim(std::string_view(text).substr(equals + 1)));
    check_key(path + ":" + std::to_string(number), section, key, known);
    setenv(env_name(section, key).c_str(), value.c_str(), 0);
  }
}

std::string redact_conninfo(std::string_view conninfo) {
  std::string text(conninfo);
  static const std::regex keyword(R"((password\s*=\s*)(?!\*\*\*)('(?:[^'\\]|\\.)*'|\S+))", std::regex::icase);
  static const std::regex uri(R"(([a-z][a-z0-9+.-]*://[^:/@\s"]*):[^@/\s"]*@)", std::regex::icase);
  static const std::regex uri_param(R"(([?&](?:ssl)?password=)[^&\s"]*)", std::regex::icase);
  if (text.find("://") == std::string::npos) return std::regex_replace(text, keyword, "$1***");
  text = std::regex_replace(text, uri, "$1:***@");
  return std::regex_replace(text, uri_param, "$1***");
}

}  // namespace smelt::config
