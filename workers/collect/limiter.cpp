#include "collect/limiter.hpp"

#include <time.h>

#include <algorithm>
#include <cmath>

#include "common/signals.hpp"

namespace smelt::collect {
namespace {

constexpr double BACKOFF_MAX_S = 60;
constexpr double SLEEP_STEP_S = 0.05;

}  // namespace

Limiter::Limiter(double requests_per_minute, double backoff_s, unsigned seed)
    : spacing_(requests_per_minute > 0 ? std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(60.0 / requests_per_minute))
                                       : Clock::duration::zero()),
      next_allowed_(Clock::now()),
      backoff_s_(backoff_s),
      random_(seed) {}

double Limiter::wait_s() const {
  return std::max(0.0, std::chrono::duration<double>(next_allowed_ - Clock::now()).count());
}

void Limiter::sent() { next_allowed_ = std::max(next_allowed_, Clock::now() + spacing_); }

void Limiter::pause(double seconds) {
  const auto until =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  next_allowed_ = std::max(next_allowed_, until);
}

double Limiter::backoff_s(int attempt) {
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return std::min(BACKOFF_MAX_S, backoff_s_ * std::pow(2.0, attempt)) * jitter(random_);
}

bool sleep_unless_stopped(double seconds) {
  auto remaining = seconds;
  while (remaining > 0) {
    if (signals::stop_requested()) return false;
    const double step = std::min(remaining, SLEEP_STEP_S);
    timespec pause{static_cast<time_t>(step), static_cast<long>((step - std::floor(step)) * 1e9)};
    nanosleep(&pause, nullptr);
    remaining -= step;
  }
  return !signals::stop_requested();
}

}  // namespace smelt::collect
