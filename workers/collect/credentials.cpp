#include "collect/credentials.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace smelt::collect {

const std::vector<CredentialName>& credential_names() {
  static const std::vector<CredentialName> names = {
      {"x", "SMELT_COLLECT_X_BEARER_TOKEN", "x_bearer_token", true},
      {"reddit", "SMELT_COLLECT_REDDIT_CLIENT_ID", "reddit_client_id", false},
      {"reddit", "SMELT_COLLECT_REDDIT_CLIENT_SECRET", "reddit_client_secret", true},
      {"youtube", "SMELT_COLLECT_YOUTUBE_API_KEY", "youtube_api_key", true},
      {"instagram", "SMELT_COLLECT_INSTAGRAM_ACCESS_TOKEN", "instagram_access_token", true},
      {"instagram", "SMELT_COLLECT_INSTAGRAM_USER_ID", "instagram_user_id", false},
      {"tiktok", "SMELT_COLLECT_TIKTOK_CLIENT_KEY", "tiktok_client_key", false},
      {"tiktok", "SMELT_COLLECT_TIKTOK_CLIENT_SECRET", "tiktok_client_secret", true},
  };
  return names;
}

std::vector<config::Key> credential_config_keys() {
  std::vector<config::Key> keys;
  for (const auto& name : credential_names()) {
    std::string key = name.file;
    for (char& c : key) c = c == '_' ? '-' : c;
    keys.push_back({"collect", key});
  }
  return keys;
}

std::string read_credential(const std::string& env, const std::string& directory) {
  if (const char* value = std::getenv(env.c_str()); value != nullptr && *value != '\0') return value;
  if (directory.empty()) return "";
  for (const auto& name : credential_names()) {
    if (name.env != env) continue;
    std::ifstream in(directory + "/" + name.file, std::ios::binary);
    if (!in) return "";
    std::ostringstream text;
    text << in.rdbuf();
    std::string value = text.str();
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r' || value.back() == ' ')) value.pop_back();
    return value;
  }
  return "";
}

std::vector<std::string> secret_values(const std::string& directory) {
  std::vector<std::string> out;
  for (const auto& name : credential_names()) {
    if (!name.secret) continue;
    if (auto value = read_credential(name.env, directory); !value.empty()) out.push_back(value);
  }
  return out;
}

}  // namespace smelt::collect
