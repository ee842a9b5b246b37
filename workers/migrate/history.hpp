#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <vector>

#include "migrate/plan.hpp"
#include "migrate/source.hpp"

namespace smelt::migrate {

/// Creates schema smelt and smelt.schema_history when they do not exist yet.
/// Call it only while holding the migration lock.
void ensure_history(pqxx::connection& connection);

/// Every row of smelt.schema_history, oldest first; none when the table does
/// not exist (reading never creates it).
std::vector<HistoryRow> read_history(pqxx::connection& connection);

/// Inserts the history row of a script applied in transaction tx.
void record_applied(pqxx::transaction_base& tx, const Script& script, std::int64_t execution_ms);

/// Runs RESET ALL, so settings one script changed do not leak into the next.
void reset_session(pqxx::connection& connection);

/// The session-level advisory lock that serializes smelt migrate runs on one
/// database. Waits (saying so once in the log) while another run holds it,
/// giving up with ExitCode::interrupted on SIGINT or SIGTERM; released on
/// destruction or when the connection closes.
class MigrationLock {
 public:
  /// Takes the lock on connection, waiting for it when needed.
  explicit MigrationLock(pqxx::connection& connection);
  /// Releases the lock (a lost connection has released it already).
  ~MigrationLock();
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

  /// The advisory lock key: the bytes of "smelt" read as a number.
  static constexpr std::int64_t KEY = 0x736d656c74;

 private:
  pqxx::connection& connection_;
};

}  // namespace smelt::migrate
