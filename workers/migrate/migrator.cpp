#include "migrate/migrator.hpp"

#include <chrono>
#include <memory>
#include <pqxx/pqxx>

#include "common/config.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "migrate/apply.hpp"
#include "migrate/history.hpp"

namespace smelt::migrate {
namespace {

using Clock = std::chrono::steady_clock;

/// An exception's text without the trailing newline libpq leaves on it.
std::string message_of(const std::exception& e) {
  std::string text = e.what();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

double seconds_since(Clock::time_point started) {
  return std::chrono::duration<double>(Clock::now() - started).count();
}

std::string database_label(const std::string& conninfo) {
  return conninfo.empty() ? std::string("(libpq defaults)") : config::redact_conninfo(conninfo);
}

std::unique_ptr<pqxx::connection> connect(const std::string& conninfo) {
  try {
    return std::make_unique<pqxx::connection>(conninfo);
  } catch (const pqxx::broken_connection& e) {
    throw Error(ExitCode::database,
                "cannot connect to PostgreSQL " + database_label(conninfo) + ": " + message_of(e));
  }
}

/// Runs body, turning PostgreSQL failures outside the scripts (the history
/// table, the lock, a lost connection) into ExitCode::database.
template <typename Body>
auto with_database_errors(Body body) {
  try {
    return body();
  } catch (const Error&) {
    throw;
  } catch (const pqxx::broken_connection& e) {
    throw Error(ExitCode::database, std::string("lost the connection to PostgreSQL: ") + message_of(e));
  } catch (const pqxx::failure& e) {
    throw Error(ExitCode::database, "PostgreSQL: " + message_of(e));
  }
}

void throw_if_invalid(const std::vector<Entry>& entries, std::string_view consequence) {
  const auto problems = validation_problems(entries);
  if (problems.empty()) return;
  throw Error(ExitCode::migration, validation_message(problems) + std::string(consequence));
}

void stop_if_requested(std::size_t applied, const Script& next) {
  if (!signals::stop_requested()) return;
  throw Error(ExitCode::interrupted, "stopped before " + next.path + " after applying " +
                                         std::to_string(applied) +
                                         " script(s); run smelt migrate up again to continue");
}

void log_applied(const std::string& run_id, const Script& script, std::int64_t execution_ms) {
  log::info("applied " + script.path, {{"run_id", run_id},
                                       {"script", script.path},
                                       {"kind", kind_name(script.kind)},
                                       {"duration_s", static_cast<double>(execution_ms) / 1000.0}});
}

void log_start(const std::string& run_id, const Options& options, bool dry_run) {
  log::info("migrate up", {{"run_id", run_id},
                           {"database", database_label(options.conninfo)},
                           {"source", options.dir.empty() ? std::string("embedded") : options.dir},
                           {"dry_run", dry_run}});
}

void log_finish(const UpResult& result, bool dry_run) {
  log::info(
      dry_run ? "migrate up dry run finished" : "migrate up finished",
      {{"run_id", result.run_id}, {"records", result.scripts.size()}, {"duration_s", result.duration_s}});
}

/// Validates against the history and returns the scripts up should run.
std::vector<const Script*> due_scripts(pqxx::connection& connection, const std::vector<Script>& scripts,
                                       std::optional<std::int64_t> target) {
  const auto entries = build_entries(scripts, read_history(connection));
  throw_if_invalid(entries, " (nothing was applied)");
  return scripts_to_apply(entries, target);
}

void apply_all(pqxx::connection& connection, const std::vector<const Script*>& due, UpResult& result) {
  for (const auto* script : due) {
    stop_if_requested(result.scripts.size(), *script);
    log_applied(result.run_id, *script, apply_script(connection, *script));
    result.scripts.push_back(script->path);
  }
}

}  // namespace

std::string validation_message(const std::vector<std::string>& problems) {
  std::string message;
  for (const auto& problem : problems) message += (message.empty() ? "" : "; ") + problem;
  return message;
}

Migrator::Migrator(Options options) : options_(std::move(options)), scripts_(load_scripts(options_.dir)) {}

std::vector<Entry> Migrator::status() {
  return with_database_errors([&] {
    auto connection = connect(options_.conninfo);
    return build_entries(scripts_, read_history(*connection));
  });
}

std::vector<Entry> Migrator::validate() {
  return with_database_errors([&] {
    auto connection = connect(options_.conninfo);
    MigrationLock lock(*connection);
    auto entries = build_entries(scripts_, read_history(*connection));
    throw_if_invalid(entries, "");
    return entries;
  });
}

UpResult Migrator::up(const UpOptions& options) {
  return with_database_errors([&] {
    const auto started = Clock::now();
    UpResult result{log::new_run_id(), {}, 0};
    log_start(result.run_id, options_, options.dry_run);
    auto connection = connect(options_.conninfo);
    if (options.dry_run) {
      for (const auto* script : due_scripts(*connection, scripts_, options.target)) {
        result.scripts.push_back(script->path);
      }
    } else {
      MigrationLock lock(*connection);
      ensure_history(*connection);
      apply_all(*connection, due_scripts(*connection, scripts_, options.target), result);
    }
    result.duration_s = seconds_since(started);
    log_finish(result, options.dry_run);
    return result;
  });
}

}  // namespace smelt::migrate
