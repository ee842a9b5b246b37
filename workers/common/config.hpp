#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace smelt::config {

/// Where the config file is: --config in argv, else SMELT_CONFIG, else
/// ./smelt.conf when it exists; empty when there is none.
std::string find_config_path(int argc, const char* const* argv);

/// A key a config file may hold: `key` under `[section]` ("" for the top of
/// the file, before any section header).
struct Key {
  std::string section;
  std::string key;
  bool operator==(const Key&) const = default;
};

/// Reads an INI-style config file (`key = value`, `[section]`, `#` comments)
/// and exports each entry as SMELT_<SECTION>_<KEY> unless that variable is
/// already set, which gives the order flag > environment > file > default.
/// Throws smelt::Error naming the file and line on a malformed entry, and on
/// a section or key that is not in `known`, suggesting the closest one.
void load_into_environment(const std::string& path, const std::vector<Key>& known);

/// The entry of `candidates` closest to `word` by edit distance, when it is
/// close enough to be a likely misspelling; empty otherwise.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

/// The environment variable a config entry maps to: ("ingest", "batch-rows")
/// -> SMELT_INGEST_BATCH_ROWS; ("", "database") -> SMELT_DATABASE.
std::string env_name(std::string_view section, std::string_view key);

/// A conninfo string or URI with any password replaced by "***", for logs.
std::string redact_conninfo(std::string_view conninfo);

}  // namespace smelt::config
