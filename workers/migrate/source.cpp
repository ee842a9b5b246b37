#include "migrate/source.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "common/error.hpp"
#include "migrate/checksum.hpp"
#include "sql/embedded.hpp"

namespace smelt::migrate {
namespace {

constexpr std::string_view MIGRATIONS_FOLDER = "migrations/";
constexpr std::string_view OBJECTS_FOLDER = "sql/";
constexpr std::string_view QUERIES_FOLDER = "sql/queries/";
constexpr std::string_view SQL_SUFFIX = ".sql";
constexpr std::size_t MAX_VERSION_DIGITS = 18;  // fits in a bigint
constexpr int NEW_VERSION_WIDTH = 4;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::optional<std::int64_t> parse_digits(std::string_view digits) {
  if (digits.empty() || digits.size() > MAX_VERSION_DIGITS) return std::nullopt;
  if (!std::all_of(digits.begin(), digits.end(), is_digit)) return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

Script versioned_script(SourceFile file) {
  const auto name = std::string_view(file.path).substr(MIGRATIONS_FOLDER.size());
  auto parsed = parse_versioned_name(name);
  if (!parsed) {
    throw Error(ExitCode::migration,
                file.path + ": not a migration name; expected " +
                    "migrations/V<digits>__<description>.sql, e.g. V0005__add_user_index.sql");
  }
  Script script{Kind::versioned,      parsed->version,      parsed->description,
                std::move(file.path), std::move(file.text), ""};
  script.checksum = sha256_hex(script.text);
  return script;
}

Script repeatable_script(SourceFile file) {
  const auto name = std::string_view(file.path).substr(OBJECTS_FOLDER.size());
  std::string description(name.substr(0, name.size() - SQL_SUFFIX.size()));
  Script script{Kind::repeatable,     std::nullopt,         std::move(description),
                std::move(file.path), std::move(file.text), ""};
  script.checksum = sha256_hex(script.text);
  return script;
}

void sort_and_check_versions(std::vector<Script>& versioned) {
  std::sort(versioned.begin(), versioned.end(), [](const Script& a, const Script& b) {
    return a.version != b.version ? a.version < b.version : a.path < b.path;
  });
  for (std::size_t i = 1; i < versioned.size(); ++i) {
    if (versioned[i].version == versioned[i - 1].version) {
      throw Error(ExitCode::migration, versioned[i].path + ": duplicate version " +
                                           std::to_string(*versioned[i].version) + ", also used by " +
                                           versioned[i - 1].path);
    }
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::failure, "cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void collect_sql_files(const std::filesystem::path& root, std::string_view prefix,
                       std::vector<SourceFile>& out) {
  if (!std::filesystem::is_directory(root)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != SQL_SUFFIX) continue;
    auto relative = std::string(prefix) + entry.path().lexically_relative(root).generic_string();
    out.push_back({std::move(relative), read_file(entry.path())});
  }
}

std::int64_t highest_version_in(const std::filesystem::path& folder) {
  std::int64_t highest = 0;
  if (!std::filesystem::is_directory(folder)) return highest;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (auto parsed = parse_versioned_name(entry.path().filename().string())) {
      highest = std::max(highest, parsed->version);
    }
  }
  return highest;
}

std::string padded(std::int64_t version) {
  auto digits = std::to_string(version);
  if (digits.size() < NEW_VERSION_WIDTH) digits.insert(0, NEW_VERSION_WIDTH - digits.size(), '0');
  return digits;
}

std::string migration_template(std::string_view file_name, std::string_view description) {
  std::ostringstream out;
  out << "-- " << file_name << ": " << description << "\n"
      << "--\n"
      << "-- What this migration changes and why. For a new table: its grain and key.\n"
      << "-- Forward-only: once applied anywhere, never edit this file; add a new one.\n"
      << "-- It runs in one transaction together with its smelt.schema_history row.\n\n";
  return out.str();
}

}  // namespace

std::string_view kind_name(Kind kind) { return kind == Kind::versioned ? "versioned" : "repeatable"; }

std::optional<VersionedName> parse_versioned_name(std::string_view file_name) {
  if (!file_name.starts_with('V') || !file_name.ends_with(SQL_SUFFIX)) return std::nullopt;
  const auto stem = file_name.substr(1, file_name.size() - 1 - SQL_SUFFIX.size());
  const auto separator = stem.find("__");
  if (separator == std::string_view::npos || separator + 2 == stem.size()) return std::nullopt;
  auto version = parse_digits(stem.substr(0, separator));
  if (!version) return std::nullopt;
  std::string description(stem.substr(separator + 2));
  if (description.find('/') != std::string::npos) return std::nullopt;
  std::replace(description.begin(), description.end(), '_', ' ');
  return VersionedName{*version, std::move(description)};
}

std::optional<std::int64_t> parse_version(std::string_view text) {
  if (text.starts_with('V') || text.starts_with('v')) text.remove_prefix(1);
  return parse_digits(text);
}

std::vector<Script> scripts_from(std::vector<SourceFile> files) {
  std::vector<Script> versioned;
  std::vector<Script> repeatable;
  for (auto& file : files) {
    const std::string_view path = file.path;
    if (path.starts_with(MIGRATIONS_FOLDER)) {
      versioned.push_back(versioned_script(std::move(file)));
    } else if (path.starts_with(OBJECTS_FOLDER) && !path.starts_with(QUERIES_FOLDER) &&
               path.ends_with(SQL_SUFFIX)) {
      repeatable.push_back(repeatable_script(std::move(file)));
    }
  }
  sort_and_check_versions(versioned);
  std::sort(repeatable.begin(), repeatable.end(),
            [](const Script& a, const Script& b) { return a.path < b.path; });
  std::move(repeatable.begin(), repeatable.end(), std::back_inserter(versioned));
  return versioned;
}

std::vector<SourceFile> embedded_sources() {
  std::vector<SourceFile> files;
  for (const auto& file : sql::embedded_files())
    files.push_back({std::string(file.path), std::string(file.text)});
  return files;
}

std::vector<SourceFile> directory_sources(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir / "migrations")) {
    throw Error(ExitCode::usage, "--dir " + dir.string() + ": no migrations/ folder there");
  }
  std::vector<SourceFile> files;
  collect_sql_files(dir / "migrations", MIGRATIONS_FOLDER, files);
  collect_sql_files(dir / "sql", OBJECTS_FOLDER, files);
  return files;
}

std::vector<Script> load_scripts(const std::string& dir) {
  return scripts_from(dir.empty() ? embedded_sources() : directory_sources(dir));
}

std::string slugify(std::string_view name) {
  std::string slug;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      slug += static_cast<char>(std::tolower(u));
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug;
}

std::filesystem::path create_migration(const std::filesystem::path& dir, std::string_view name) {
  const auto slug = slugify(name);
  if (slug.empty())
    throw Error(ExitCode::usage, "migration name '" + std::string(name) + "' has no letters or digits");
  const auto folder = dir / "migrations";
  std::filesystem::create_directories(folder);
  std::string file_name(1, 'V');
  file_name.append(padded(highest_version_in(folder) + 1)).append("__").append(slug).append(".sql");
  const auto path = folder / file_name;
  if (std::filesystem::exists(path)) throw Error(ExitCode::failure, path.string() + " already exists");
  std::ofstream out(path, std::ios::binary);
  auto description = slug;
  std::replace(description.begin(), description.end(), '_', ' ');
  out << migration_template(file_name, description);
  if (!out.flush()) throw Error(ExitCode::failure, "cannot write " + path.string());
  return path;
}

}  // namespace smelt::migrate
