#include <memory>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "serve/server.hpp"

namespace smelt::cli {

void add_serve_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<serve::ServeOptions>();
  auto* command = app.add_subcommand("serve", "The live dashboard, its JSON API, /metrics, /healthz and /readyz");
  options->kafka.brokers.clear();  // lag is reported only when brokers are given
  add_database_option(*command, options->conninfo);
  command->add_option("--address", options->address, "Address to listen on (0.0.0.0: every interface)")
      ->envname("SMELT_SERVE_ADDRESS")
      ->capture_default_str();
  command->add_option("-p,--port", options->port, "Port to listen on (0: any free port; see --url-file)")
      ->check(range::between(0, 65535, "(a TCP port)"))
      ->envname("SMELT_SERVE_PORT")
      ->capture_default_str();
  command->add_option("--url-file", options->url_file, "Write the dashboard's URL to this file once listening")
      ->envname("SMELT_SERVE_URL_FILE");
  command
      ->add_option("--max-staleness", options->max_staleness_s,
                   "/readyz fails when gold was last refreshed longer ago than this many seconds (0: not checked)")
      ->check(range::at_least(0, "seconds"))
      ->envname("SMELT_SERVE_MAX_STALENESS")
      ->capture_default_str();
  command->add_option("--statement-timeout-ms", options->statement_timeout_ms, "Longest an API query may run")
      ->check(range::between(100, 600e3, "ms"))
      ->envname("SMELT_SERVE_STATEMENT_TIMEOUT_MS")
      ->capture_default_str();
  command->add_option("--brokers", options->kafka.brokers,
                      "Kafka bootstrap servers, for consumer lag on /metrics (empty: lag not reported)")
      ->envname("SMELT_BROKERS");
  command->add_option("--topic", options->kafka.topic, "Kafka topic whose lag /metrics reports")
      ->envname("SMELT_TOPIC")
      ->capture_default_str();
  command->add_option("-X", options->kafka.properties, "Kafka client property key=value (repeatable)");
  command->add_option("-g,--group", options->group, "The ingest consumer group whose lag /metrics reports")
      ->envname("SMELT_INGEST_GROUP")
      ->capture_default_str();
  command->footer(R"help(
Routes:
  /                 the live "Real-Time Engagement" dashboard (works offline:
                    the chart library is compiled into the binary)
  /api/<endpoint>   the JSON the dashboard reads (docs/serve.md), gold only,
                    as the read-only role smelt_bi; bad parameters get 400
  /metrics          Prometheus text format: refresh runs, step durations,
                    pending batches, failing checks, mart ages, rejects,
                    consumer lag in messages and seconds per partition
  /healthz          200 while the process runs
  /readyz           200 when PostgreSQL answers and gold was refreshed within
                    --max-staleness seconds, 503 with a reason otherwise

The role of --database must be allowed to act as smelt_bi (a superuser, or
`grant smelt_bi to ROLE`); API queries run with SET ROLE smelt_bi and
read-only transactions. /metrics reads smelt's own tables with the role
itself.

Examples:
  smelt serve -d postgresql:///smelt                  # http://127.0.0.1:8080/
  smelt serve --address 0.0.0.0 --port 8080 --brokers kafka:9092)help");
  command->callback([options, &action] { action = [options] { serve::run_serve(*options); }; });
}

}  // namespace smelt::cli
