// Real recorded API responses (../shared/fixtures, not part of the
// repository): every entity in them, wrapped in smelt's envelope, decodes.
// Skipped when the folder is absent, as it is in a user's clone.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "decode/decoder.hpp"
#include "ingest/timestamp.hpp"
#include "text/language.hpp"

namespace smelt::decode {
namespace {

using Strings = std::vector<std::string>;
using simdjson::dom::element;

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
                                     std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

std::int64_t us(const char* rfc3339) { return ingest::parse_rfc3339_us(rfc3339).value(); }

constexpr std::string_view OBSERVED_AT = "2026-11-22T10:00:00Z";

/// smelt's envelope around one API object (and the response's includes).
std::string envelope(std::string_view source, std::string_view kind, element payload,
                     std::optional<element> includes = std::nullopt) {
  std::string out = R"({"source":")";
  out.append(source).append(R"(","kind":")").append(kind).append(R"(","observed_at":")").append(OBSERVED_AT);
  out.append(R"(","payload":)").append(simdjson::minify(payload));
  if (includes) out.append(R"(,"includes":)").append(simdjson::minify(*includes));
  return out + "}";
}

class DecodeRealFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(SMELT_SHARED_FIXTURES)) {
      GTEST_SKIP() << "no recorded API responses at " << SMELT_SHARED_FIXTURES;
    }
  }

  static std::string read(const std::string& relative) {
    std::ifstream in(std::string(SMELT_SHARED_FIXTURES) + "/" + relative, std::ios::binary);
    EXPECT_TRUE(in.good()) << relative;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

  /// Parses a recorded response; the element lives until the next call.
  element load(const std::string& relative) {
    text_ = read(relative);
    return parser_.parse(text_).value();
  }

  void decode(const std::string& raw) {
    const DecodeResult result = decoder_.decode(raw, BronzeRef{1, 0, 42, std::nullopt, "", ""}, rows_);
    for (const auto& error : rows_.errors) ADD_FAILURE() << reason_name(error.reason) << ": " << error.detail;
    EXPECT_TRUE(result.ok());
  }

  /// Each tweet of an API v2 page (one page per line), with the page's includes.
  void decode_x_pages(const std::string& relative) {
    std::istringstream lines(read(relative));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      const element page = page_parser_.parse(line).value();
      for (element tweet : page["data"].get_array())
        decode(envelope("x", "post", tweet, page["includes"].value()));
    }
  }

  Decoder decoder_{analyzer()};
  Rows rows_;
  simdjson::dom::parser parser_;
  simdjson::dom::parser page_parser_;
  std::string text_;
};

TEST_F(DecodeRealFixtures, XV2SearchPage) {
  decode_x_pages("x/two_tweets.jsonl");
  ASSERT_EQ(rows_.posts.size(), 1U);
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.post_id, "1394735776701816833");
  EXPECT_EQ(post.author_id, "1379899464345923590");
  EXPECT_EQ(post.author_username, "LachiVeronica");
  EXPECT_EQ(post.created_at_us, us("2021-05-18T19:24:56Z"));
  EXPECT_EQ(post.text, "RT @bibaigna96: #POIUYTREWQ");
  EXPECT_EQ(post.language, "und");  // X says "und"; too short to detect
  EXPECT_EQ(post.likes, 0);
  EXPECT_EQ(post.shares, 1);
  EXPECT_EQ(post.comments, 0);
  EXPECT_EQ(post.impressions, std::nullopt);  // recorded before X reported impressions
  EXPECT_EQ(post.hashtags, Strings{"POIUYTREWQ"});
  EXPECT_EQ(post.hashtags_normalized, Strings{"poiuytrewq"});
  EXPECT_EQ(post.mentions, Strings{"bibaigna96"});
  EXPECT_EQ(post.observed_at_us, us(OBSERVED_AT.data()));
  ASSERT_EQ(rows_.users.size(), 2U);
  EXPECT_EQ(rows_.users[0].user_id, "1379899464345923590");
  EXPECT_EQ(rows_.users[0].display_name, "Veronica Lachi");
  EXPECT_EQ(rows_.users[0].followers, 0);
  EXPECT_EQ(rows_.users[0].following, 4);
  EXPECT_EQ(rows_.users[0].verified, false);
}

TEST_F(DecodeRealFixtures, XV2MentionsPage) {
  decode_x_pages("x/mentions_tweet.jsonl");
  ASSERT_EQ(rows_.posts.size(), 1U);
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.post_id, "1589681856941002753");
  EXPECT_EQ(post.author_username, "BaldManGamer");
  EXPECT_EQ(post.language, "en");
  EXPECT_EQ(post.mentions, Strings{"S3NT1N3L17"});
  EXPECT_TRUE(post.hashtags.empty());  // entities without hashtags
  ASSERT_EQ(rows_.users.size(), 2U);
  EXPECT_EQ(rows_.users[1].display_name, "Sentinel 17 \U0001F3AE\U0001F4D6\U0001F1FA\U0001F1F8\U0001FA96");
}

TEST_F(DecodeRealFixtures, XV11Status) {
  const element response = load("x/v1_1_status.json");
  decode(envelope("x", "post", response["body"].value()));
  ASSERT_EQ(rows_.posts.size(), 1U);
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.post_id, "266367358078169089");
  EXPECT_EQ(post.created_at_us, us("2012-11-08T02:31:41Z"));
  EXPECT_EQ(post.author_id, "783214");
  EXPECT_EQ(post.author_username, "Twitter");
  EXPECT_EQ(post.likes, 144);
  EXPECT_EQ(post.shares, 211);
  EXPECT_EQ(post.comments, std::nullopt);
  EXPECT_EQ(post.language, "en");
  EXPECT_EQ(post.mentions, Strings{"TwitterEng"});
  EXPECT_EQ(post.urls, Strings{"https://engineering.twitter.com/2012/11/bolstering-our-infrastructure.html"});
  EXPECT_TRUE(post.hashtags.empty());
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].followers, 56335782);
  EXPECT_EQ(rows_.users[0].following, 140);
  EXPECT_EQ(rows_.users[0].verified, true);
}

TEST_F(DecodeRealFixtures, RedditComment) {
  const element response = load("reddit/TestComment.test_attributes.json");
  decode(envelope("reddit", "comment", response.at_pointer("/body/data/children/0").value()));
  ASSERT_EQ(rows_.comments.size(), 1U);
  const CommentRow& comment = rows_.comments[0];
  EXPECT_EQ(comment.comment_id, "cklhv0f");
  EXPECT_EQ(comment.post_id, "2gmzqe");
  EXPECT_EQ(comment.author_id, "bboe");
  EXPECT_EQ(comment.created_at_us, 1'411'010'034'000'000);
  EXPECT_EQ(comment.likes, 1);
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "bboe");
}

TEST_F(DecodeRealFixtures, RedditSearchListing) {
  const element response = load("reddit/TestSubreddit.test_search.json");
  for (element child : response.at_pointer("/body/data/children").get_array()) {
    decode(envelope("reddit", "post", child));
  }
  ASSERT_EQ(rows_.posts.size(), 6U);
  EXPECT_EQ(rows_.users.size(), 6U);
  const PostRow& first = rows_.posts[0];
  EXPECT_EQ(first.post_id, "3gpbiu");
  EXPECT_EQ(first.author_id, "dClauzel");
  EXPECT_EQ(first.created_at_us, 1'439'370'514'000'000);
  EXPECT_EQ(first.likes, 0);
  EXPECT_EQ(first.comments, 21);
  EXPECT_TRUE(first.text->starts_with(
      "[PRAW][OAuth2Util] Problem using get_banned() : raise Forbidden(_raw=response)\n\n# solved"));
  EXPECT_EQ(
      first.url,
      "https://www.reddit.com/r/redditdev/comments/3gpbiu/prawoauth2util_problem_using_get_banned_raise/"
      "?ref=search_posts");
  const PostRow& japanese = rows_.posts[5];
  EXPECT_EQ(japanese.author_id, "nmtake");
  EXPECT_EQ(japanese.likes, 15);
  if (text::language_detection_available()) {
    EXPECT_EQ(japanese.language, "ja");
  }
}

TEST_F(DecodeRealFixtures, YouTubeVideo) {
  const element response = load("youtube/modeldata_videos_video_api_response.json");
  decode(envelope("youtube", "post", response.at_pointer("/items/0").value()));
  ASSERT_EQ(rows_.posts.size(), 1U);
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.post_id, "D-lhorsDlUQ");
  EXPECT_EQ(post.author_id, "UC_x5XG1OV2P6uZZ5FSM9Ttw");
  EXPECT_EQ(post.created_at_us, us("2019-03-21T20:37:49Z"));
  EXPECT_EQ(post.views, 7920);
  EXPECT_EQ(post.likes, 190);
  EXPECT_EQ(post.comments, 32);
  EXPECT_EQ(post.shares, std::nullopt);
  EXPECT_EQ(post.impressions, std::nullopt);
  EXPECT_EQ(post.language, "en");
  EXPECT_EQ(post.hashtags.size(), 20U);  // snippet.tags
  EXPECT_EQ(post.hashtags[3], "Actions on Google");
  EXPECT_TRUE(
      post.text->starts_with("What are Actions on Google (Assistant on Air)\n\nIn the first episode"));
  EXPECT_EQ(post.url, "https://www.youtube.com/watch?v=D-lhorsDlUQ");
}

TEST_F(DecodeRealFixtures, InstagramMedia) {
  decode(envelope("instagram", "post", load("instagram/medias_media_default.json")));
  ASSERT_EQ(rows_.posts.size(), 1U);
  const PostRow& post = rows_.posts[0];
  EXPECT_EQ(post.post_id, "17896129349106152");
  EXPECT_EQ(post.created_at_us, us("2021-07-26T10:45:20Z"));
  EXPECT_EQ(post.text, "ALBUM");
  EXPECT_EQ(post.likes, 1);
  EXPECT_EQ(post.comments, 0);
  EXPECT_EQ(post.author_id, std::nullopt);  // not requested in that call
  EXPECT_EQ(post.url, "https://www.instagram.com/p/CRyZpmrjYC4/");
}

TEST_F(DecodeRealFixtures, TikTokVideosKeepExactIds) {
  const element response = load("tiktok/api_videos_response_page_1_of_2.json");
  for (element video : response.at_pointer("/data/videos").get_array())
    decode(envelope("tiktok", "post", video));
  // The ids exactly as written in the file, digit for digit.
  std::vector<std::string> written;
  const std::regex id_pattern(R"re("id": *(\d+))re");
  for (std::sregex_iterator it(text_.begin(), text_.end(), id_pattern), end; it != end; ++it) {
    written.push_back((*it)[1]);
  }
  ASSERT_EQ(rows_.posts.size(), 27U);
  ASSERT_EQ(written.size(), rows_.posts.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    EXPECT_EQ(rows_.posts[i].post_id, written[i]);
    EXPECT_EQ(rows_.posts[i].region, "US");
    EXPECT_EQ(rows_.posts[i].author_id, rows_.posts[i].author_username);
  }
  const PostRow& first = rows_.posts[0];
  EXPECT_EQ(first.post_id, "7320768196569599275");
  EXPECT_EQ(first.created_at_us, 1'704'499'196'000'000);
  EXPECT_EQ(first.hashtags, (Strings{"cats", "duet"}));
  EXPECT_EQ(rows_.posts[6].post_id, "7320768149928955182");
  EXPECT_EQ(rows_.posts[6].likes, std::nullopt);  // like_count missing
  EXPECT_EQ(rows_.posts[6].views, 0);
  EXPECT_EQ(rows_.posts[8].hashtags[5], "cubanosporelmundo\U0001F1E8\U0001F1FA");
}

}  // namespace
}  // namespace smelt::decode
