#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pg/session.hpp"

// Connections of the refresh commands and the statements whose failure is
// the user's to fix rather than the database's.
namespace smelt::refresh {

/// Opens a session that shows up as `application` in pg_stat_activity and
/// reads and writes times in UTC. Throws smelt::Error (ExitCode::database).
std::unique_ptr<pg::Session> connect(const std::string& conninfo, std::string_view application);

/// `value` as PostgreSQL reads a timestamptz (RFC 3339, "2026-11-22 10:00",
/// "now", ...), returned in UTC text. Throws smelt::Error with
/// ExitCode::usage, naming `option`, when it cannot be read.
std::string read_timestamp(pg::Session& session, const std::string& value, std::string_view option);

/// Runs a statement that raises on bad input (an unknown campaign, a name
/// taken): a failure on a healthy connection becomes smelt::Error with
/// ExitCode::failure and the server's own message; a lost connection stays
/// ExitCode::database.
pg::ResultPtr exec_checked(pg::Session& session, std::string_view sql, const std::vector<pg::Param>& params);

/// The server's message inside a pg::Session error ("statement failed:
/// ERROR:  x" becomes "x"), for messages meant for people.
std::string server_message(std::string_view error_text);

}  // namespace smelt::refresh
