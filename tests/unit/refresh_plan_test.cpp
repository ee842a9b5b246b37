// Backfill planning and progress arithmetic: chunks cover the range without
// gaps, are cut at minute starts and stay under the event budget.
#include <gtest/gtest.h>

#include "refresh/backfill.hpp"
#include "refresh/progress.hpp"

namespace smelt::refresh {
namespace {

const std::string FROM = "2026-11-22 09:00:00+00";
const std::string TO = "2026-11-22 12:00:00+00";

std::string minute(int m) {
  return "2026-11-22 10:" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ":00+00";
}

TEST(RefreshPlan, NoEventsNoChunks) { EXPECT_TRUE(plan_chunks(FROM, TO, {}, 100).empty()); }

TEST(RefreshPlan, EverythingFitsInOneChunkCoveringTheWholeRange) {
  auto chunks = plan_chunks(FROM, TO, {{minute(1), 10}, {minute(5), 20}}, 100);
  ASSERT_EQ(chunks.size(), 1U);
  EXPECT_EQ(chunks[0].from, FROM);
  EXPECT_EQ(chunks[0].to, TO);
  EXPECT_EQ(chunks[0].events, 30);
}

TEST(RefreshPlan, CutsAtTheMinuteThatWouldOverflowAndLeavesNoGap) {
  auto chunks =
      plan_chunks(FROM, TO, {{minute(1), 40}, {minute(2), 50}, {minute(3), 30}, {minute(4), 80}}, 100);
  ASSERT_EQ(chunks.size(), 3U);
  EXPECT_EQ(chunks[0].from, FROM);
  EXPECT_EQ(chunks[0].to, minute(3));
  EXPECT_EQ(chunks[0].events, 90);
  EXPECT_EQ(chunks[1].from, minute(3));
  EXPECT_EQ(chunks[1].to, minute(4));
  EXPECT_EQ(chunks[1].events, 30);
  EXPECT_EQ(chunks[2].from, minute(4));
  EXPECT_EQ(chunks[2].to, TO);
  EXPECT_EQ(chunks[2].events, 80);
}

TEST(RefreshPlan, AMinuteLargerThanTheBudgetIsAChunkOfItsOwn) {
  auto chunks = plan_chunks(FROM, TO, {{minute(1), 5}, {minute(2), 500}, {minute(3), 5}}, 100);
  ASSERT_EQ(chunks.size(), 3U);
  EXPECT_EQ(chunks[1].from, minute(2));
  EXPECT_EQ(chunks[1].to, minute(3));
  EXPECT_EQ(chunks[1].events, 500);
}

TEST(RefreshPlan, ChunkEventsAddUpToTheTotal) {
  std::vector<MinuteCount> minutes;
  std::int64_t total = 0;
  for (int m = 0; m < 60; ++m) {
    minutes.push_back({minute(m), m * 7 % 13 + 1});
    total += m * 7 % 13 + 1;
  }
  auto chunks = plan_chunks(FROM, TO, minutes, 25);
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    sum += chunks[i].events;
    EXPECT_LE(chunks[i].events, 25);
    if (i > 0) {
      EXPECT_EQ(chunks[i].from, chunks[i - 1].to) << "chunk " << i;
    }
  }
  EXPECT_EQ(sum, total);
  EXPECT_EQ(chunks.front().from, FROM);
  EXPECT_EQ(chunks.back().to, TO);
}

TEST(RefreshProgress, RateAndEta) {
  Progress progress{250, 1000, 5.0};
  EXPECT_DOUBLE_EQ(progress.rate(), 50.0);
  EXPECT_DOUBLE_EQ(progress.percent(), 25.0);
  ASSERT_TRUE(progress.eta_s().has_value());
  EXPECT_DOUBLE_EQ(*progress.eta_s(), 15.0);
}

TEST(RefreshProgress, UnknownRateHasNoEtaAndNothingPlannedIsDone) {
  EXPECT_FALSE((Progress{0, 1000, 3.0}.eta_s().has_value()));
  EXPECT_FALSE((Progress{10, 1000, 0.0}.eta_s().has_value()));
  EXPECT_DOUBLE_EQ((Progress{0, 0, 1.0}.percent()), 100.0);
  EXPECT_DOUBLE_EQ((Progress{1200, 1000, 1.0}.percent()), 100.0);
  EXPECT_DOUBLE_EQ(*(Progress{1200, 1000, 1.0}.eta_s()), 0.0);
}

}  // namespace
}  // namespace smelt::refresh
