#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "refresh/checks.hpp"
#include "refresh/connection.hpp"

namespace smelt::cli {
namespace {

struct CheckOptions {
  std::string conninfo;
  std::string severity = "all";
  std::size_t sample_width = 80;
};

void run(const CheckOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto session = refresh::connect(options.conninfo, "smelt check");
  const std::string run_id = log::new_run_id();
  const auto severity =
      options.severity == "all" ? std::nullopt : std::optional<std::string>(options.severity);
  const auto results = refresh::run_checks(*session, run_id, severity);
  std::cout << refresh::format_checks(results, options.sample_width) << std::flush;
  std::int64_t failed = 0;
  std::string blocking;
  for (const auto& result : results) {
    failed += result.failed() ? 1 : 0;
    if (result.blocks()) blocking += (blocking.empty() ? "" : ", ") + result.check_name;
  }
  log::info(
      "check finished",
      {{"run_id", run_id},
       {"records", results.size()},
       {"failed", failed},
       {"duration_s", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()}});
  if (!blocking.empty()) {
    throw Error(ExitCode::failure, "checks of severity error failed: " + blocking +
                                       " (all offending rows: the check's query in smelt.checks; results in "
                                       "smelt.check_results where run_id = '" +
                                       run_id + "')");
  }
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CheckOptions>();
  auto* command =
      app.add_subcommand("check", "Run the data quality checks over all data and print the results");
  add_database_option(*command, options->conninfo);
  command->add_option("--severity", options->severity, "Run only the checks of this severity")
      ->check(CLI::IsMember({"all", "error", "warn"}))
      ->envname("SMELT_CHECK_SEVERITY")
      ->capture_default_str();
  command->add_option("--sample-width", options->sample_width, "Characters of each check's sample to print")
      ->check(range::between(10, 100e3, "characters"))
      ->envname("SMELT_CHECK_SAMPLE_WIDTH")
      ->capture_default_str();
  command->footer(R"help(
Each check is a query registered in smelt.checks (one file each under
sql/70_checks/) that returns the rows breaking a rule and must return none:
keys and accepted values in silver, counters that never go backwards,
gold facts that reconcile with silver, freshness. Every refresh runs the
cheap ones on what it changed and refuses to publish gold when one of
severity error fails; `smelt check` runs all of them over all data,
records each result in smelt.check_results and prints a table (failures
first) with a sample of the offending rows as JSON.

Exit codes: 0 no check of severity error failed (warnings may have);
1 one did; 3 database.

Examples:
  smelt check
  smelt check --severity error --sample-width 200
  psql -c "select guards, query from smelt.checks where check_name = 'silver_post_hashtags_key'")help");
  command->callback([options, &action] { action = [options] { run(*options); }; });
}

}  // namespace smelt::cli
