#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "kafka/mock_broker.hpp"
#include "kafka/mock_control.hpp"

namespace smelt::cli {
namespace {

constexpr int STOP_CHECK_INTERVAL_MS = 100;

struct BrokerOptions {
  std::string topic = "smelt.events";
  int partitions = 8;
  int brokers = 1;
  std::string bootstrap_file;
  std::string control;
};

/// Fault-injection commands, one per line, from a named pipe (--control).
class ControlPipe {
 public:
  explicit ControlPipe(const std::string& path) : path_(path) {
    std::filesystem::remove(path);
    if (mkfifo(path.c_str(), 0600) != 0) throw Error(ExitCode::usage, "--control: cannot create the pipe " + path);
    fd_ = open(path.c_str(), O_RDWR | O_NONBLOCK);  // read-write: never sees end-of-file between writers
    if (fd_ < 0) throw Error(ExitCode::usage, "--control: cannot open " + path);
  }
  ~ControlPipe() {
    close(fd_);
    std::filesystem::remove(path_);
  }
  ControlPipe(const ControlPipe&) = delete;
  ControlPipe& operator=(const ControlPipe&) = delete;

  /// Waits up to timeout_ms for input and applies every complete line.
  void serve(rd_kafka_mock_cluster_t* cluster, int timeout_ms) {
    struct pollfd waiting {fd_, POLLIN, 0};
    if (poll(&waiting, 1, timeout_ms) <= 0) return;
    char buffer[4096];
    for (ssize_t got; (got = read(fd_, buffer, sizeof buffer)) > 0;) pending_.append(buffer, static_cast<size_t>(got));
    for (size_t end; (end = pending_.find('\n')) != std::string::npos; pending_.erase(0, end + 1)) {
      const std::string line = pending_.substr(0, end);
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      try {
        log::info("broker fault", {{"command", line}, {"effect", kafka::apply_mock_command(cluster, line)}});
      } catch (const Error& e) {
        log::warn("broker control", {{"detail", e.what()}});
      }
    }
  }

 private:
  std::string path_;
  int fd_ = -1;
  std::string pending_;
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
  std::unique_ptr<ControlPipe> control;
  if (!options.control.empty()) control = std::make_unique<ControlPipe>(options.control);
  log::info("broker ready", {{"bootstrap", bootstrap}, {"topic", options.topic},
                             {"partitions", options.partitions}, {"brokers", options.brokers}});
  while (!signals::stop_requested()) {
    if (control) {
      control->serve(broker.cluster(), STOP_CHECK_INTERVAL_MS);
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(STOP_CHECK_INTERVAL_MS));
    }
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
  command->add_option("--control", options->control,
                      "Create a named pipe PATH and apply the fault-injection commands written to it, one per line "
                      "(see below)");
  command->footer(R"help(
Prints `bootstrap=HOST:PORT` on stdout once ready, then serves until SIGINT or
SIGTERM. Any Kafka client can use it, kcat included:
  smelt broker --bootstrap-file .smelt/broker &
  echo hello | kcat -P -b "$(cat .smelt/broker)" -t smelt.events
  kcat -C -b "$(cat .smelt/broker)" -t smelt.events -e
The mock cluster keeps only about 5 MiB or 100k message sets per partition and
nothing survives the process: consumers must keep up. Production runs Apache
Kafka (see docker/).

Fault injection, for drills and tests (--control PATH, one command a line):
  down [BROKER] / up [BROKER]     disconnect brokers (default all) and refuse connections / accept again
  rtt BROKER MS                   delay every response of a broker
  errors API COUNT ERROR          fail the next COUNT requests of API (Fetch, JoinGroup, Heartbeat,
                                  SyncGroup, OffsetFetch, FindCoordinator, Metadata, ...) with ERROR
  delay BROKER API COUNT MS       delay the next COUNT responses of API from BROKER
  smelt broker --control /tmp/faults &  echo "down" > /tmp/faults; sleep 30; echo "up" > /tmp/faults
Brokers are numbered from 1; see docs/reliability.md.)help");
  command->callback([options, &action] { action = [options] { run_broker(*options); }; });
}

}  // namespace smelt::cli
