#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <vector>

#include "migrate/source.hpp"
#include "migrate/splitter.hpp"

namespace smelt::migrate {

/// Checks that a script can run the way smelt runs it: statements that cannot
/// run in a transaction block need the `-- smelt:no-transaction` marker, and a
/// marked script must hold exactly one statement. Throws smelt::Error
/// (migration) naming file and line.
void check_runnable(const Script& script, const std::vector<Statement>& statements, bool no_transaction);

/// Applies one script on connection and returns how long it took in
/// milliseconds. Its statements run one by one in one transaction together
/// with its history row, so a failure leaves nothing behind; a script marked
/// `-- smelt:no-transaction` runs its single statement on its own first.
/// Throws smelt::Error (migration) naming file and line when a statement fails.
std::int64_t apply_script(pqxx::connection& connection, const Script& script);

}  // namespace smelt::migrate
