#pragma once

#include <chrono>

// When the scheduler works: pure timing decisions, testable without a clock.
namespace smelt::refresh {

/// The steady clock the scheduler measures with.
using Clock = std::chrono::steady_clock;

/// When to refresh: soon after ingest notifications, but never more often
/// than every `min_gap` (a burst of notifications coalesces into one
/// refresh), and at least every `interval` without any. Due at once after
/// construction.
class RefreshCadence {
 public:
  /// A cadence starting at `now`.
  RefreshCadence(Clock::duration interval, Clock::duration min_gap, Clock::time_point now);

  /// Notes that new ingest batches were announced.
  void notified() noexcept { notified_ = true; }
  /// True when a refresh should start at `now`.
  bool due(Clock::time_point now) const noexcept;
  /// Notes that a refresh started at `now`; announcements so far are covered.
  void started(Clock::time_point now) noexcept;
  /// How long from `now` until due (zero when due).
  Clock::duration until_due(Clock::time_point now) const noexcept;

 private:
  Clock::duration interval_;
  Clock::duration min_gap_;
  Clock::time_point last_start_;
  bool notified_ = true;
};

/// A job that runs every `period` (retention, partition maintenance), first
/// at `first`. A zero period disables it.
class Periodic {
 public:
  /// A job first due at `first`.
  Periodic(Clock::duration period, Clock::time_point first) : period_(period), next_(first) {}

  /// True when the job should run at `now`.
  bool due(Clock::time_point now) const noexcept { return enabled() && now >= next_; }
  /// Notes that the job ran at `now`; it is due again one period later.
  void ran(Clock::time_point now) noexcept { next_ = now + period_; }
  /// How long from `now` until due (Clock::duration::max() when disabled).
  Clock::duration until_due(Clock::time_point now) const noexcept;
  /// False when the period is zero.
  bool enabled() const noexcept { return period_ > Clock::duration::zero(); }

 private:
  Clock::duration period_;
  Clock::time_point next_;
};

}  // namespace smelt::refresh
