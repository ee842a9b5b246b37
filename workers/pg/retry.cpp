#include "pg/retry.hpp"

#include <time.h>

#include <algorithm>
#include <string>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"

namespace smelt::pg {
namespace {

constexpr std::chrono::milliseconds RETRY_STEP_MS{200};
constexpr std::chrono::milliseconds RETRY_MAX_MS{5000};
constexpr auto STILL_WAITING_INTERVAL = std::chrono::seconds(30);

using Clock = std::chrono::steady_clock;

/// Sleeps in short slices so that a stop request ends the pause.
void pause(std::chrono::milliseconds duration) {
  const auto until = Clock::now() + duration;
  while (Clock::now() < until && !signals::stop_requested()) {
    struct timespec slice {
      0, 50'000'000
    };
    nanosleep(&slice, nullptr);
  }
}

}  // namespace

std::chrono::milliseconds retry_delay(int attempt) {
  return std::min(RETRY_STEP_MS * std::max(attempt, 1), RETRY_MAX_MS);
}

bool retry_expired(double limit_s, double down_s) { return limit_s > 0 && down_s > limit_s; }

void keep_trying(double limit_s, std::string_view what, const std::function<void()>& attempt) {
  const auto started = Clock::now();
  auto last_warning = started;
  for (int number = 1;; ++number) {
    try {
      attempt();
      if (number > 1) {
        log::info("reached PostgreSQL", {{"step", std::string(what)},
                                          {"attempts", number},
                                          {"waited_s", std::chrono::duration<double>(Clock::now() - started).count()}});
      }
      return;
    } catch (const Error& e) {
      if (e.code() != ExitCode::database) throw;
      const double waited_s = std::chrono::duration<double>(Clock::now() - started).count();
      if (retry_expired(limit_s, waited_s)) throw;
      if (number == 1 || Clock::now() - last_warning >= STILL_WAITING_INTERVAL) {
        log::warn("cannot reach PostgreSQL; retrying",
                  {{"step", std::string(what)}, {"waited_s", waited_s}, {"db_retry_s", limit_s}, {"detail", e.what()}});
        last_warning = Clock::now();
      }
      pause(retry_delay(number));
      if (signals::stop_requested()) throw Error(ExitCode::interrupted, "stopped while waiting for PostgreSQL");
    }
  }
}

}  // namespace smelt::pg
