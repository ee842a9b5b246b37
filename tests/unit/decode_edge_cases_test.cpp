// Events that are odd, partial or broken: the decoder records an error with
// the bronze coordinates and a reason, and never throws or emits half an event.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "decode/decoder.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::decode {
namespace {

using Strings = std::vector<std::string>;

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
                                     std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

std::int64_t us(const char* rfc3339) { return ingest::parse_rfc3339_us(rfc3339).value(); }

constexpr BronzeRef REF{11, 2, 99, std::nullopt, "", ""};

/// An envelope around `payload` (JSON text).
std::string envelope(std::string_view source, std::string_view kind, std::string_view payload,
                     std::string_view extra = "") {
  std::string out = R"({"source":")";
  out.append(source).append(R"(","kind":")").append(kind);
  out.append(R"(","observed_at":"2026-11-22T10:00:00Z","payload":)").append(payload);
  if (!extra.empty()) out.append(",").append(extra);
  return out + "}";
}

class DecodeEdgeCases : public ::testing::Test {
 protected:
  DecodeResult decode(const std::string& raw, const BronzeRef& ref = REF) {
    return decoder_.decode(raw, ref, rows_);
  }

  /// Decodes an event that must fail with `reason` and leave no rows.
  void expect_error(const std::string& raw, ErrorReason reason, std::string_view detail_part = "") {
    rows_.clear();
    const DecodeResult result = decode(raw);
    EXPECT_EQ(result.rows(), 0U) << raw;
    EXPECT_EQ(result.errors, 1U) << raw;
    EXPECT_TRUE(rows_.posts.empty() && rows_.comments.empty() && rows_.users.empty()) << raw;
    ASSERT_EQ(rows_.errors.size(), 1U) << raw;
    const DecodeError& error = rows_.errors[0];
    EXPECT_EQ(reason_name(error.reason), reason_name(reason)) << raw << "\n" << error.detail;
    EXPECT_NE(error.detail.find(detail_part), std::string::npos) << error.detail;
    EXPECT_EQ(error.batch_id, 11);
    EXPECT_EQ(error.kafka_partition, 2);
    EXPECT_EQ(error.kafka_offset, 99);
  }

  Decoder decoder_{analyzer()};
  Rows rows_;
};

TEST_F(DecodeEdgeCases, BrokenJsonIsAnError) {
  expect_error(R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:00:00Z","payload":{"id":)",
               ErrorReason::invalid_json);
  expect_error(R"([{"source":"x"}])", ErrorReason::invalid_json);
  expect_error("", ErrorReason::invalid_json);
  // A lone surrogate escape is no Unicode text: simdjson refuses the document.
  expect_error(envelope("x", "post", R"({"id":"1","text":"\ud800x","created_at":"2026-11-22T10:00:00Z"})"),
               ErrorReason::invalid_json);
}

TEST_F(DecodeEdgeCases, EnvelopeProblems) {
  expect_error(R"({"kind":"post","observed_at":"2026-11-22T10:00:00Z","payload":{}})",
               ErrorReason::bad_envelope, "source");
  expect_error(envelope("myspace", "post", "{}"), ErrorReason::unknown_source, "myspace");
  expect_error(envelope("x", "story", "{}"), ErrorReason::unknown_kind, "story");
  expect_error(envelope("x", "post", R"("just text")"), ErrorReason::bad_envelope, "payload");
  expect_error(R"({"source":"x","kind":"post","observed_at":"yesterday","payload":{}})",
               ErrorReason::bad_envelope, "observed_at");
  EXPECT_EQ(rows_.errors[0].source, "x");
  EXPECT_EQ(rows_.errors[0].kind, "post");
}

TEST_F(DecodeEdgeCases, BronzeColumnsStandInForTheEnvelope) {
  const std::string raw = R"({"payload":{"username":"cat.lady","follower_count":5}})";
  BronzeRef ref = REF;
  ref.source = "tiktok";
  ref.kind = "user";
  ref.observed_at_us = us("2026-11-22T09:00:00Z");
  const DecodeResult result = decode(raw, ref);
  ASSERT_TRUE(result.ok()) << rows_.errors[0].detail;
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].source, "tiktok");
  EXPECT_EQ(rows_.users[0].observed_at_us, us("2026-11-22T09:00:00Z"));
  EXPECT_EQ(rows_.users[0].followers, 5);
}

TEST_F(DecodeEdgeCases, MissingIdsAndBadDates) {
  expect_error(envelope("x", "post", R"({"text":"hi","created_at":"2026-11-22T10:00:00Z"})"),
               ErrorReason::missing_id, "payload.id missing");
  expect_error(envelope("x", "post", R"({"id":"1","text":"hi","created_at":"Wed Oct 99 20:19:24 +0000 2018",
                                        "user":{"id_str":"5"}})"),
               ErrorReason::bad_timestamp, "Wed Oct 99");
  expect_error(envelope("x", "post", R"({"id":"1","text":"hi"})"), ErrorReason::bad_timestamp,
               "payload.created_at missing");
  expect_error(envelope("instagram", "post", R"({"id":"17","timestamp":"yesterday"})"),
               ErrorReason::bad_timestamp, "payload.timestamp = \"yesterday\"");
  expect_error(envelope("instagram", "post", R"({"id":"17","timestamp":"2026-02-30T10:00:00+0000"})"),
               ErrorReason::bad_timestamp);
  expect_error(envelope("tiktok", "post", R"({"id":"","create_time":1704499196})"), ErrorReason::missing_id);
  expect_error(envelope("tiktok", "post", R"({"id":7320768196569599275,"create_time":-5})"),
               ErrorReason::bad_timestamp);
  expect_error(envelope("reddit", "comment", R"({"kind":"t1","data":{"id":"abc","created_utc":"soon"}})"),
               ErrorReason::bad_timestamp);
  expect_error(envelope("youtube", "user", R"({"kind":"youtube#channel","snippet":{}})"),
               ErrorReason::missing_id);
  expect_error(envelope("tiktok", "user", R"({"display_name":"no name"})"), ErrorReason::missing_id);
}

TEST_F(DecodeEdgeCases, UnknownShapes) {
  expect_error(envelope("reddit", "post", R"({"kind":"t5","data":{"id":"2qh1i"}})"),
               ErrorReason::unknown_shape, "t5");
  expect_error(envelope("youtube", "post", R"({"kind":"youtube#playlist","id":"PL1"})"),
               ErrorReason::unknown_shape, "youtube#playlist");
  expect_error(envelope("youtube", "comment", R"({"kind":"youtube#commentThread","id":"Ug1","snippet":{}})"),
               ErrorReason::unknown_shape, "topLevelComment");
}

TEST_F(DecodeEdgeCases, NumericIdsKeepTheirDigitsAndNeverGoThroughDouble) {
  const std::string video = R"({"id":18446744073709551615,"create_time":1704499196,"username":"u"})";
  ASSERT_TRUE(decode(envelope("tiktok", "post", video)).ok());
  EXPECT_EQ(rows_.posts.back().post_id, "18446744073709551615");
  ASSERT_TRUE(decode(envelope("tiktok", "post", R"({"id":9007199254740993,"create_time":1704499196})")).ok());
  EXPECT_EQ(rows_.posts.back().post_id, "9007199254740993");  // 2^53 + 1: a double would say ...992
  expect_error(envelope("tiktok", "post", R"({"id":7.3207681965695995e18,"create_time":1704499196})"),
               ErrorReason::missing_id, "is not an id");
  expect_error(envelope("tiktok", "post", R"({"id":-7320768196569599275,"create_time":1704499196})"),
               ErrorReason::missing_id);
  // Beyond 64 bits (valid JSON): the id keeps its digits as text.
  ASSERT_TRUE(decode(envelope("tiktok", "post", R"({"id":73207681965695992751,"create_time":1704499196})")).ok());
  EXPECT_EQ(rows_.posts.back().post_id, "73207681965695992751");
}

TEST_F(DecodeEdgeCases, CountersBeyond64BitsAreNotReportedAndCostNothingElse) {
  const std::string video =
      R"({"id":7320768196569599275,"create_time":1704499196,"like_count":123456789012345678901234,)"
      R"("view_count":5,"hashtag_names":["big"],"video_description":"\"1234567890123456789012\" in text"})";
  ASSERT_TRUE(decode(envelope("tiktok", "post", video)).ok());
  const PostRow& post = rows_.posts.back();
  EXPECT_EQ(post.post_id, "7320768196569599275");
  EXPECT_EQ(post.likes, std::nullopt);
  EXPECT_EQ(post.views, 5);
  EXPECT_EQ(post.text, "\"1234567890123456789012\" in text");
}

TEST_F(DecodeEdgeCases, CountsThatAreNotCountsAreNull) {
  const std::string video = R"({"id":1,"create_time":1704499196,"like_count":"12","share_count":-3,
                                "comment_count":2.5,"view_count":null})";
  ASSERT_TRUE(decode(envelope("tiktok", "post", video)).ok());
  const PostRow& post = rows_.posts.back();
  EXPECT_EQ(post.likes, 12);
  EXPECT_EQ(post.shares, std::nullopt);
  EXPECT_EQ(post.comments, std::nullopt);
  EXPECT_EQ(post.views, std::nullopt);
  EXPECT_EQ(post.text, std::nullopt);
  EXPECT_EQ(post.url, std::nullopt);  // no username, no page
  EXPECT_EQ(post.sentiment_compound, std::nullopt);
}

TEST_F(DecodeEdgeCases, ABrokenIncludedUserDoesNotCostThePost) {
  const std::string tweet =
      R"({"id":"5","text":"hello world","author_id":"9","created_at":"2026-11-22T09:00:00Z"})";
  const DecodeResult result = decode(envelope(
      "x", "post", tweet, R"("includes":{"users":[{"id":"9","username":"nine"},{"name":"no id"}]})"));
  EXPECT_EQ(result.posts, 1U);
  EXPECT_EQ(result.users, 1U);
  EXPECT_EQ(result.errors, 1U);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(rows_.posts[0].author_username, "nine");
  ASSERT_EQ(rows_.errors.size(), 1U);
  EXPECT_EQ(rows_.errors[0].reason, ErrorReason::missing_id);
  EXPECT_EQ(rows_.errors[0].source, "x");
}

TEST_F(DecodeEdgeCases, AFailedPostTakesItsIncludedUsersWithIt) {
  expect_error(
      envelope("x", "post", R"({"text":"no id"})", R"("includes":{"users":[{"id":"9","username":"n"}]})"),
      ErrorReason::missing_id);
}

TEST_F(DecodeEdgeCases, XLongPostsUseTheNoteTweet) {
  const std::string tweet = R"({"id":"5","created_at":"2026-11-22T09:00:00Z","text":"Short version… #a",
    "entities":{"hashtags":[{"start":15,"end":17,"tag":"a"}]},
    "note_tweet":{"text":"The whole long text #a #b","entities":{"hashtags":[{"tag":"a"},{"tag":"b"}]}}})";
  ASSERT_TRUE(decode(envelope("x", "post", tweet)).ok());
  EXPECT_EQ(rows_.posts[0].text, "The whole long text #a #b");
  EXPECT_EQ(rows_.posts[0].hashtags, (Strings{"a", "b"}));
  EXPECT_EQ(rows_.posts[0].url, "https://x.com/i/web/status/5");  // author handle unknown
}

TEST_F(DecodeEdgeCases, XWithoutEntitiesExtractsFromText) {
  const std::string tweet =
      R"({"id":"5","created_at":"2026-11-22T09:00:00Z","text":"Go #Team @coach $ACME http://a.example/x"})";
  ASSERT_TRUE(decode(envelope("x", "post", tweet)).ok());
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.hashtags, Strings{"Team"});
  EXPECT_EQ(post.mentions, Strings{"coach"});
  EXPECT_EQ(post.cashtags, Strings{"ACME"});
  EXPECT_EQ(post.urls, Strings{"http://a.example/x"});
  EXPECT_EQ(post.likes, std::nullopt);
  EXPECT_EQ(post.shares, std::nullopt);
}

TEST_F(DecodeEdgeCases, XV1ExtendedTextAndOffsets) {
  const std::string status = R"({"id_str":"77","created_at":"Thu Nov 08 02:31:41 +0200 2012","text":"cut…",
    "extended_tweet":{"full_text":"the full status #Long","entities":{"hashtags":[{"text":"Long"}]}},
    "user":{"id_str":"3","screen_name":"three"},"retweet_count":1,"quote_count":2,"reply_count":4,
    "favorite_count":0,"lang":"und"})";
  ASSERT_TRUE(decode(envelope("x", "post", status)).ok());
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.created_at_us, us("2012-11-08T00:31:41Z"));
  EXPECT_EQ(post.text, "the full status #Long");
  EXPECT_EQ(post.hashtags, Strings{"Long"});
  EXPECT_EQ(post.shares, 3);
  EXPECT_EQ(post.comments, 4);
  EXPECT_EQ(post.likes, 0);
}

TEST_F(DecodeEdgeCases, XSharesAreRetweetsPlusQuotesWhenReported) {
  const std::string only_quotes = R"({"id":"1","created_at":"2026-11-22T09:00:00Z","text":"a",
    "public_metrics":{"quote_count":4,"like_count":1}})";
  ASSERT_TRUE(decode(envelope("x", "post", only_quotes)).ok());
  EXPECT_EQ(rows_.posts.back().shares, 4);
  const std::string overflowing = R"({"id":"2","created_at":"2026-11-22T09:00:00Z","text":"a",
    "public_metrics":{"retweet_count":9223372036854775807,"quote_count":1}})";
  ASSERT_TRUE(decode(envelope("x", "post", overflowing)).ok());
  EXPECT_EQ(rows_.posts.back().shares, std::nullopt);
}

TEST_F(DecodeEdgeCases, XApiResponseWrapperIsUnwrapped) {
  const std::string response = R"({"data":{"id":"8","created_at":"2026-11-22T09:00:00.000Z","text":"hi"}})";
  ASSERT_TRUE(decode(envelope("x", "post", response)).ok());
  EXPECT_EQ(rows_.posts[0].post_id, "8");
}

TEST_F(DecodeEdgeCases, RedditPayloadKindWinsOverTheEnvelopeKind) {
  const std::string comment =
      R"({"kind":"t1","data":{"id":"c1","link_id":"t3_p1","body":"ok","author":"[deleted]","created_utc":1.5}})";
  ASSERT_TRUE(decode(envelope("reddit", "post", comment)).ok());
  ASSERT_EQ(rows_.comments.size(), 1U);
  EXPECT_EQ(rows_.comments[0].post_id, "p1");
  EXPECT_EQ(rows_.comments[0].created_at_us, 1'500'000);
  EXPECT_EQ(rows_.comments[0].author_id, std::nullopt);
  EXPECT_TRUE(rows_.users.empty());
  EXPECT_TRUE(rows_.posts.empty());
}

TEST_F(DecodeEdgeCases, RedditNegativeScoreIsNotALikeCount) {
  const std::string comment =
      R"({"kind":"t1","data":{"id":"c2","body":"meh","author":"a","created_utc":1700000000,"ups":-4,"score":-4}})";
  ASSERT_TRUE(decode(envelope("reddit", "comment", comment)).ok());
  EXPECT_EQ(rows_.comments[0].likes, std::nullopt);
  EXPECT_EQ(rows_.comments[0].post_id, std::nullopt);
}

TEST_F(DecodeEdgeCases, YouTubeReplyCommentWithoutVideo) {
  const std::string reply = R"({"kind":"youtube#comment","id":"Ug2.r1","snippet":{"parentId":"Ug2",
    "textOriginal":"same","authorDisplayName":"Old Style Name","publishedAt":"2026-11-22T09:00:00Z","likeCount":0}})";
  ASSERT_TRUE(decode(envelope("youtube", "comment", reply)).ok());
  EXPECT_EQ(rows_.comments[0].comment_id, "Ug2.r1");
  EXPECT_EQ(rows_.comments[0].post_id, std::nullopt);
  EXPECT_EQ(rows_.comments[0].author_username, "Old Style Name");
  EXPECT_EQ(rows_.comments[0].likes, 0);
}

TEST_F(DecodeEdgeCases, YouTubeHiddenSubscriberCountIsNull) {
  const std::string channel = R"({"kind":"youtube#channel","id":"UC1","snippet":{"title":"t"},
    "statistics":{"subscriberCount":"100","hiddenSubscriberCount":true}})";
  ASSERT_TRUE(decode(envelope("youtube", "user", channel)).ok());
  EXPECT_EQ(rows_.users[0].followers, std::nullopt);
  EXPECT_EQ(rows_.users[0].username, std::nullopt);
}

TEST_F(DecodeEdgeCases, NulInIdsAndNamesIsStripped) {
  const std::string user =
      R"({"id":"12\u00003","username":"a\u0000b","public_metrics":{"followers_count":1}})";
  ASSERT_TRUE(decode(envelope("x", "user", user)).ok());
  EXPECT_EQ(rows_.users[0].user_id, "123");
  EXPECT_EQ(rows_.users[0].username, "ab");
}

TEST_F(DecodeEdgeCases, RowsClearAndResultCounts) {
  const DecodeResult result = decode(envelope("instagram", "user", R"({"id":"1","username":"u"})"));
  EXPECT_EQ(result.users, 1U);
  EXPECT_EQ(result.rows(), 1U);
  EXPECT_TRUE(result.ok());
  rows_.clear();
  EXPECT_TRUE(rows_.users.empty());
  EXPECT_EQ(reason_name(ErrorReason::unknown_kind), "unknown_kind");
}

}  // namespace
}  // namespace smelt::decode
