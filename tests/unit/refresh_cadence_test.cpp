// When the scheduler refreshes: notifications coalesce under the minimum
// gap, the timer fires without them, periodic jobs keep their period.
#include <gtest/gtest.h>

#include "refresh/cadence.hpp"

namespace smelt::refresh {
namespace {

using namespace std::chrono_literals;

const Clock::time_point T0 = Clock::time_point{} + 1000h;

TEST(RefreshCadence, DueAtStart) {
  RefreshCadence cadence(5s, 500ms, T0);
  EXPECT_TRUE(cadence.due(T0));
  EXPECT_EQ(cadence.until_due(T0), Clock::duration::zero());
}

TEST(RefreshCadence, NotificationsWaitForTheMinimumGapAndCoalesce) {
  RefreshCadence cadence(5s, 500ms, T0);
  cadence.started(T0);
  EXPECT_FALSE(cadence.due(T0 + 100ms));
  cadence.notified();
  cadence.notified();
  cadence.notified();
  EXPECT_FALSE(cadence.due(T0 + 499ms));
  EXPECT_EQ(cadence.until_due(T0 + 200ms), 300ms);
  EXPECT_TRUE(cadence.due(T0 + 500ms));
  cadence.started(T0 + 500ms);
  EXPECT_FALSE(cadence.due(T0 + 1500ms)) << "one refresh covered the whole burst";
}

TEST(RefreshCadence, TheTimerFiresWithoutNotifications) {
  RefreshCadence cadence(5s, 500ms, T0);
  cadence.started(T0);
  EXPECT_FALSE(cadence.due(T0 + 4999ms));
  EXPECT_EQ(cadence.until_due(T0 + 1s), 4s);
  EXPECT_TRUE(cadence.due(T0 + 5s));
}

TEST(RefreshCadence, ANotificationDuringARefreshLeadsToAnotherOne) {
  RefreshCadence cadence(5s, 500ms, T0);
  cadence.started(T0);
  cadence.notified();  // arrived while the refresh ran
  EXPECT_TRUE(cadence.due(T0 + 600ms));
}

TEST(RefreshCadence, AGapLongerThanTheIntervalIsCappedByTheInterval) {
  RefreshCadence cadence(1s, 3s, T0);
  cadence.started(T0);
  cadence.notified();
  EXPECT_EQ(cadence.until_due(T0), 1s);
  EXPECT_TRUE(cadence.due(T0 + 1s));
}

TEST(RefreshPeriodic, RunsFirstAtItsStartThenEveryPeriod) {
  Periodic job(1h, T0);
  EXPECT_TRUE(job.due(T0));
  job.ran(T0 + 2s);
  EXPECT_FALSE(job.due(T0 + 1h));
  EXPECT_EQ(job.until_due(T0 + 2s + 30min), 30min);
  EXPECT_TRUE(job.due(T0 + 2s + 1h));
}

TEST(RefreshPeriodic, AZeroPeriodIsOff) {
  Periodic job(Clock::duration::zero(), T0);
  EXPECT_FALSE(job.enabled());
  EXPECT_FALSE(job.due(T0 + 1000h));
  EXPECT_EQ(job.until_due(T0), Clock::duration::max());
}

}  // namespace
}  // namespace smelt::refresh
