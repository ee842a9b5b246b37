#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "refresh/backfill.hpp"
#include "refresh/lexicon_options.hpp"

namespace smelt::cli {
namespace {

struct BackfillCommand {
  refresh::BackfillOptions options;
  std::vector<std::string> models = {"all"};
};

/// --models: all, silver (re-decode and merge only) or gold (smelt.backfill_gold only).
void apply_models(const std::vector<std::string>& models, refresh::BackfillOptions& options) {
  options.silver = false;
  options.gold = false;
  for (const auto& model : models) {
    if (model == "all" || model == "silver") options.silver = true;
    if (model == "all" || model == "gold") options.gold = true;
    if (model != "all" && model != "silver" && model != "gold") {
      throw Error(ExitCode::usage,
                  "--models " + model +
                      ": choose all, silver or gold (gold is recomputed as a whole: every mart "
                      "derives from the same facts)");
    }
  }
}

void log_result(const refresh::BackfillSummary& summary) {
  log::info("backfill finished",
            {{"run_id", summary.run_id},
             {"from", summary.from},
             {"to", summary.to},
             {"records", summary.decode.events},
             {"chunks", summary.chunks},
             {"days", summary.days},
             {"posts", summary.decode.posts},
             {"comments", summary.decode.comments},
             {"users", summary.decode.users},
             {"decode_errors", summary.decode.errors},
             {"error_reasons", summary.decode.reasons_text()},
             {"gold", summary.gold ? refresh::status_name(summary.gold->status) : "skipped"},
             {"gold_rows", summary.gold ? summary.gold->rows : 0},
             {"duration_s", summary.duration_s}});
}

void check_outcome(const refresh::BackfillSummary& summary, bool rescore) {
  if (summary.interrupted) {
    throw Error(ExitCode::interrupted, "backfill interrupted after " + std::to_string(summary.chunks) +
                                           " of " + std::to_string(summary.chunks_planned) + " chunks and " +
                                           std::to_string(summary.days) + " of " +
                                           std::to_string(summary.days_planned) +
                                           " gold days; run it again (it is idempotent)");
  }
  if (summary.gold && summary.gold->status != refresh::GoldStatus::published) {
    std::string checks;
    for (const auto& check : summary.gold->blocking_checks) checks += (checks.empty() ? "" : ", ") + check;
    throw Error(ExitCode::failure, "backfill merged silver but gold was not published (" +
                                       std::string(refresh::status_name(summary.gold->status)) +
                                       "): " + (checks.empty() ? summary.gold->error : checks) +
                                       "; smelt check shows more");
  }
  if (rescore && summary.stale_posts + summary.stale_comments > 0) {
    throw Error(
        ExitCode::failure,
        "--rescore: " + std::to_string(summary.stale_posts) + " posts and " +
            std::to_string(summary.stale_comments) + " comments whose newest observation is in the range " +
            "still carry another sentiment model than the current one of their language " +
            summary.sentiment_models +
            ": smelt.merge_decoded keeps the stored text features of an observation it already holds");
  }
}

void run(BackfillCommand& command) {
  apply_models(command.models, command.options);
  const auto summary = refresh::run_backfill(command.options);
  log_result(summary);
  check_outcome(summary, command.options.rescore);
}

}  // namespace

void add_backfill_command(CLI::App& app, Action& action) {
  auto state = std::make_shared<BackfillCommand>();
  auto& options = state->options;
  auto* command =
      app.add_subcommand("backfill", "Recompute silver and gold for an event-time range from bronze");
  add_database_option(*command, options.conninfo);
  refresh::add_lexicon_options(*command, options.lexicon);
  command
      ->add_option("--from", options.from,
                   "Start of the range, inclusive (event time, e.g. 2026-11-22T10:00:00Z)")
      ->required()
      ->envname("SMELT_BACKFILL_FROM");
  command->add_option("--to", options.to, "End of the range, exclusive (event time; 'now' works)")
      ->required()
      ->envname("SMELT_BACKFILL_TO");
  command->add_option("--models", state->models, "What to recompute: all, silver or gold (see below)")
      ->envname("SMELT_BACKFILL_MODELS")
      ->capture_default_str();
  command
      ->add_flag("--rescore", options.rescore,
                 "Require silver to carry the current sentiment model for the range afterwards")
      ->envname("SMELT_BACKFILL_RESCORE");
  command
      ->add_option("--chunk-events", options.chunk_events,
                   "Events per merge transaction (chunks are cut at whole minutes)")
      ->check(range::between(1, 100e6, "events"))
      ->envname("SMELT_BACKFILL_CHUNK_EVENTS")
      ->capture_default_str();
  command->footer(R"help(
What it does:
  1. silver: counts the bronze events observed (envelope observed_at) in
     [--from, --to) per minute and cuts the range into chunks of about
     --chunk-events events. Per chunk, in one transaction: re-decodes those
     bronze rows with the current decoders and lexicon and merges them into
     silver (smelt.merge_decoded with no batches: rows already merged change
     nothing; ingest batch bookkeeping and watermarks are left alone). One
     progress line per chunk: done/total events, rate, ETA.
  2. gold: smelt.backfill_gold, one UTC day of the range at a time:
     re-matches campaigns for posts created in it (so a campaign added later
     counts its past posts), marks every post, comment and account of the
     day dirty and refreshes gold, gated by the quality checks. Stops at the
     first day gold does not publish.

--models all (default) runs both; silver only the first (the scheduler's
next refresh publishes whatever changed); gold only the second (enough
after `smelt campaign add` or `end`: silver already holds the posts). Gold
is recomputed as a whole: every mart derives from the same facts.

Idempotent: a second run over the same range changes nothing. Safe while
smelt scheduler runs (the SQL procedures serialize merges and refreshes).
SIGINT/SIGTERM stop after the current chunk or day (exit 130); run it again.

--rescore: decoding always computes text features with the current lexicon
and rules. With --rescore the backfill then verifies that every post and
comment whose newest observation lies in the range carries the current
sentiment model, and fails (exit 1) naming how many do not.

Exit codes: 0 done (and gold published); 1 gold blocked or failed, or
--rescore found stale rows; 2 bad range or model; 3 database; 130
interrupted.

Examples:
  smelt backfill --from 2026-11-22T00:00:00Z --to 2026-11-23T00:00:00Z
  smelt campaign add blackfriday --brand acme --hashtag blackfriday --starts 2026-11-20
  smelt backfill --models gold --from 2026-11-20 --to now   # count the campaign's past posts
  smelt backfill --from 2026-11-01 --to 2026-12-01 --rescore --lexicon new_lexicon.txt)help");
  command->callback([state, &action] { action = [state] { run(*state); }; });
}

}  // namespace smelt::cli
