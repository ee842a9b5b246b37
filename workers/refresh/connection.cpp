#include "refresh/connection.hpp"

#include "common/error.hpp"
#include "refresh/pg_values.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {

std::unique_ptr<pg::Session> connect(const std::string& conninfo, std::string_view application) {
  auto session = std::make_unique<pg::Session>(conninfo);
  session->exec(sql::query("queries/refresh/session_setup"), {std::string(application)});
  return session;
}

std::string read_timestamp(pg::Session& session, const std::string& value, std::string_view option) {
  try {
    auto result = session.exec(sql::query("queries/refresh/read_timestamp"), {value});
    return std::string(text_at(result.get(), 0, 0));
  } catch (const Error& e) {
    if (!session.ok()) throw;
    throw Error(ExitCode::usage,
                std::string(option) + ": cannot read '" + value +
                    "' as a time (for example 2026-11-22T10:00:00Z): " + server_message(e.what()));
  }
}

pg::ResultPtr exec_checked(pg::Session& session, std::string_view sql, const std::vector<pg::Param>& params) {
  try {
    return session.exec(sql, params);
  } catch (const Error& e) {
    if (!session.ok()) throw;
    throw Error(ExitCode::failure, server_message(e.what()));
  }
}

std::string server_message(std::string_view error_text) {
  for (std::string_view marker : {"ERROR:  ", "FATAL:  "}) {
    if (auto at = error_text.find(marker); at != std::string_view::npos)
      error_text.remove_prefix(at + marker.size());
  }
  if (auto end = error_text.find('\n'); end != std::string_view::npos) error_text = error_text.substr(0, end);
  return std::string(error_text);
}

}  // namespace smelt::refresh
