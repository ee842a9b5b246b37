#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "kafka/mock_broker.hpp"

namespace smelt::cli {
namespace {

constexpr int STOP_CHECK_INTERVAL_MS = 100;

struct BrokerOptions {
  std::string topic = "smelt.events";
  int partitions = 8;
  int brokers = 1;
  std::string bootstrap_file;
};

void write_bootstrap_file(const std::string& path, const std::string& bootstrap) {
  auto tmp = path + ".tmp";
  std::ofstream(tmp) << bootstrap << "\n";
  std::filesystem::rename(tmp, path);  // atomic: readers never see half a line
}

void run_broker(const BrokerOptions& options) {
  auto started = std::chrono::steady_clock::now();
  kafka::MockBroker broker(options.brokers);
  broker.create_topic(options.topic, options.partitions);
  const auto bootstrap = broker.bootstrap();
  std::cout << "bootstrap=" << bootstrap << std::endl;
  if (!options.bootstrap_file.empty()) write_bootstrap_file(options.bootstrap_file, bootstrap);
  log::info("broker ready", {{"bootstrap", bootstrap}, {"topic", options.topic},
                             {"partitions", options.partitions}, {"brokers", options.brokers}});
  while (!signals::stop_requested()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(STOP_CHECK_INTERVAL_MS));
  }
  if (!options.bootstrap_file.empty()) std::filesystem::remove(options.bootstrap_file);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  log::info("broker stopped", {{"duration_s", elapsed.count()}});
}

}  // namespace

void add_broker_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<BrokerOptions>();
  auto* command = app.add_subcommand("broker", "Run a local Kafka-protocol broker (librdkafka's mock cluster)");
  command->add_option("-t,--topic", options->topic, "Topic to create")->envname("SMELT_TOPIC")->capture_default_str();
  command->add_option("-p,--partitions", options->partitions, "Partitions of the topic")
      ->check(range::between(1, 1024, "partitions"))
      ->envname("SMELT_BROKER_PARTITIONS")
      ->capture_default_str();
  command->add_option("--brokers-count", options->brokers, "Brokers in the cluster")
      ->check(range::between(1, 16, "brokers"))
      ->capture_default_str();
  command->add_option("--bootstrap-file", options->bootstrap_file,
                      "Also write the bootstrap address to FILE (removed on exit), for scripts")
      ->envname("SMELT_BROKER_BOOTSTRAP_FILE");
  command->footer(R"help(
Prints `bootstrap=HOST:PORT` on stdout once ready, then serves until SIGINT or
SIGTERM. Any Kafka client can use it, kcat included:
  smelt broker --bootstrap-file .smelt/broker &
  echo hello | kcat -P -b "$(cat .smelt/broker)" -t smelt.events
  kcat -C -b "$(cat .smelt/broker)" -t smelt.events -e
The mock cluster keeps only about 5 MiB or 100k message sets per partition and
nothing survives the process: consumers must keep up. Production runs Apache
Kafka (see docker/).)help");
  command->callback([options, &action] { action = [options] { run_broker(*options); }; });
}

}  // namespace smelt::cli
