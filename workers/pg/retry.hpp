#pragma once

#include <chrono>
#include <functional>
#include <string_view>

// The one reconnect policy of every long-running command (--db-retry).
namespace smelt::pg {

/// The wait before attempt `attempt` (1, 2, ...) to reach PostgreSQL again:
/// 200 ms more per attempt, at most 5 s.
std::chrono::milliseconds retry_delay(int attempt);

/// True once a PostgreSQL outage that began `down_s` seconds ago outlasted
/// --db-retry `limit_s` (0: never).
bool retry_expired(double limit_s, double down_s);

/// Runs `attempt` until it returns without throwing smelt::Error with
/// ExitCode::database, waiting retry_delay() between attempts; `what` names
/// the step in the log ("connecting"). Logs once that it waits and once that
/// it got through. Rethrows the last error after limit_s seconds (0: never
/// gives up); throws ExitCode::interrupted on SIGINT/SIGTERM.
void keep_trying(double limit_s, std::string_view what, const std::function<void()>& attempt);

}  // namespace smelt::pg
