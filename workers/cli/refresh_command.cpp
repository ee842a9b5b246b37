#include <memory>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "refresh/lexicon_options.hpp"
#include "refresh/refresher.hpp"

namespace smelt::cli {
namespace {

std::string gold_failure(const refresh::GoldOutcome& gold) {
  std::string checks;
  for (const auto& check : gold.blocking_checks) checks += (checks.empty() ? "" : ", ") + check;
  if (gold.status == refresh::GoldStatus::blocked) {
    return "gold was not published: checks of severity error failed: " + checks +
           ". Silver is merged; gold stays at its last good state until the data is fixed (smelt check shows "
           "the offending rows)";
  }
  return "gold was not published: " + gold.error;
}

void run(const refresh::RefreshOptions& options) {
  const auto analyzer = refresh::load_analyzer(options.lexicon);
  refresh::Refresher refresher(options.conninfo, *analyzer, options.batches_per_transaction, "smelt refresh",
                               options.lanes);
  const auto summary = refresher.run(log::new_run_id());
  refresh::log_summary("refresh finished", summary);
  if (!summary.gold) {
    throw Error(ExitCode::interrupted,
                "refresh interrupted: merged batches are kept; gold was not refreshed");
  }
  if (summary.gold->status != refresh::GoldStatus::published)
    throw Error(ExitCode::failure, gold_failure(*summary.gold));
}

}  // namespace

void add_refresh_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<refresh::RefreshOptions>();
  auto* command = app.add_subcommand("refresh", "Run every silver and gold model once, incrementally");
  add_database_option(*command, options->conninfo);
  refresh::add_lexicon_options(*command, options->lexicon);
  command
      ->add_option("--batches-per-transaction", options->batches_per_transaction,
                   "Ingest batches decoded and merged per transaction")
      ->check(range::between(1, 100e3, "batches"))
      ->envname("SMELT_REFRESH_BATCHES_PER_TRANSACTION")
      ->capture_default_str();
  command
      ->add_option("--lanes", options->lanes,
                   "Merge lanes: connections that decode and merge disjoint Kafka partitions at the same time "
                   "(about one per core PostgreSQL may use)")
      ->check(range::between(1, 64, "lanes"))
      ->envname("SMELT_REFRESH_LANES")
      ->capture_default_str();
  command->footer(R"help(
What it does:
  1. Silver. Takes the committed ingest batches not merged yet
     (smelt.pending_batches), a few at a time. For each group, in one
     transaction: reads their rows from bronze.events, decodes them (posts,
     comments, accounts, with text features and sentiment), COPYs the rows
     into the session's staging tables and calls smelt.merge_decoded, which
     merges them into silver and records the batches as merged. Repeats
     until no batch is left. --lanes connections do this at the same time,
     each for its own Kafka partitions (ingest writes one batch per
     partition; posts are keyed to one partition), so decoding and merging
     use several cores.
  2. Gold. Calls smelt.refresh_gold: recomputes the gold rows of every key
     that changed, runs the quality checks on what changed and publishes
     (moves each mart's complete_through) only if no check of severity error
     fails.

Safe to run next to smelt scheduler and other refreshers: each merge
transaction claims its batches with advisory locks, so no two processes
decode the same batch, and the SQL procedures lock the partitions they merge
(and serialize the accounts they share).
Decode errors (events that yield no row) are counted, sampled in the log and
noted on the run's 'decode' row in smelt.refresh_runs; they never stop a
refresh. Every step of the run is in smelt.refresh_runs under its run_id.

Exit codes: 0 gold published; 1 gold blocked by a failing check (silver is
merged; `smelt check` shows the offending rows) or a failed step;
3 database; 130 interrupted (the merged batches are kept).

Examples:
  smelt refresh -d postgresql:///smelt
  smelt refresh --log-format json | jq 'select(.message == "refresh finished")'
  smelt refresh --lexicon /opt/smelt/vader_lexicon.txt)help");
  command->callback([options, &action] { action = [options] { run(*options); }; });
}

}  // namespace smelt::cli
