#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "common/config.hpp"

namespace smelt::cli {

/// What a subcommand does once the whole command line is parsed.
using Action = std::function<void()>;

/// Parses argv, sets up logging and runs the chosen subcommand; returns the exit code.
int run(int argc, char** argv);

/// Adds -d/--database (libpq conninfo or URI; env SMELT_DATABASE). Empty means
/// libpq's own defaults: PGHOST, PGDATABASE, PGSERVICE and friends.
void add_database_option(CLI::App& command, std::string& conninfo);

// One function per subcommand, each in its own file. Each registers its
// options and sets `action` when chosen.
void add_migrate_command(CLI::App& app, Action& action);
void add_broker_command(CLI::App& app, Action& action);
void add_generate_command(CLI::App& app, Action& action);
void add_ingest_command(CLI::App& app, Action& action);
void add_replay_command(CLI::App& app, Action& action);
void add_text_command(CLI::App& app, Action& action);
void add_refresh_command(CLI::App& app, Action& action);
void add_scheduler_command(CLI::App& app, Action& action);
void add_backfill_command(CLI::App& app, Action& action);
void add_check_command(CLI::App& app, Action& action);
void add_campaign_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);
void add_collect_command(CLI::App& app, Action& action);

/// Config file keys that are no option: the collector's credentials ([collect] x-bearer-token, ...).
void add_collect_config_keys(std::vector<config::Key>& keys);

}  // namespace smelt::cli
