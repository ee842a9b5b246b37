#include "common/secrets.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <regex>
#include <vector>

#include "common/config.hpp"
#include "common/log.hpp"

extern char** environ;

namespace smelt::secrets {
namespace {

constexpr std::size_t MIN_SECRET_CHARS = 3;

struct Known {
  std::mutex mutex;
  std::vector<std::string> values;
};

Known& known() {
  static Known instance;
  return instance;
}

/// %XX escapes of a URI component decoded (a URI password may be escaped).
std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '%' && at + 2 < text.size()) {
      const std::string hex(text.substr(at + 1, 2));
      char* end = nullptr;
      const long code = std::strtol(hex.c_str(), &end, 16);
      if (hex.size() == 2 && end == hex.c_str() + 2) {
        out += static_cast<char>(code);
        at += 2;
        continue;
      }
    }
    out += text[at];
  }
  return out;
}

/// A conninfo value without its quotes and backslash escapes ('a\'b' -> a'b).
std::string unquoted(std::string_view value) {
  if (value.size() < 2 || value.front() != '\'') return std::string(value);
  std::string out;
  for (std::size_t at = 1; at + 1 < value.size(); ++at) {
    if (value[at] == '\\' && at + 2 < value.size()) ++at;
    out += value[at];
  }
  return out;
}

void learn_matches(const std::string& text, const std::regex& pattern, bool decode) {
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
    const std::string value = (*it)[2].str();
    learn(value);
    if (decode) learn(percent_decoded(value));
    learn(unquoted(value));
  }
}

}  // namespace

bool is_secret_key(std::string_view key) {
  for (const char* word : {"password", "secret", "sasl.jaas", "key.pem", "token", "sasl.oauthbearer.config"}) {
    if (key.find(word) != std::string_view::npos) return true;
  }
  return false;
}

void learn(std::string_view value) {
  if (value.size() < MIN_SECRET_CHARS) return;
  auto& store = known();
  std::lock_guard lock(store.mutex);
  for (const auto& existing : store.values) {
    if (existing == value) return;
  }
  store.values.emplace_back(value);
  const std::string escaped = log::json_escape(value);
  if (escaped != value) store.values.push_back(escaped);
  // Longest first, so a secret that contains another is replaced whole.
  std::stable_sort(store.values.begin(), store.values.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void learn_from(std::string_view input) {
  const std::string text(input);
  static const std::regex keyword(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&,]+))", std::regex::icase);
  static const std::regex uri(R"(([a-z][a-z0-9+.-]*://[^:/@\s"]*:)([^@/\s"]+)@)", std::regex::icase);
  learn_matches(text, keyword, true);
  learn_matches(text, uri, true);
  static const std::regex uri_param(R"(([?&]password=)([^&\s"]*))", std::regex::icase);
  learn_matches(text, uri_param, true);
  // Kafka properties: key=value items of a list, -X arguments, config lines;
  // a value runs until the separator before the next key.
  static const std::regex property(R"((^|[,\n])\s*([A-Za-z0-9._-]+)=)");
  std::vector<std::smatch> items;
  for (std::sregex_iterator it(text.begin(), text.end(), property), end; it != end; ++it) items.push_back(*it);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!is_secret_key(items[i][2].str())) continue;
    const auto from = static_cast<std::size_t>(items[i].position(0) + items[i].length(0));
    const auto to = i + 1 < items.size() ? static_cast<std::size_t>(items[i + 1].position(0)) : text.size();
    learn(text.substr(from, to - from));
  }
}

std::string redact(std::string_view input) {
  std::string text = config::redact_conninfo(input);
  auto& store = known();
  std::lock_guard lock(store.mutex);
  for (const auto& secret : store.values) {
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

void learn_from_process(int argc, const char* const* argv) {
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    if (variable.starts_with("PGPASSWORD=")) learn(variable.substr(11));
    if (variable.starts_with("SMELT_")) learn_from(variable.substr(variable.find('=') + 1));
  }
  for (int i = 1; i < argc; ++i) learn_from(argv[i]);
}

void hide_in_arguments(int argc, char** argv) {
  std::vector<std::string> values;
  {
    auto& store = known();
    std::lock_guard lock(store.mutex);
    values = store.values;
  }
  for (int i = 1; i < argc; ++i) {
    for (const auto& secret : values) {
      for (char* at = std::strstr(argv[i], secret.c_str()); at != nullptr; at = std::strstr(at, secret.c_str())) {
        std::memset(at, '*', secret.size());
      }
    }
  }
}

}  // namespace smelt::secrets
