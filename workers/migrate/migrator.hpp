#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan.hpp"
#include "migrate/source.hpp"

namespace smelt::migrate {

/// Where scripts come from and which database they go to.
struct Options {
  std::string conninfo;  ///< libpq conninfo or URI; empty means libpq's defaults
  std::string dir;       ///< a folder holding migrations/ and sql/; empty means the embedded files
};

/// How `up` runs.
struct UpOptions {
  std::optional<std::int64_t> target;  ///< apply versioned migrations up to this version only
  bool dry_run = false;                ///< list what would run, change nothing
};

/// What one `up` did (or, for a dry run, would do).
struct UpResult {
  std::string run_id;
  std::vector<std::string> scripts;  ///< paths applied, in order
  double duration_s = 0;
};

/// Applies, checks and reports schema migrations on one database. Failures
/// are smelt::Error: ExitCode::migration for a broken or edited script,
/// ExitCode::database when PostgreSQL cannot be reached or a query of its own
/// fails.
class Migrator {
 public:
  /// Loads the scripts (throws for a bad file name or a duplicate version).
  explicit Migrator(Options options);

  /// The scripts found: versioned in version order, then repeatables.
  const std::vector<Script>& scripts() const { return scripts_; }

  /// Every script and history row with its state; reads only, takes no lock.
  std::vector<Entry> status();

  /// Holds the lock and checks applied migrations against their files;
  /// throws naming each changed or missing file. Returns the entries.
  std::vector<Entry> validate();

  /// Holds the lock, validates, then applies each due script in its own
  /// transaction together with its history row.
  UpResult up(const UpOptions& options);

 private:
  Options options_;
  std::vector<Script> scripts_;
};

/// The message for a set of validation problems, each naming its file.
std::string validation_message(const std::vector<std::string>& problems);

}  // namespace smelt::migrate
