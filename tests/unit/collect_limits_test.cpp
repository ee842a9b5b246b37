// Each platform's rate-limit and quota signals, read from response headers
// and bodies, and the collector's retry delays.
#include <gtest/gtest.h>

#include <cmath>

#include "collect/json_spans.hpp"
#include "collect/limiter.hpp"
#include "collect/platform.hpp"

namespace smelt::collect {
namespace {

Response response(long status, std::map<std::string, std::string> headers, std::string body = "{}") {
  Response r;
  r.status = status;
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

TEST(CollectLimits, XWaitsUntilTheResetWhenNothingRemains) {
  auto x = make_platform("x", {});
  EXPECT_DOUBLE_EQ(x->wait_hint_s(response(200, {{"x-rate-limit-remaining", "0"}, {"x-rate-limit-reset", "1000"}}), 990), 11);
  EXPECT_DOUBLE_EQ(x->wait_hint_s(response(200, {{"x-rate-limit-remaining", "12"}, {"x-rate-limit-reset", "1000"}}), 990), 0);
  EXPECT_DOUBLE_EQ(x->wait_hint_s(response(429, {{"x-rate-limit-reset", "1005"}}), 1000), 6);
  EXPECT_TRUE(x->credentials_refused(response(401, {})));
}

TEST(CollectLimits, RedditReadsItsRatelimitHeadersAndRetryAfter) {
  auto reddit = make_platform("reddit", {});
  EXPECT_DOUBLE_EQ(reddit->wait_hint_s(response(200, {{"x-ratelimit-remaining", "0.0"}, {"x-ratelimit-reset", "42"}}), 0), 42);
  EXPECT_DOUBLE_EQ(reddit->wait_hint_s(response(200, {{"x-ratelimit-remaining", "55.0"}, {"x-ratelimit-reset", "42"}}), 0), 0);
  EXPECT_DOUBLE_EQ(reddit->wait_hint_s(response(429, {{"retry-after", "7"}}), 0), 7);
}

TEST(CollectLimits, YoutubeTellsQuotaFromRefusedKeysAndDisabledComments) {
  auto youtube = make_platform("youtube", {});
  auto reason = [](const std::string& r) {
    return R"({"error":{"code":403,"errors":[{"domain":"youtube.quota","reason":")" + r + R"("}]}})";
  };
  EXPECT_TRUE(youtube->quota_exceeded(response(403, {}, reason("quotaExceeded"))));
  EXPECT_FALSE(youtube->credentials_refused(response(403, {}, reason("quotaExceeded"))));
  EXPECT_FALSE(youtube->credentials_refused(response(403, {}, reason("commentsDisabled"))));
  EXPECT_TRUE(youtube->credentials_refused(response(403, {}, reason("forbidden"))));
  EXPECT_TRUE(youtube->credentials_refused(response(400, {}, reason("keyInvalid"))));
  EXPECT_FALSE(youtube->credentials_refused(response(400, {}, reason("invalidParameter"))));
}

TEST(CollectLimits, GraphUsageHeadersSlowInstagramDown) {
  auto instagram = make_platform("instagram", {});
  EXPECT_DOUBLE_EQ(instagram->wait_hint_s(response(200, {{"x-app-usage", R"({"call_count":12,"total_cputime":3,"total_time":5})"}}), 0), 0);
  EXPECT_DOUBLE_EQ(instagram->wait_hint_s(response(200, {{"x-app-usage", R"({"call_count":95,"total_cputime":3,"total_time":5})"}}), 0), 60);
  EXPECT_DOUBLE_EQ(instagram->wait_hint_s(
                       response(200, {{"x-business-use-case-usage",
                                       R"({"1784":[{"type":"instagram","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":12}]})"}}),
                       0),
                   720);
  EXPECT_TRUE(instagram->credentials_refused(
      response(400, {}, R"({"error":{"message":"Error validating access token","type":"OAuthException","code":190}})")));
}

TEST(CollectLimits, RetryDelaysDoubleWithJitterUpToAMinute) {
  Limiter limiter(60, 1.0, 7);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const double delay = limiter.backoff_s(attempt);
    const double ceiling = std::min(60.0, std::pow(2.0, attempt));
    EXPECT_GE(delay, ceiling * 0.5);
    EXPECT_LT(delay, ceiling);
  }
  limiter.sent();
  EXPECT_GT(limiter.wait_s(), 0.9);  // 60 calls a minute: the next one a second later
}

TEST(CollectSpans, ValuesAreCutOutByteForByte) {
  const std::string page = R"({"data":{"videos":[{"id":73000000000000000012,"t":"a,\"]}"} , {"id":2}],"x":[]},"k":"v"})";
  auto videos = spans::at(page, {"data", "videos"});
  ASSERT_TRUE(videos.has_value());
  auto items = spans::elements(*videos);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], R"({"id":73000000000000000012,"t":"a,\"]}"})");
  EXPECT_EQ(items[1], R"({"id":2})");
  EXPECT_EQ(spans::member(page, "k").value(), R"("v")");
  EXPECT_FALSE(spans::member(page, "missing").has_value());
}

}  // namespace
}  // namespace smelt::collect
