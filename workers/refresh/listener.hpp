#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <string>

// Waking up when ingest commits: LISTEN smelt_ingest on a connection of its own.
namespace smelt::refresh {

/// A dedicated connection that LISTENs on channel smelt_ingest
/// (smelt.begin_ingest_batch notifies it when an ingest batch commits).
class Listener {
 public:
  /// Connects and subscribes. Throws smelt::Error (ExitCode::database).
  explicit Listener(const std::string& conninfo);
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  /// Waits until notifications arrive, `timeout` passes or a signal
  /// interrupts the wait; returns how many notifications were consumed (a
  /// burst counts in full). Throws smelt::Error (ExitCode::database) when the
  /// connection is lost.
  int wait(std::chrono::milliseconds timeout);
  /// True while the connection is usable.
  bool ok() const noexcept { return PQstatus(conn_) == CONNECTION_OK; }

 private:
  int drain();
  [[noreturn]] void fail(const std::string& what);

  PGconn* conn_ = nullptr;
};

}  // namespace smelt::refresh
