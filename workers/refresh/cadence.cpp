#include "refresh/cadence.hpp"

#include <algorithm>

namespace smelt::refresh {

RefreshCadence::RefreshCadence(Clock::duration interval, Clock::duration min_gap, Clock::time_point now,
                               double share)
    : interval_(interval),
      min_gap_(min_gap),
      rest_per_busy_(share > 0 && share < 1 ? 1 / share - 1 : 0),
      last_start_(now - std::max(interval, min_gap)),
      rested_(now) {}

bool RefreshCadence::due(Clock::time_point now) const noexcept {
  return until_due(now) == Clock::duration::zero();
}

void RefreshCadence::started(Clock::time_point now) noexcept {
  last_start_ = now;
  notified_ = false;
}

void RefreshCadence::finished(Clock::time_point now) noexcept {
  const auto busy = std::max(Clock::duration::zero(), now - last_start_);
  rested_ = now + std::chrono::duration_cast<Clock::duration>(busy * rest_per_busy_);
}

Clock::duration RefreshCadence::until_due(Clock::time_point now) const noexcept {
  const auto next = std::max(last_start_ + (notified_ ? std::min(min_gap_, interval_) : interval_), rested_);
  return std::max(Clock::duration::zero(), next - now);
}

Clock::duration Periodic::until_due(Clock::time_point now) const noexcept {
  if (!enabled()) return Clock::duration::max();
  return std::max(Clock::duration::zero(), next_ - now);
}

}  // namespace smelt::refresh
