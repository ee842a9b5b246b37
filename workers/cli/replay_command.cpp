#include <chrono>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/log.hpp"
#include "replay/replay.hpp"

namespace smelt::cli {
namespace {

void run(const replay::ReplayOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto stats = replay::run_replay(options);
  std::string reasons;
  for (const auto& [reason, count] : stats.by_reason) {
    reasons += (reasons.empty() ? "" : ",") + reason + ":" + std::to_string(count);
  }
  log::info(options.dry_run ? "replay dry run: would re-submit" : "replay finished",
            {{"run_id", stats.run_id},
             {"records", stats.replayed},
             {"reasons", reasons},
             {"topic", options.kafka.topic},
             {"duration_s", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()}});
}

}  // namespace

void add_replay_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<replay::ReplayOptions>();
  auto* command = app.add_subcommand("replay", "Re-submit rejected messages (bronze.rejects) to Kafka after a fix");
  add_database_option(*command, options->conninfo);
  kafka::add_options(*command, options->kafka);
  command->add_option("--reason", options->reasons, "Only rejects with this reason (repeatable)")
      ->check(CLI::IsMember({"invalid_utf8", "nul_byte", "invalid_json", "not_an_object", "missing_field",
                             "bad_field", "oversized"}));
  command->add_option("--since", options->since, "Only rejects recorded since this time (timestamptz)");
  command->add_option("--id", options->ids, "Only this reject_id (repeatable)");
  command->add_flag("--again", options->again, "Also send rejects that were replayed before");
  command->add_option("--limit", options->limit, "At most this many messages")
      ->check(range::positive("messages"))
      ->capture_default_str();
  command->add_flag("--dry-run", options->dry_run, "Count what would be sent, send nothing");
  command->footer(R"help(
Messages go back to the topic byte for byte with their original keys, so
ingest judges them again: fix the cause first (for example raise
`smelt ingest --max-message-bytes`), then replay. Each replayed reject is
marked replayed_at once every message is delivered; if one fails, none is
marked and the command exits 4 (a rerun may send some twice; silver
deduplicates them).

Examples:
  smelt replay --dry-run
  smelt replay --reason oversized
  smelt replay --id 42 --again)help");
  command->callback([options, &action] { action = [options] { run(*options); }; });
}

}  // namespace smelt::cli
