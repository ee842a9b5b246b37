#include "refresh/listener.hpp"

#include <poll.h>

#include <cerrno>

#include "common/config.hpp"
#include "common/error.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {

namespace {

/// Connects with `conninfo` (key=value or URI), named like the scheduler
/// in pg_stat_activity unless the conninfo names it.
PGconn* open(const std::string& conninfo) {
  const char* const keys[] = {"dbname", "fallback_application_name", nullptr};
  const char* const values[] = {conninfo.c_str(), "smelt scheduler", nullptr};
  return PQconnectdbParams(keys, values, 1);
}

}  // namespace

Listener::Listener(const std::string& conninfo) : conn_(open(conninfo)) {
  if (PQstatus(conn_) != CONNECTION_OK) {
    fail("cannot connect to PostgreSQL (" + config::redact_conninfo(conninfo) + ")");
  }
  const std::string listen(sql::query("queries/refresh/listen"));
  PGresult* result = PQexec(conn_, listen.c_str());
  const bool subscribed = PQresultStatus(result) == PGRES_COMMAND_OK;
  PQclear(result);
  if (!subscribed) fail("cannot LISTEN smelt_ingest");
}

Listener::~Listener() { PQfinish(conn_); }

int Listener::wait(std::chrono::milliseconds timeout) {
  if (int buffered = drain(); buffered > 0) return buffered;
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  if (socket.fd < 0) fail("the notification connection has no socket");
  const int ready = poll(&socket, 1, static_cast<int>(timeout.count()));
  if (ready < 0 && errno != EINTR) fail("waiting for notifications failed");
  if (ready <= 0) return 0;
  if (PQconsumeInput(conn_) == 0) fail("lost the notification connection");
  return drain();
}

int Listener::drain() {
  int count = 0;
  while (PGnotify* notify = PQnotifies(conn_)) {
    ++count;
    PQfreemem(notify);
  }
  return count;
}

void Listener::fail(const std::string& what) {
  std::string message = PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw Error(ExitCode::database, what + (message.empty() ? "" : ": " + message));
}

}  // namespace smelt::refresh
