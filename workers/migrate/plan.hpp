#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/source.hpp"

namespace smelt::migrate {

/// One row of smelt.schema_history.
struct HistoryRow {
  std::int64_t installed_rank = 0;
  std::optional<std::int64_t> version;  ///< null for repeatables
  std::string description;
  std::string script;
  Kind kind = Kind::versioned;
  std::string checksum;
  std::string installed_by;
  std::string installed_at;  ///< as PostgreSQL prints a timestamptz
  std::int64_t execution_ms = 0;
  bool success = true;
};

/// Where a script stands against the database.
enum class State {
  applied,   ///< in the history with the same checksum
  pending,   ///< not applied yet
  changed,   ///< a versioned migration edited after it was applied (an error)
  outdated,  ///< a repeatable edited since it was last applied (runs again)
  missing    ///< in the history, but its file is gone
};

/// "applied", "pending", "changed", "outdated" or "missing".
std::string_view state_name(State state);

/// A script, its history, or both.
struct Entry {
  Kind kind = Kind::versioned;
  std::optional<std::int64_t> version;
  std::string description;
  std::string path;
  State state = State::pending;
  const Script* script = nullptr;     ///< null when missing
  std::optional<HistoryRow> applied;  ///< the latest successful history row
};

/// Matches scripts with history: versioned entries by version (ordered by
/// version), then repeatables by path. Rows with success = false are ignored.
std::vector<Entry> build_entries(const std::vector<Script>& scripts, const std::vector<HistoryRow>& history);

/// Everything that makes `validate` fail, one message per problem, each
/// naming the file: an applied migration that changed or is missing, and a
/// pending migration older than the newest applied one.
std::vector<std::string> validation_problems(const std::vector<Entry>& entries);

/// The scripts `up` runs, in order: pending versioned migrations up to target
/// (all when unset), then new or outdated repeatables, which run only when no
/// versioned migration is left pending because they are written against the
/// newest schema.
std::vector<const Script*> scripts_to_apply(const std::vector<Entry>& entries,
                                            std::optional<std::int64_t> target);

/// Counts of entries per state.
struct Summary {
  std::size_t applied = 0;
  std::size_t pending = 0;
  std::size_t changed = 0;
  std::size_t outdated = 0;
  std::size_t missing = 0;
};

/// Counts entries per state.
Summary summarize(const std::vector<Entry>& entries);

/// "5 applied, 1 pending, 0 changed, 0 outdated, 0 missing".
std::string summary_line(const Summary& summary);

/// The status table: version, description, kind, state, installed_at, time.
std::string render_status(const std::vector<Entry>& entries);

}  // namespace smelt::migrate
