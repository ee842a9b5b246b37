#pragma once

#include <stdexcept>
#include <string>

namespace smelt {

/// Process exit codes. Scripts can rely on them.
enum class ExitCode : int {
  ok = 0,
  failure = 1,       ///< anything not listed below
  usage = 2,         ///< bad command line or configuration value
  database = 3,      ///< PostgreSQL unreachable or a statement failed
  kafka = 4,         ///< broker unreachable or a client error
  migration = 5,     ///< a migration failed or an applied one was edited
  data_loss = 6,     ///< the broker no longer holds an offset we must read
  interrupted = 130  ///< stopped by a signal before finishing
};

/// A failure that ends the command; main() logs it once and exits with code().
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The exit code the process ends with.
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

}  // namespace smelt
