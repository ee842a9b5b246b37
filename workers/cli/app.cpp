#include "cli/app.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "common/secrets.hpp"
#include "common/signals.hpp"

namespace smelt::cli {

void add_database_option(CLI::App& command, std::string& conninfo) {
  command.add_option("-d,--database", conninfo,
                     "PostgreSQL conninfo or URI (libpq's PG* variables and service files apply)")
      ->envname("SMELT_DATABASE");
}

namespace {

constexpr const char* FOOTER = R"(
Configuration, strongest first: flags, SMELT_* environment variables, the
config file (--config, SMELT_CONFIG or ./smelt.conf; `key = value` lines,
[section] headers map to SMELT_<SECTION>_<KEY>), built-in defaults.
Exit codes: 0 ok, 1 failure, 2 usage, 3 database, 4 kafka, 5 migration,
6 data loss refused, 130 interrupted.)";

bool is_config_option(const CLI::Option& option) {
  const auto& names = option.get_lnames();
  if (names.empty() && option.get_envname().empty()) return false;  // positional or short-only
  for (const char* builtin : {"help", "help-all", "version", "config"}) {
    if (!names.empty() && names.front() == builtin) return false;
  }
  return true;
}

/// The config file key of an option: under `section` when its variable is
/// SMELT_<SECTION>_<KEY>, at the top of the file when it is SMELT_<KEY>.
config::Key config_key(const CLI::Option& option, const std::string& section) {
  const std::string& env = option.get_envname();
  if (!option.get_lnames().empty()) {
    const std::string& name = option.get_lnames().front();
    if (env == config::env_name(section, name)) return {section, name};
    if (env == config::env_name("", name)) return {"", name};
  }
  std::string key;
  for (char c : std::string_view(env).substr(6)) key += c == '_' ? '-' : static_cast<char>(std::tolower(c));
  return {"", key};
}

/// Gives every option of `command` and its subcommands an environment
/// variable (SMELT_<SECTION>_<KEY> unless it has one) and collects the keys
/// a config file may set, so every option works from flag, environment and
/// file alike and a misspelt file key is an error.
void name_environment(CLI::App& command, const std::string& section, std::vector<config::Key>& keys) {
  for (CLI::Option* option : command.get_options()) {
    if (!is_config_option(*option)) continue;
    if (option->get_envname().empty()) option->envname(config::env_name(section, option->get_lnames().front()));
    auto key = config_key(*option, section);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  for (CLI::App* sub : command.get_subcommands([](CLI::App*) { return true; })) {
    name_environment(*sub, section.empty() ? sub->get_name() : section + "." + sub->get_name(), keys);
  }
}

int run_action(const Action& action) {
  try {
    action();
    return 0;
  } catch (const Error& e) {
    log::error(e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    log::error(e.what());
    return static_cast<int>(ExitCode::failure);
  }
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"smelt: social-media events from Kafka into PostgreSQL analytics"};
  app.set_version_flag("--version", std::string("smelt ") + SMELT_VERSION);
  app.footer(FOOTER);
  app.require_subcommand(1);
  app.fallthrough();  // global options (--log-format, --config) may follow the subcommand
  std::string config_path;
  std::string log_format = "auto";
  std::string log_level = "info";
  app.add_option("--config", config_path, "Config file (default: SMELT_CONFIG or ./smelt.conf)");
  app.add_option("--log-format", log_format, "auto (text on a terminal, JSON lines otherwise), text or json")
      ->envname("SMELT_LOG_FORMAT")
      ->capture_default_str();
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->envname("SMELT_LOG_LEVEL")
      ->capture_default_str();

  Action action;
  add_migrate_command(app, action);
  add_broker_command(app, action);
  add_generate_command(app, action);
  add_ingest_command(app, action);
  add_replay_command(app, action);
  add_text_command(app, action);
  add_refresh_command(app, action);
  add_scheduler_command(app, action);
  add_backfill_command(app, action);
  add_check_command(app, action);
  add_campaign_command(app, action);
  add_serve_command(app, action);
  add_collect_command(app, action);

  std::vector<config::Key> config_keys;
  name_environment(app, "", config_keys);
  add_collect_config_keys(config_keys);

  try {
    if (auto path = config::find_config_path(argc, argv); !path.empty()) {
      config::load_into_environment(path, config_keys);
    }
    secrets::learn_from_process(argc, argv);
    app.parse(argc, argv);
    secrets::hide_in_arguments(argc, argv);
    log::init(log::parse_format(log_format), log_level);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; every real parse error is a usage error.
    std::ostringstream out, err;
    const int code = app.exit(e, out, err);
    std::cout << out.str();
    std::cerr << secrets::redact(err.str());
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    std::cerr << "smelt: " << secrets::redact(e.what()) << "\n";
    return static_cast<int>(e.code());
  }
  signals::install_stop_handlers();
  return run_action(action);
}

}  // namespace smelt::cli
