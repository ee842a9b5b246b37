#include "migrate/apply.hpp"

#include <chrono>
#include <string>

#include "common/error.hpp"
#include "migrate/failure.hpp"
#include "migrate/history.hpp"
#include "migrate/splitter.hpp"

namespace smelt::migrate {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t elapsed_ms(Clock::time_point started) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
}

/// "path:line: " of a statement.
std::string at_line(const Script& script, const Statement& statement) {
  return script.path + ":" + std::to_string(statement.line) + ": ";
}

Error statement_failure(const Script& script, const Statement& statement, const pqxx::sql_error& e) {
  const auto* syntax = dynamic_cast<const pqxx::syntax_error*>(&e);
  const int position = syntax != nullptr ? syntax->error_position : -1;
  const int line = error_line(script.text, statement, position, e.what());
  return Error(ExitCode::migration, describe_failure(script.path, line, e.what()));
}

void run_statement(pqxx::transaction_base& tx, const Script& script, const Statement& statement) {
  try {
    tx.exec(std::string(statement.text));
  } catch (const pqxx::sql_error& e) {
    throw statement_failure(script, statement, e);
  }
}

/// Records the script and commits; a failing commit (a deferred constraint,
/// say) is the script's failure too.
void record_and_commit(pqxx::work& tx, const Script& script, std::int64_t execution_ms) {
  record_applied(tx, script, execution_ms);
  try {
    tx.commit();
  } catch (const pqxx::sql_error& e) {
    throw Error(ExitCode::migration, script.path + ": at commit: " + server_message(e.what()));
  }
}

std::int64_t apply_in_transaction(pqxx::connection& connection, const Script& script,
                                  const std::vector<Statement>& statements) {
  const auto started = Clock::now();
  pqxx::work tx(connection, "migrate");
  for (const auto& statement : statements) run_statement(tx, script, statement);
  const auto execution_ms = elapsed_ms(started);
  record_and_commit(tx, script, execution_ms);
  return execution_ms;
}

std::int64_t apply_outside_transaction(pqxx::connection& connection, const Script& script,
                                       const Statement& statement) {
  const auto started = Clock::now();
  {
    pqxx::nontransaction tx(connection, "migrate");
    run_statement(tx, script, statement);
  }
  const auto execution_ms = elapsed_ms(started);
  pqxx::work tx(connection, "migrate");
  record_and_commit(tx, script, execution_ms);
  return execution_ms;
}

}  // namespace

void check_runnable(const Script& script, const std::vector<Statement>& statements, bool no_transaction) {
  for (const auto& statement : statements) {
    if (auto command = transaction_control(statement.text)) {
      throw Error(ExitCode::migration, at_line(script, statement) + "'" + *command +
                                           "' is not allowed: smelt runs each script in its own transaction");
    }
    if (auto reason = needs_no_transaction(statement.text); reason && !no_transaction) {
      throw Error(ExitCode::migration,
                  at_line(script, statement) + *reason +
                      " cannot run inside a transaction; put it alone in a script marked "
                      "-- smelt:no-transaction");
    }
  }
  if (no_transaction && statements.size() != 1) {
    throw Error(ExitCode::migration, script.path +
                                         ": a script marked -- smelt:no-transaction must hold exactly " +
                                         "one statement; it has " + std::to_string(statements.size()));
  }
}

std::int64_t apply_script(pqxx::connection& connection, const Script& script) {
  const auto statements = split_statements(script.text);
  const bool no_transaction = has_no_transaction_marker(script.text);
  check_runnable(script, statements, no_transaction);
  const auto execution_ms = no_transaction ? apply_outside_transaction(connection, script, statements.front())
                                           : apply_in_transaction(connection, script, statements);
  reset_session(connection);
  return execution_ms;
}

}  // namespace smelt::migrate
