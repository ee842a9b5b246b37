#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smelt::migrate {

/// Versioned migrations run once, in version order; repeatable objects
/// (functions, procedures, views under sql/) run again whenever they change.
enum class Kind { versioned, repeatable };

/// "versioned" or "repeatable", as stored in smelt.schema_history.kind.
std::string_view kind_name(Kind kind);

/// A file as found in the binary or on disk, keyed by repository-relative path.
struct SourceFile {
  std::string path;  ///< "migrations/V0002__bronze_events.sql", "sql/bronze/x.sql"
  std::string text;  ///< exact bytes
};

/// One script smelt migrate can apply.
struct Script {
  Kind kind = Kind::versioned;
  std::optional<std::int64_t> version;  ///< set for versioned migrations only
  std::string description;              ///< "bronze events"; "bronze/x" for a repeatable
  std::string path;
  std::string text;
  std::string checksum;  ///< sha256_hex(text)
};

/// The parts of a versioned file name: V<digits>__<description>.sql.
struct VersionedName {
  std::int64_t version = 0;
  std::string description;  ///< underscores turned to spaces
};

/// Parses a versioned file name ("V0002__bronze_events.sql"); nothing when it
/// does not match V<digits>__<description>.sql.
std::optional<VersionedName> parse_versioned_name(std::string_view file_name);

/// Parses a version as given on the command line: "7", "0007" or "V0007";
/// nothing when it is not one.
std::optional<std::int64_t> parse_version(std::string_view text);

/// Turns source files into scripts: versioned migrations (sorted by version)
/// then repeatables (sorted by path). Files under sql/queries/ and outside
/// migrations/ and sql/ are ignored. Throws smelt::Error (migration) naming
/// the file for a name that does not match or a duplicate version.
std::vector<Script> scripts_from(std::vector<SourceFile> files);

/// The SQL files compiled into the binary.
std::vector<SourceFile> embedded_sources();

/// DIR/migrations/**/*.sql and DIR/sql/**/*.sql, with paths relative to DIR.
/// Throws smelt::Error (usage) when DIR has no migrations/ folder.
std::vector<SourceFile> directory_sources(const std::filesystem::path& dir);

/// The scripts of dir, or of the binary when dir is empty.
std::vector<Script> load_scripts(const std::string& dir);

/// A migration name made safe for a file name: lowercase ASCII letters,
/// digits and single underscores ("Add user index!" -> "add_user_index").
std::string slugify(std::string_view name);

/// Writes dir/migrations/V<next>__<slug>.sql with a header template and
/// returns its path. The next version is one above the highest in
/// dir/migrations, zero-padded to 4 digits. Throws smelt::Error (usage) for an
/// empty name and (failure) when the file cannot be written.
std::filesystem::path create_migration(const std::filesystem::path& dir, std::string_view name);

}  // namespace smelt::migrate
