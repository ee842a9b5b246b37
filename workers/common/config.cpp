#include "common/config.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

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

}  // namespace

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

void load_into_environment(const std::string& path) {
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
    setenv(env_name(section, key).c_str(), value.c_str(), 0);
  }
}

std::string redact_conninfo(std::string_view conninfo) {
  std::string text(conninfo);
  static const std::regex keyword(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+))", std::regex::icase);
  static const std::regex uri(R"(^([a-z]+://[^:/@]*):[^@/]*@)", std::regex::icase);
  static const std::regex uri_param(R"(([?&]password=)[^&]*)", std::regex::icase);
  if (text.find("://") == std::string::npos) return std::regex_replace(text, keyword, "$1***");
  text = std::regex_replace(text, uri, "$1:***@");
  return std::regex_replace(text, uri_param, "$1***");
}

}  // namespace smelt::config
