#pragma once

#include <string>
#include <vector>

#include "common/config.hpp"

// Platform credentials come from SMELT_COLLECT_* environment variables (a
// config file's [collect] section sets them too) or from files in a
// credentials directory (Docker secrets), never from the command line.
namespace smelt::collect {

/// One credential: its environment variable and its file name in the directory.
struct CredentialName {
  std::string platform;
  std::string env;   ///< SMELT_COLLECT_X_BEARER_TOKEN
  std::string file;  ///< x_bearer_token
  bool secret = true;
};

/// Every credential the collector reads.
const std::vector<CredentialName>& credential_names();

/// The config file keys ([collect] x-bearer-token, ...) of the credentials.
std::vector<config::Key> credential_config_keys();

/// A credential's value: the environment first, then `directory/<file>`
/// (trailing whitespace removed); "" when neither has it.
std::string read_credential(const std::string& env, const std::string& directory);

/// Every secret value that is set (for tests and redaction).
std::vector<std::string> secret_values(const std::string& directory);

}  // namespace smelt::collect
