#pragma once

#include <sys/types.h>

#include <time.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace smelt::testing {

/// A child process (usually the smelt binary) with stdout and stderr
/// captured to files, killed on destruction if still running.
class Process {
 public:
  /// Starts argv[0] with argv; extra environment variables are added to ours.
  Process(std::vector<std::string> argv, std::map<std::string, std::string> env = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  /// Sends a signal (SIGTERM, SIGKILL, ...).
  void signal(int signo);
  /// Waits up to timeout for the exit; returns the exit code (128+signal when
  /// killed) or nullopt on timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  /// True while the child runs.
  bool running();
  /// What it printed so far.
  std::string out() const;
  std::string err() const;
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  std::string out_path_;
  std::string err_path_;
};

/// Runs a command to completion (timeout 5 minutes); returns exit code and output.
struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};
RunResult run_command(std::vector<std::string> argv, std::map<std::string, std::string> env = {});

/// `smelt broker` in a child process; bootstrap() is its address.
class BrokerProcess {
 public:
  explicit BrokerProcess(int partitions, const std::string& topic = "smelt.events");
  const std::string& bootstrap() const { return bootstrap_; }
  Process& process() { return *process_; }

 private:
  std::unique_ptr<Process> process_;
  std::string bootstrap_;
};

/// Polls `condition` every 100 ms until it is true or timeout passes.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    struct timespec pause {0, 100'000'000};
    nanosleep(&pause, nullptr);
  }
  return condition();
}

}  // namespace smelt::testing
