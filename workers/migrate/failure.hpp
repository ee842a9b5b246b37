#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migrate/splitter.hpp"

namespace smelt::migrate {

/// The "LINE n:" that libpq adds to an error message when the server reported
/// a position in the statement; nothing when there is none.
std::optional<int> line_from_message(std::string_view message);

/// The 1-based script line an error points at. position is the server's
/// 1-based character position in the statement (0 or less when unknown); the
/// "LINE n:" of the message is the fallback, then the statement's first line.
int error_line(std::string_view script, const Statement& statement, int position, std::string_view message);

/// A libpq error message made one line: the primary text without its
/// severity, followed by any DETAIL, HINT and CONTEXT.
std::string server_message(std::string_view message);

/// "migrations/V0007__x.sql:12: <server message>".
std::string describe_failure(std::string_view path, int line, std::string_view message);

}  // namespace smelt::migrate
