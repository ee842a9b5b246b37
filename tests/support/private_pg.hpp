#pragma once

#include <string>

namespace smelt::testing {

/// A PostgreSQL server of its own (scripts/pg.sh in a fresh directory), for
/// tests that stop, restart or starve the server: the shared test server
/// must never be touched that way. Wiped on destruction.
class PrivatePostgres {
 public:
  PrivatePostgres();
  ~PrivatePostgres();
  PrivatePostgres(const PrivatePostgres&) = delete;
  PrivatePostgres& operator=(const PrivatePostgres&) = delete;

  /// conninfo of its database `smelt`.
  const std::string& conninfo() const { return conninfo_; }
  /// The directory holding the cluster (data/, the socket, server.log).
  const std::string& dir() const { return dir_; }
  /// Stops the server: mode is fast, smart or immediate.
  void stop(const std::string& mode);
  /// Starts it again; returns once it accepts connections.
  void start();

 private:
  std::string dir_;
  std::string conninfo_;
};

}  // namespace smelt::testing
