#include "pg/session.hpp"

#include "common/config.hpp"
#include "common/error.hpp"
#include "common/log.hpp"

namespace smelt::pg {
namespace {

[[noreturn]] void fail(PGconn* conn, const std::string& what) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw Error(ExitCode::database, what + ": " + message);
}

// Server notices (RAISE WARNING/NOTICE) go to smelt's log, not raw to stderr.
void log_notice(void*, const PGresult* result) {
  const char* severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
  const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const std::string text = message != nullptr ? message : "";
  if (severity != nullptr && std::string_view(severity) == "WARNING") {
    log::warn("postgresql", {{"detail", text}});
  } else {
    log::debug("postgresql", {{"detail", text}});
  }
}

bool succeeded(const PGresult* result) {
  auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN;
}

}  // namespace

Session::Session(const std::string& conninfo) {
  conn_ = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> failed(conn_, &PQfinish);  // the destructor won't run
    fail(conn_, "cannot connect to PostgreSQL (" + config::redact_conninfo(conninfo) + ")");
  }
  PQsetNoticeReceiver(conn_, log_notice, nullptr);
}

Session::~Session() { PQfinish(conn_); }

void Session::remember_sqlstate(const PGresult* result) {
  const char* code = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = code != nullptr ? code : "";
}

ResultPtr Session::exec(std::string_view sql, const std::vector<Param>& params) {
  last_sqlstate_.clear();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  std::string text(sql);
  ResultPtr result(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                                values.data(), nullptr, nullptr, 0));
  if (!result || !succeeded(result.get())) {
    remember_sqlstate(result.get());
    fail(conn_, "statement failed");
  }
  return result;
}

long Session::copy_in(std::string_view copy_sql, std::string_view data) {
  copy_begin(copy_sql);
  constexpr size_t CHUNK_BYTES = 1 << 20;
  for (size_t offset = 0; offset < data.size(); offset += CHUNK_BYTES) {
    copy_data(data.substr(offset, std::min(CHUNK_BYTES, data.size() - offset)));
  }
  return copy_end();
}

void Session::copy_begin(std::string_view copy_sql) {
  exec(copy_sql);  // clears last_sqlstate_
}

void Session::copy_data(std::string_view data) {
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) fail(conn_, "COPY failed");
}

long Session::copy_end() {
  if (PQputCopyEnd(conn_, nullptr) != 1) fail(conn_, "COPY failed");
  ResultPtr result(PQgetResult(conn_));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    remember_sqlstate(result.get());
    fail(conn_, "COPY failed");
  }
  long rows = std::stol(PQcmdTuples(result.get()));
  while (ResultPtr extra{PQgetResult(conn_)}) {
  }
  return rows;
}

void Session::begin() {
  rollback();
  exec("begin");
}

void Session::rollback() noexcept {
  constexpr int ATTEMPTS = 5;
  for (int attempt = 0; attempt < ATTEMPTS; ++attempt) {
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE || PQstatus(conn_) != CONNECTION_OK) return;
    ResultPtr result(PQexec(conn_, "rollback"));
  }
}

bool is_transient_sqlstate(std::string_view sqlstate) noexcept {
  if (sqlstate.size() != 5) return false;
  const auto klass = sqlstate.substr(0, 2);
  return klass == "08" || klass == "53" || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
         sqlstate == "57014" || sqlstate == "40001" || sqlstate == "40P01";
}

std::optional<std::string> first_value(const PGresult* result) {
  if (PQntuples(result) == 0 || PQgetisnull(result, 0, 0)) return std::nullopt;
  return std::string(PQgetvalue(result, 0, 0), static_cast<size_t>(PQgetlength(result, 0, 0)));
}

}  // namespace smelt::pg
