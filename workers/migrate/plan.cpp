#include "migrate/plan.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

namespace smelt::migrate {
namespace {

constexpr std::size_t SHORT_CHECKSUM_CHARS = 12;
constexpr std::size_t STATUS_COLUMNS = 6;

using Row = std::array<std::string, STATUS_COLUMNS>;

/// The newest successful history row per key.
template <typename Key, typename KeyOf>
std::map<Key, HistoryRow> latest_rows(const std::vector<HistoryRow>& history, Kind kind, KeyOf key_of) {
  std::map<Key, HistoryRow> latest;
  for (const auto& row : history) {
    if (row.kind != kind || !row.success) continue;
    auto [it, inserted] = latest.try_emplace(key_of(row), row);
    if (!inserted && it->second.installed_rank < row.installed_rank) it->second = row;
  }
  return latest;
}

Entry entry_for(const Script& script, std::optional<HistoryRow> row) {
  Entry entry{script.kind,    script.version, script.description, script.path,
              State::pending, &script,        std::move(row)};
  if (entry.applied) {
    const bool same = entry.applied->checksum == script.checksum;
    entry.state = same ? State::applied : (script.kind == Kind::versioned ? State::changed : State::outdated);
  }
  return entry;
}

Entry missing_entry(HistoryRow row) {
  return Entry{row.kind, row.version, row.description, row.script, State::missing, nullptr, std::move(row)};
}

template <typename Key>
std::optional<HistoryRow> take(std::map<Key, HistoryRow>& rows, const Key& key) {
  auto it = rows.find(key);
  if (it == rows.end()) return std::nullopt;
  auto row = std::move(it->second);
  rows.erase(it);
  return row;
}

std::vector<Entry> versioned_entries(const std::vector<Script>& scripts,
                                     const std::vector<HistoryRow>& history) {
  auto rows =
      latest_rows<std::int64_t>(history, Kind::versioned, [](const HistoryRow& r) { return *r.version; });
  std::vector<Entry> entries;
  for (const auto& script : scripts) {
    if (script.kind == Kind::versioned) entries.push_back(entry_for(script, take(rows, *script.version)));
  }
  for (auto& [version, row] : rows) entries.push_back(missing_entry(std::move(row)));
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.version < b.version; });
  return entries;
}

std::vector<Entry> repeatable_entries(const std::vector<Script>& scripts,
                                      const std::vector<HistoryRow>& history) {
  auto rows =
      latest_rows<std::string>(history, Kind::repeatable, [](const HistoryRow& r) { return r.script; });
  std::vector<Entry> entries;
  for (const auto& script : scripts) {
    if (script.kind == Kind::repeatable) entries.push_back(entry_for(script, take(rows, script.path)));
  }
  for (auto& [path, row] : rows) entries.push_back(missing_entry(std::move(row)));
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.path < b.path; });
  return entries;
}

std::optional<std::int64_t> newest_applied_version(const std::vector<Entry>& entries) {
  std::optional<std::int64_t> newest;
  for (const auto& entry : entries) {
    if (entry.kind == Kind::versioned && entry.applied && (!newest || *entry.version > *newest)) {
      newest = *entry.version;
    }
  }
  return newest;
}

std::string changed_problem(const Entry& entry) {
  return entry.path + " was changed after it was applied (checksum " +
         entry.applied->checksum.substr(0, SHORT_CHECKSUM_CHARS) + " applied, " +
         entry.script->checksum.substr(0, SHORT_CHECKSUM_CHARS) +
         " now); restore it and put the change in a new migration";
}

std::string missing_problem(const Entry& entry) {
  return entry.path + " (version " + std::to_string(*entry.version) +
         ") was applied but its file is missing from the migrations";
}

std::string out_of_order_problem(const Entry& entry, std::int64_t newest) {
  return entry.path + " is pending but version " + std::to_string(newest) +
         " is already applied; migrations are forward-only, give it a version above " +
         std::to_string(newest);
}

std::string format_duration(std::int64_t execution_ms) { return std::to_string(execution_ms) + " ms"; }

Row status_row(const Entry& entry) {
  Row row{entry.version ? std::to_string(*entry.version) : "",
          entry.description,
          std::string(kind_name(entry.kind)),
          std::string(state_name(entry.state)),
          "",
          ""};
  if (entry.applied) {
    row[4] = entry.applied->installed_at;
    row[5] = format_duration(entry.applied->execution_ms);
  }
  return row;
}

void append_row(std::ostringstream& out, const Row& row,
                const std::array<std::size_t, STATUS_COLUMNS>& widths) {
  std::string line;
  for (std::size_t i = 0; i < STATUS_COLUMNS; ++i) {
    line += row[i];
    if (i + 1 < STATUS_COLUMNS) line += std::string(widths[i] - row[i].size() + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << "\n";
}

}  // namespace

std::string_view state_name(State state) {
  switch (state) {
    case State::applied:
      return "applied";
    case State::pending:
      return "pending";
    case State::changed:
      return "changed";
    case State::outdated:
      return "outdated";
    case State::missing:
      return "missing";
  }
  return "unknown";
}

std::vector<Entry> build_entries(const std::vector<Script>& scripts, const std::vector<HistoryRow>& history) {
  auto entries = versioned_entries(scripts, history);
  auto repeatables = repeatable_entries(scripts, history);
  std::move(repeatables.begin(), repeatables.end(), std::back_inserter(entries));
  return entries;
}

std::vector<std::string> validation_problems(const std::vector<Entry>& entries) {
  std::vector<std::string> problems;
  const auto newest = newest_applied_version(entries);
  for (const auto& entry : entries) {
    if (entry.kind != Kind::versioned) continue;
    if (entry.state == State::changed) problems.push_back(changed_problem(entry));
    if (entry.state == State::missing) problems.push_back(missing_problem(entry));
    if (entry.state == State::pending && newest && *entry.version < *newest) {
      problems.push_back(out_of_order_problem(entry, *newest));
    }
  }
  return problems;
}

std::vector<const Script*> scripts_to_apply(const std::vector<Entry>& entries,
                                            std::optional<std::int64_t> target) {
  std::vector<const Script*> chosen;
  bool versioned_left = false;
  for (const auto& entry : entries) {
    if (entry.kind != Kind::versioned || entry.state != State::pending) continue;
    if (target && *entry.version > *target) {
      versioned_left = true;
    } else {
      chosen.push_back(entry.script);
    }
  }
  if (versioned_left) return chosen;
  for (const auto& entry : entries) {
    const bool due = entry.state == State::pending || entry.state == State::outdated;
    if (entry.kind == Kind::repeatable && due) chosen.push_back(entry.script);
  }
  return chosen;
}

Summary summarize(const std::vector<Entry>& entries) {
  Summary summary;
  for (const auto& entry : entries) {
    switch (entry.state) {
      case State::applied:
        ++summary.applied;
        break;
      case State::pending:
        ++summary.pending;
        break;
      case State::changed:
        ++summary.changed;
        break;
      case State::outdated:
        ++summary.outdated;
        break;
      case State::missing:
        ++summary.missing;
        break;
    }
  }
  return summary;
}

std::string summary_line(const Summary& summary) {
  return std::to_string(summary.applied) + " applied, " + std::to_string(summary.pending) + " pending, " +
         std::to_string(summary.changed) + " changed, " + std::to_string(summary.outdated) + " outdated, " +
         std::to_string(summary.missing) + " missing";
}

std::string render_status(const std::vector<Entry>& entries) {
  std::vector<Row> rows{{"version", "description", "kind", "state", "installed_at", "time"}};
  for (const auto& entry : entries) rows.push_back(status_row(entry));
  std::array<std::size_t, STATUS_COLUMNS> widths{};
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < STATUS_COLUMNS; ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::ostringstream out;
  for (const auto& row : rows) append_row(out, row, widths);
  return out.str();
}

}  // namespace smelt::migrate
