#include <chrono>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "ingest/worker.hpp"
#include "metrics/endpoint.hpp"

namespace smelt::cli {
namespace {

void run(const ingest::IngestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto stats = ingest::run_ingest(options);
  const double duration_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string reasons;
  for (const auto& [reason, count] : stats.reject_reasons) {
    reasons += (reasons.empty() ? "" : ",") + reason + ":" + std::to_string(count);
  }
  log::info("ingest finished", {{"run_id", stats.run_id},
                                {"records", stats.events},
                                {"rejects", stats.rejects},
                                {"reject_reasons", reasons},
                                {"batches", stats.batches},
                                {"fenced", stats.fenced},
                                {"duration_s", duration_s},
                                {"events_per_s", duration_s > 0 ? static_cast<double>(stats.events) / duration_s : 0.0}});
}

}  // namespace

void add_ingest_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<ingest::IngestOptions>();
  auto* command = app.add_subcommand("ingest", "Load Kafka events into bronze with COPY, exactly once");
  add_database_option(*command, options->conninfo);
  kafka::add_options(*command, options->kafka);
  command->add_option("-g,--group", options->group, "Kafka consumer group; run more workers with the same group to share partitions")
      ->envname("SMELT_INGEST_GROUP")
      ->capture_default_str();
  command->add_option("--batch-rows", options->batch_rows, "Close a batch at this many messages")
      ->check(range::between(1, 10e6, "messages"))
      ->envname("SMELT_INGEST_BATCH_ROWS")
      ->capture_default_str();
  command->add_option("--batch-bytes", options->batch_bytes, "... or at this many bytes")
      ->check(range::between(1024, 4294967296.0, "bytes"))
      ->envname("SMELT_INGEST_BATCH_BYTES")
      ->capture_default_str();
  command->add_option("--batch-wait-ms", options->batch_wait_ms, "... or when its first message has waited this long (ms)")
      ->check(range::between(1, 60e3, "ms"))
      ->envname("SMELT_INGEST_BATCH_WAIT_MS")
      ->capture_default_str();
  command->add_option("--max-message-bytes", options->max_message_bytes, "Larger messages go to bronze.rejects as oversized")
      ->check(range::between(1024, 1073741824.0, "bytes"))
      ->envname("SMELT_INGEST_MAX_MESSAGE_BYTES")
      ->capture_default_str();
  command->add_option("--start-from", options->start_from, "Where a partition never read by this group starts")
      ->check(CLI::IsMember({"earliest", "latest"}))
      ->envname("SMELT_INGEST_START_FROM")
      ->capture_default_str();
  metrics::add_endpoint_options(*command, options->metrics, "INGEST");
  command->add_option("--idle-exit", options->idle_exit_s, "Stop after this many seconds without a message (0: run until SIGTERM)")
      ->check(range::at_least(0, "seconds"))
      ->envname("SMELT_INGEST_IDLE_EXIT")
      ->capture_default_str();
  command->add_option("--progress-interval", options->progress_interval_s, "Seconds between progress lines")
      ->check(range::positive("seconds"))
      ->capture_default_str();
  command->add_option("--db-retry", options->db_retry_s,
                      "Seconds to keep reconnecting to a lost or not yet started PostgreSQL before failing (0: forever)")
      ->check(range::at_least(0, "seconds"))
      ->envname("SMELT_INGEST_DB_RETRY")
      ->capture_default_str();
  command->add_option("--kafka-timeout", options->kafka_timeout_s,
                      "Seconds no broker may be reachable (or authentication refused) before failing with exit 4 "
                      "(0: wait forever)")
      ->check(range::at_least(0, "seconds"))
      ->envname("SMELT_INGEST_KAFKA_TIMEOUT")
      ->capture_default_str();
  command->footer(R"help(
Each batch is one PostgreSQL transaction: COPY into bronze.events (valid
messages, byte for byte), COPY into bronze.rejects (messages PostgreSQL cannot
hold as received: invalid JSON or UTF-8, NUL bytes, missing envelope fields,
oversized), and the partitions' next offsets in smelt.ingest_offsets. On start
and on every rebalance a worker seeks to the offsets stored in PostgreSQL, so
nothing is lost or doubled whatever is killed when. If the broker no longer
holds a stored offset, or the message before it is not the one stored (a
re-created topic), ingest stops (exit 6) instead of skipping.
While PostgreSQL is unreachable or out of disk space, the worker pauses its
partitions, stays in the group and retries with back-off (a lost connection
for up to --db-retry seconds, a full disk until space is freed). No usable
broker for --kafka-timeout seconds is exit 4.
SIGINT/SIGTERM finish the current batch and exit 0. With --metrics-port,
Prometheus /metrics and /healthz are served on that port (messages, bytes,
batches, rejects by reason, batch durations, lag per partition in messages
and seconds; see docs/serve.md).

Examples:
  smelt ingest -d postgresql:///smelt -b localhost:9092
  smelt ingest --group smelt-ingest -X security.protocol=SSL    # a second worker shares partitions
  smelt ingest --idle-exit 5                                    # drain the topic, then stop)help");
  command->callback([options, &action] { action = [options] { run(*options); }; });
}

}  // namespace smelt::cli
