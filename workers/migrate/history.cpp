#include "migrate/history.hpp"

#include <chrono>
#include <string>
#include <thread>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "sql/embedded.hpp"

namespace smelt::migrate {
namespace {

/// How often a waiting run retries the lock (and notices SIGINT or SIGTERM).
constexpr int LOCK_POLL_INTERVAL_MS = 100;

/// The text of sql/queries/migrate/<name>.sql.
std::string migrate_query(std::string_view name) {
  return std::string(sql::query("queries/migrate/" + std::string(name)));
}

Kind kind_from(std::string_view name) { return name == "repeatable" ? Kind::repeatable : Kind::versioned; }

HistoryRow history_row(const pqxx::row& row) {
  HistoryRow out;
  out.installed_rank = row["installed_rank"].as<std::int64_t>();
  if (!row["version"].is_null()) out.version = row["version"].as<std::int64_t>();
  out.description = row["description"].c_str();
  out.script = row["script"].c_str();
  out.kind = kind_from(row["kind"].c_str());
  out.checksum = row["checksum"].c_str();
  out.installed_by = row["installed_by"].c_str();
  out.installed_at = row["installed_at"].c_str();
  out.execution_ms = row["execution_ms"].as<std::int64_t>();
  out.success = row["success"].as<bool>();
  return out;
}

}  // namespace

void ensure_history(pqxx::connection& connection) {
  pqxx::nontransaction tx(connection);
  tx.exec0(migrate_query("create_schema"));
  tx.exec0(migrate_query("create_history"));
  tx.exec0(migrate_query("create_history_version_index"));
}

std::vector<HistoryRow> read_history(pqxx::connection& connection) {
  pqxx::nontransaction tx(connection);
  if (!tx.exec1(migrate_query("history_exists"))[0].as<bool>()) return {};
  std::vector<HistoryRow> rows;
  for (const auto& row : tx.exec(migrate_query("select_history"))) rows.push_back(history_row(row));
  return rows;
}

void record_applied(pqxx::transaction_base& tx, const Script& script, std::int64_t execution_ms) {
  const auto query = migrate_query("insert_history");
  const std::string kind(kind_name(script.kind));
  if (script.version) {
    tx.exec_params0(query, *script.version, script.description, script.path, kind, script.checksum,
                    execution_ms);
  } else {
    tx.exec_params0(query, nullptr, script.description, script.path, kind, script.checksum, execution_ms);
  }
}

void reset_session(pqxx::connection& connection) {
  pqxx::nontransaction tx(connection);
  tx.exec0(migrate_query("reset_session"));
}

MigrationLock::MigrationLock(pqxx::connection& connection) : connection_(connection) {
  const auto query = migrate_query("try_lock");
  pqxx::nontransaction tx(connection_);
  for (bool waiting = false;; waiting = true) {
    if (tx.exec_params1(query, KEY)[0].as<bool>()) return;
    if (!waiting) log::info("waiting for another smelt migrate run on this database to finish");
    if (signals::stop_requested())
      throw Error(ExitCode::interrupted, "stopped while waiting for the migration lock");
    std::this_thread::sleep_for(std::chrono::milliseconds(LOCK_POLL_INTERVAL_MS));
  }
}

MigrationLock::~MigrationLock() {
  try {
    pqxx::nontransaction tx(connection_);
    tx.exec_params1(migrate_query("unlock"), KEY);
  } catch (const std::exception&) {
    // The connection is gone, and the server released the lock with it.
  }
}

}  // namespace smelt::migrate
