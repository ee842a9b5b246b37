#include "refresh/cadence.hpp"

#include <algorithm>

namespace smelt::refresh {

RefreshCadence::RefreshCadence(Clock::duration interval, Clock::duration min_gap, Clock::time_point now)
    : interval_(interval), min_gap_(min_gap), last_start_(now - std::max(interval, min_gap)) {}

bool RefreshCadence::due(Clock::time_point now) const noexcept {
  const auto since = now - last_start_;
  return (notified_ && since >= min_gap_) || since >= interval_;
}

void RefreshCadence::started(Clock::time_point now) noexcept {
  last_start_ = now;
  notified_ = false;
}

Clock::duration RefreshCadence::until_due(Clock::time_point now) const noexcept {
  const auto next = last_start_ + (notified_ ? std::min(min_gap_, interval_) : interval_);
  return std::max(Clock::duration::zero(), next - now);
}

Clock::duration Periodic::until_due(Clock::time_point now) const noexcept {
  if (!enabled()) return Clock::duration::max();
  return std::max(Clock::duration::zero(), next_ - now);
}

}  // namespace smelt::refresh
