// The dashboard API's parameter checks: what reaches PostgreSQL as a
// parameter, and what is refused with a message before any SQL runs.
#include <gtest/gtest.h>

#include "serve/api.hpp"

namespace smelt::serve {
namespace {

KnownValues known() { return KnownValues{{"x", "tiktok"}, {"1", "2"}}; }

std::string refusal(const std::string& endpoint, const QueryParams& params) {
  try {
    plan_api_query(endpoint, params, known());
  } catch (const BadRequest& e) {
    return e.what();
  }
  return "";
}

TEST(ServeApi, EveryEndpointHasAStatementAndDefaults) {
  for (const auto& endpoint : api_endpoints()) {
    const auto query = plan_api_query(endpoint, {}, known());
    EXPECT_NE(query.sql.find("gold."), std::string_view::npos) << endpoint;
  }
  EXPECT_EQ(api_endpoints().size(), 8u);
}

TEST(ServeApi, ValuesArePassedAsParameters) {
  const auto query = plan_api_query("engagement_minute", {{"platform", "tiktok"}, {"minutes", "30"}}, known());
  ASSERT_EQ(query.params.size(), 2u);
  EXPECT_EQ(query.params[0], "tiktok");
  EXPECT_EQ(query.params[1], "30");
  EXPECT_EQ(query.sql.find("tiktok"), std::string_view::npos);
}

TEST(ServeApi, AllAndAbsentMeanNoFilter) {
  EXPECT_FALSE(plan_api_query("engagement_minute", {{"platform", "all"}}, known()).params[0]);
  EXPECT_FALSE(plan_api_query("campaign_daily", {}, known()).params[0]);
  EXPECT_EQ(plan_api_query("campaign_daily", {}, known()).params[1], "14");
}

TEST(ServeApi, HashtagsAreNormalizedIntoAJsonArray) {
  const auto query = plan_api_query("hashtag_sentiment", {{"hashtags", "#ShotOnAurora,helixdown"}}, known());
  EXPECT_EQ(query.params[0], R"(["shotonaurora","helixdown"])");
}

TEST(ServeApi, BadParametersAreRefusedWithAMessage) {
  EXPECT_NE(refusal("engagement_minute", {{"platform", "myspace"}}).find("no platform 'myspace'"), std::string::npos);
  EXPECT_NE(refusal("engagement_minute", {{"minutes", "1;drop"}}).find("whole number"), std::string::npos);
  EXPECT_NE(refusal("engagement_minute", {{"minutes", "4"}}).find("from 5 to"), std::string::npos);
  EXPECT_NE(refusal("engagement_minute", {{"minutes", "99999999999"}}).find("whole number"), std::string::npos);
  EXPECT_NE(refusal("campaign_daily", {{"campaign", "1 or 1=1"}}).find("no campaign"), std::string::npos);
  EXPECT_NE(refusal("hashtag_sentiment", {{"hashtags", "a\"]"}}).find("comma-separated"), std::string::npos);
  EXPECT_NE(refusal("hashtag_sentiment", {{"hashtags", "a,,b"}}).find("comma-separated"), std::string::npos);
  EXPECT_NE(refusal("hashtag_sentiment", {{"hashtags", "a,b,c,d,e,f,g,h,i,j,k"}}).find("at most 10"), std::string::npos);
  EXPECT_NE(refusal("trending_hashtags", {{"order", "1"}}).find("unknown parameter 'order'"), std::string::npos);
  EXPECT_NE(refusal("trending_hashtags", {{"limit", "1"}, {"limit", "2"}}).find("more than once"), std::string::npos);
  EXPECT_NE(refusal("filters", {{"x", "1"}}).find("takes none"), std::string::npos);
  EXPECT_NE(refusal("bronze", {}).find("no API endpoint"), std::string::npos);
}

}  // namespace
}  // namespace smelt::serve
