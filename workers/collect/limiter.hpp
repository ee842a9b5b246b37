#pragma once

#include <chrono>
#include <random>

// Pacing of one platform's calls: a minimum spacing from the configured
// requests per minute, pauses the API asked for, and retry delays with jitter.
namespace smelt::collect {

class Limiter {
 public:
  /// `requests_per_minute` <= 0 means no spacing.
  Limiter(double requests_per_minute, double backoff_s, unsigned seed);

  /// Seconds until the next call may go (0 = now).
  double wait_s() const;
  /// Marks a call as sent now.
  void sent();
  /// No call before `seconds` from now.
  void pause(double seconds);
  /// The delay before retry number `attempt` (0-based): backoff x 2^attempt,
  /// at most 60 s, times a random factor in [0.5, 1).
  double backoff_s(int attempt);

 private:
  using Clock = std::chrono::steady_clock;
  Clock::duration spacing_;
  Clock::time_point next_allowed_;
  double backoff_s_;
  std::mt19937 random_;
};

/// Sleeps up to `seconds` in short steps; false when a stop was requested meanwhile.
bool sleep_unless_stopped(double seconds);

}  // namespace smelt::collect
