#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "common/error.hpp"
#include "migrate/migrator.hpp"
#include "migrate/plan.hpp"
#include "migrate/source.hpp"

namespace smelt::cli {
namespace {

struct MigrateOptions {
  std::string conninfo;
  std::string dir;
  std::string target;
  bool dry_run = false;
  std::string name;
  std::string new_dir = ".";
};

constexpr const char* MIGRATE_FOOTER = R"help(
Versioned migrations are migrations/V<digits>__<description>.sql: forward-only,
applied once each in version order. Every sql/**/*.sql outside sql/queries/ is a
repeatable object (create or replace function, procedure, view) applied after
them and again whenever it changes. smelt.schema_history records each script
with its SHA-256; an applied migration that was edited stops up and validate.
The files are built into smelt; --dir reads a checkout instead.
Examples:
  smelt migrate status -d postgresql://smelt@db/smelt
  smelt migrate up --dry-run
  smelt migrate up
  smelt migrate new "add campaign budget"
Exit codes: 0 ok, 2 usage, 3 database unreachable, 5 a migration failed, was
edited after it was applied, or is missing, 130 interrupted between scripts.
See docs/migrations.md.)help";

constexpr const char* UP_FOOTER = R"help(
Takes an advisory lock (a second run waits, then finds nothing to do), validates,
then applies each pending migration in its own transaction together with its
history row: a failing one is rolled back entirely and named with its line, e.g.
  migrations/V0007__x.sql:12: relation "silver.posts" does not exist
Repeatable objects run after the versioned migrations, when none is left pending.
Running up again when everything is applied changes nothing.
Examples:
  smelt migrate up -d "host=/tmp port=5432 dbname=smelt"
  smelt migrate up --target 4 --dry-run
  SMELT_DATABASE=postgresql:///smelt smelt migrate up --dir .)help";

constexpr const char* STATUS_FOOTER = R"help(
States: applied; pending (will run); changed (a versioned migration edited after
it was applied: an error, see validate); outdated (a repeatable edited since it
last ran: up runs it again); missing (applied, but the file is gone).
Reads only: takes no lock and creates nothing.
Example:
  smelt migrate status -d postgresql://smelt@db/smelt)help";

constexpr const char* VALIDATE_FOOTER = R"help(
Fails (exit code 5), naming the file, when an applied migration was edited or
its file is missing, or when a pending migration is numbered below one already
applied. Pending migrations are listed but are not an error. Good in CI before
a deploy:
  smelt migrate validate -d "$DATABASE_URL")help";

constexpr const char* NEW_FOOTER = R"help(
Writes DIR/migrations/V<next>__<name>.sql with a header to fill in and prints
its path. The name is slugified: "Add user index" -> add_user_index.
Example:
  smelt migrate new "add campaign budget"   # migrations/V0005__add_campaign_budget.sql)help";

void add_source_options(CLI::App& command, MigrateOptions& options) {
  add_database_option(command, options.conninfo);
  command
      .add_option("--dir", options.dir,
                  "Read DIR/migrations and DIR/sql instead of the files built into smelt")
      ->envname("SMELT_MIGRATE_DIR");
}

std::optional<std::int64_t> target_version(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto version = migrate::parse_version(text);
  if (!version) throw Error(ExitCode::usage, "--target " + text + ": expected a version such as 7 or V0007");
  return version;
}

void print_dry_run(const migrate::UpResult& result) {
  if (result.scripts.empty()) std::cout << "nothing to apply\n";
  for (const auto& path : result.scripts) std::cout << "would apply " << path << "\n";
}

void run_up(const MigrateOptions& options) {
  migrate::UpOptions up{target_version(options.target), options.dry_run};
  migrate::Migrator migrator({options.conninfo, options.dir});
  const auto result = migrator.up(up);
  if (options.dry_run) print_dry_run(result);
}

void run_status(const MigrateOptions& options) {
  migrate::Migrator migrator({options.conninfo, options.dir});
  const auto entries = migrator.status();
  std::cout << migrate::render_status(entries) << migrate::summary_line(migrate::summarize(entries)) << "\n";
}

void run_validate(const MigrateOptions& options) {
  migrate::Migrator migrator({options.conninfo, options.dir});
  const auto entries = migrator.validate();
  for (const auto& entry : entries) {
    if (entry.state == migrate::State::pending) std::cout << "pending " << entry.path << "\n";
  }
  std::cout << "valid: " << migrate::summary_line(migrate::summarize(entries)) << "\n";
}

void run_new(const MigrateOptions& options) {
  std::cout << migrate::create_migration(options.new_dir, options.name).string() << "\n";
}

void add_up(CLI::App& migrate, const std::shared_ptr<MigrateOptions>& options, Action& action) {
  auto* up = migrate.add_subcommand("up", "Apply pending migrations, then new or changed repeatable objects");
  add_source_options(*up, *options);
  up->add_option("--target", options->target,
                 "Apply versioned migrations up to this version only (7 or V0007)");
  up->add_flag("--dry-run", options->dry_run, "List what would be applied and change nothing");
  up->footer(UP_FOOTER);
  up->callback([options, &action] { action = [options] { run_up(*options); }; });
}

void add_status(CLI::App& migrate, const std::shared_ptr<MigrateOptions>& options, Action& action) {
  auto* status =
      migrate.add_subcommand("status", "List migrations and repeatable objects: applied, pending, changed");
  add_source_options(*status, *options);
  status->footer(STATUS_FOOTER);
  status->callback([options, &action] { action = [options] { run_status(*options); }; });
}

void add_validate(CLI::App& migrate, const std::shared_ptr<MigrateOptions>& options, Action& action) {
  auto* validate = migrate.add_subcommand("validate", "Check applied migrations against their files");
  add_source_options(*validate, *options);
  validate->footer(VALIDATE_FOOTER);
  validate->callback([options, &action] { action = [options] { run_validate(*options); }; });
}

void add_new(CLI::App& migrate, const std::shared_ptr<MigrateOptions>& options, Action& action) {
  auto* create = migrate.add_subcommand("new", "Create the next migration file from a template");
  create->add_option("NAME", options->name, "What the migration does, e.g. \"add campaign budget\"")
      ->required();
  create->add_option("--dir", options->new_dir, "The checkout to write DIR/migrations/ in")
      ->envname("SMELT_MIGRATE_DIR")
      ->capture_default_str();
  create->footer(NEW_FOOTER);
  create->callback([options, &action] { action = [options] { run_new(*options); }; });
}

}  // namespace

void add_migrate_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<MigrateOptions>();
  auto* migrate = app.add_subcommand("migrate", "Versioned, checksummed, locked schema migrations");
  migrate->require_subcommand(1);
  migrate->footer(MIGRATE_FOOTER);
  add_up(*migrate, options, action);
  add_status(*migrate, options, action);
  add_validate(*migrate, options, action);
  add_new(*migrate, options, action);
}

}  // namespace smelt::cli
