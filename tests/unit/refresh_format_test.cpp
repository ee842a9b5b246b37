// Text the refresh commands print and pass to PostgreSQL: tables, shortened
// samples, array and JSON parameters, decode error counts, server messages.
#include <gtest/gtest.h>

#include "refresh/checks.hpp"
#include "refresh/connection.hpp"
#include "refresh/pg_values.hpp"
#include "refresh/staging.hpp"
#include "refresh/text_table.hpp"

namespace smelt::refresh {
namespace {

TEST(RefreshFormat, TableColumnsAreAsWideAsTheirWidestCell) {
  EXPECT_EQ(render_table({"id", "name"}, {{"1", "café"}, {"22", "x"}}),
            "id  name\n"
            "--  ----\n"
            "1   café\n"
            "22  x\n");
}

TEST(RefreshFormat, ShortRowsGetEmptyCells) {
  EXPECT_EQ(render_table({"a", "b"}, {{"1"}}), "a  b\n-  -\n1  \n");
}

TEST(RefreshFormat, ShortenKeepsOneLineAndCutsWithAnEllipsis) {
  EXPECT_EQ(shorten("abc", 5), "abc");
  EXPECT_EQ(shorten("abcdef", 5), "abcd…");
  EXPECT_EQ(shorten("a\tb\nc\rd", 10), "a b c d");
  EXPECT_EQ(shorten("日本語テキスト", 4), "日本語…");
}

TEST(RefreshFormat, CheckTableShowsFailuresWithTheirSample) {
  std::vector<CheckResult> results = {{"silver_post_hashtags_key", "error", 2,
                                       R"([{"post_id": "P1"}, {"post_id": "P2"}])", "one row per key"},
                                      {"freshness_gold", "warn", 0, "", "fresh"}};
  const auto table = format_checks(results, 20);
  EXPECT_NE(table.find("silver_post_hashtags_key  error     FAIL    2             [{\"post_id\": \"P1\"},…"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("freshness_gold            warn      pass    0"), std::string::npos) << table;
  EXPECT_TRUE(results[0].blocks());
  EXPECT_FALSE(results[1].failed());
}

TEST(RefreshFormat, ArrayAndJsonParameters) {
  EXPECT_EQ(bigint_array({}), "{}");
  EXPECT_EQ(bigint_array({1, 22, 333}), "{1,22,333}");
  EXPECT_EQ(json_strings({}), "[]");
  EXPECT_EQ(json_strings({"#Black Friday", R"(say "hi")", "back\\slash"}),
            R"(["#Black Friday","say \"hi\"","back\\slash"])");
}

TEST(RefreshFormat, UtcNowIsAnRfc3339Timestamp) {
  const auto now = utc_now();
  ASSERT_EQ(now.size(), 27U) << now;
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now[19], '.');
  EXPECT_EQ(now.back(), 'Z');
}

TEST(RefreshFormat, DecodeStatsCountReasonsAndKeepAFewSamples) {
  DecodeStats stats;
  for (int i = 0; i < 5; ++i) {
    decode::DecodeError error;
    error.reason = i % 2 == 0 ? decode::ErrorReason::missing_id : decode::ErrorReason::bad_timestamp;
    error.kafka_offset = i;
    stats.add_error(error);
  }
  EXPECT_EQ(stats.errors, 5);
  EXPECT_EQ(stats.reasons_text(), "bad_timestamp:2,missing_id:3");
  EXPECT_EQ(stats.samples.size(), DECODE_ERROR_SAMPLES);
  DecodeStats total;
  total.add(stats);
  total.add(stats);
  EXPECT_EQ(total.errors, 10);
  EXPECT_EQ(total.error_reasons["missing_id"], 6);
  EXPECT_EQ(total.samples.size(), DECODE_ERROR_SAMPLES);
}

TEST(RefreshFormat, DescribeNamesWhereAndWhy) {
  decode::DecodeError error;
  error.source = "x";
  error.kind = "post";
  error.batch_id = 7;
  error.kafka_partition = 2;
  error.kafka_offset = 99;
  error.reason = decode::ErrorReason::missing_id;
  error.detail = "payload.id missing";
  EXPECT_EQ(describe(error), "missing_id in x/post at batch 7, partition 2, offset 99: payload.id missing");
}

TEST(RefreshFormat, ServerMessageDropsThePrefixAndContext) {
  EXPECT_EQ(server_message("statement failed: ERROR:  no campaign named \"x\"\nCONTEXT:  PL/pgSQL function"),
            "no campaign named \"x\"");
  EXPECT_EQ(server_message("plain"), "plain");
}

}  // namespace
}  // namespace smelt::refresh
