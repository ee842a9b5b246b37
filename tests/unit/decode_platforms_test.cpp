// Every platform shape, from the project's own fixtures (tests/fixtures/decode),
// written to the shapes of the real API responses.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "decode/decoder.hpp"
#include "ingest/timestamp.hpp"
#include "text/language.hpp"
#include "text/utf8.hpp"

namespace smelt::decode {
namespace {

using Strings = std::vector<std::string>;

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
                                     std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SMELT_TESTS_DIR) + "/fixtures/decode/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::int64_t us(const char* rfc3339) { return ingest::parse_rfc3339_us(rfc3339).value(); }

constexpr BronzeRef REF{7, 3, 1234, std::nullopt, "", ""};

class DecodePlatforms : public ::testing::Test {
 protected:
  /// Decodes a fixture; expects no error.
  void decode(const std::string& name) {
    const std::size_t before = total_rows();
    const DecodeResult result = decoder_.decode(fixture(name), REF, rows_);
    for (const auto& error : rows_.errors)
      ADD_FAILURE() << name << ": " << reason_name(error.reason) << " " << error.detail;
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(result.rows(), total_rows() - before);
  }
  std::size_t total_rows() const { return rows_.posts.size() + rows_.comments.size() + rows_.users.size(); }
  const PostRow& only_post() {
    EXPECT_EQ(rows_.posts.size(), 1U);
    return rows_.posts.at(0);
  }
  const CommentRow& only_comment() {
    EXPECT_EQ(rows_.comments.size(), 1U);
    return rows_.comments.at(0);
  }

  Decoder decoder_{analyzer()};
  Rows rows_;
};

template <class Row>
void expect_bronze(const Row& row, const char* source, const char* observed_at) {
  EXPECT_EQ(row.source, source);
  EXPECT_EQ(row.observed_at_us, us(observed_at));
  EXPECT_EQ(row.batch_id, 7);
  EXPECT_EQ(row.kafka_partition, 3);
  EXPECT_EQ(row.kafka_offset, 1234);
}

template <class Row>
void expect_scored(const Row& row, const Decoder& decoder) {
  ASSERT_TRUE(row.sentiment_compound.has_value());
  EXPECT_GE(*row.sentiment_compound, -1.0);
  EXPECT_LE(*row.sentiment_compound, 1.0);
  ASSERT_TRUE(row.sentiment_category.has_value());
  EXPECT_EQ(*row.sentiment_category, text::category_name(text::categorize(*row.sentiment_compound)));
  EXPECT_EQ(row.sentiment_status, "scored");
  ASSERT_TRUE(row.sentiment_model.has_value());
  EXPECT_NE(decoder.sentiment_models().find("\"" + *row.sentiment_model + "\""), std::string::npos);
}

TEST_F(DecodePlatforms, XV2PostWithIncludes) {
  decode("x_v2_post.json");
  const PostRow& post = only_post();
  expect_bronze(post, "x", "2026-11-22T10:15:03.120Z");
  EXPECT_EQ(post.post_id, "1861345987654321234");
  EXPECT_EQ(post.author_id, "2244994945");
  EXPECT_EQ(post.author_username, "ana_eats");
  EXPECT_EQ(post.created_at_us, us("2026-11-22T09:58:41Z"));
  EXPECT_EQ(post.text,
            "Loving the new #Café menu at @BistroLuna \u2014 \"best brunch\" in town! $LUNA "
            "https://t.co/AbCdEf1234");
  EXPECT_EQ(post.language, "en");
  EXPECT_EQ(post.region, "PT");
  EXPECT_EQ(post.url, "https://x.com/ana_eats/status/1861345987654321234");
  EXPECT_EQ(post.likes, 87);
  EXPECT_EQ(post.shares, 15);  // retweets + quotes
  EXPECT_EQ(post.comments, 4);
  EXPECT_EQ(post.views, std::nullopt);
  EXPECT_EQ(post.impressions, 5120);
  EXPECT_EQ(post.hashtags, Strings{"Café"});
  EXPECT_EQ(post.hashtags_normalized, Strings{"café"});
  EXPECT_EQ(post.mentions, Strings{"BistroLuna"});
  EXPECT_EQ(post.cashtags, Strings{"LUNA"});
  EXPECT_EQ(post.urls, Strings{"https://bistroluna.example/menu"});
  expect_scored(post, decoder_);
  EXPECT_EQ(post.sentiment_category, "positive");
  ASSERT_EQ(rows_.users.size(), 2U);
  const UserRow& author = rows_.users[0];
  expect_bronze(author, "x", "2026-11-22T10:15:03.120Z");
  EXPECT_EQ(author.user_id, "2244994945");
  EXPECT_EQ(author.username, "ana_eats");
  EXPECT_EQ(author.display_name, "Ana \"Brunch\" Souza");
  EXPECT_EQ(author.followers, 48210);
  EXPECT_EQ(author.following, 512);
  EXPECT_EQ(author.verified, true);
  EXPECT_EQ(author.region, std::nullopt);
  EXPECT_EQ(rows_.users[1].user_id, "1500000000000000001");
  EXPECT_EQ(rows_.users[1].verified, false);
}

TEST_F(DecodePlatforms, XV2Reply) {
  decode("x_v2_reply.json");
  const CommentRow& reply = only_comment();
  expect_bronze(reply, "x", "2026-11-22T10:16:00Z");
  EXPECT_EQ(reply.comment_id, "1861346111111111111");
  EXPECT_EQ(reply.post_id, "1861345987654321234");
  EXPECT_EQ(reply.author_id, "98765");
  EXPECT_EQ(reply.author_username, "joerg_k");
  EXPECT_EQ(reply.created_at_us, us("2026-11-22T10:05:12Z"));
  EXPECT_EQ(reply.likes, 2);
  EXPECT_EQ(reply.language, "en");
  EXPECT_EQ(reply.mentions, Strings{"ana_eats"});
  EXPECT_TRUE(reply.hashtags.empty());  // entities present without hashtags: none
  expect_scored(reply, decoder_);
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].display_name, "Jörg");
}

TEST_F(DecodePlatforms, XV2User) {
  decode("x_v2_user.json");
  ASSERT_EQ(rows_.users.size(), 1U);
  const UserRow& user = rows_.users[0];
  expect_bronze(user, "x", "2026-11-22T10:20:00Z");
  EXPECT_EQ(user.user_id, "2244994945");
  EXPECT_EQ(user.followers, 48250);
  EXPECT_EQ(user.following, 513);
  EXPECT_EQ(user.verified, true);
}

TEST_F(DecodePlatforms, XV1StatusWithUserAndPlace) {
  decode("x_v1_status.json");
  const PostRow& post = only_post();
  EXPECT_EQ(post.post_id, "1050118621198921728");
  EXPECT_EQ(post.created_at_us, us("2018-10-10T20:19:24Z"));
  EXPECT_EQ(post.author_id, "783214");
  EXPECT_EQ(post.author_username, "baywatcher");
  EXPECT_EQ(post.url, "https://x.com/baywatcher/status/1050118621198921728");
  EXPECT_EQ(post.likes, 144);
  EXPECT_EQ(post.shares, 211);
  EXPECT_EQ(post.comments, std::nullopt);  // v1.1 has no reply count
  EXPECT_EQ(post.impressions, std::nullopt);
  EXPECT_EQ(post.region, "US");
  EXPECT_EQ(post.hashtags, (Strings{"nofilter", "SanFrancisco"}));
  EXPECT_EQ(post.hashtags_normalized, (Strings{"nofilter", "sanfrancisco"}));
  EXPECT_TRUE(post.mentions.empty());
  EXPECT_EQ(post.urls, Strings{"https://photos.example/sunset"});
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "783214");
  EXPECT_EQ(rows_.users[0].username, "baywatcher");
  EXPECT_EQ(rows_.users[0].followers, 56335);
  EXPECT_EQ(rows_.users[0].following, 140);
  EXPECT_EQ(rows_.users[0].verified, false);
}

TEST_F(DecodePlatforms, XV1Reply) {
  decode("x_v1_reply.json");
  const CommentRow& reply = only_comment();
  EXPECT_EQ(reply.comment_id, "1050295211111111111");
  EXPECT_EQ(reply.post_id, "1050118621198921728");
  EXPECT_EQ(reply.author_id, "17");
  EXPECT_EQ(reply.author_username, "kim");
  EXPECT_EQ(reply.created_at_us, us("2018-10-11T08:01:02Z"));
  EXPECT_EQ(reply.likes, 5);
  EXPECT_EQ(reply.mentions, Strings{"baywatcher"});
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "17");
}

TEST_F(DecodePlatforms, XV1User) {
  decode("x_v1_user.json");
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "783214");
  EXPECT_EQ(rows_.users[0].username, "baywatcher");
  EXPECT_EQ(rows_.users[0].display_name, "Bay Watcher");
  EXPECT_EQ(rows_.users[0].following, 141);
}

TEST_F(DecodePlatforms, XNulCharactersAreStripped) {
  decode("x_v2_post_nul.json");
  const PostRow& post = only_post();
  EXPECT_EQ(post.text, "nul inside, 日本語の投稿 #東京 and tab\there");
  EXPECT_EQ(post.hashtags, Strings{"東京"});
  EXPECT_EQ(post.language, "ja");
  EXPECT_EQ(post.url, "https://x.com/nul_user/status/1861350000000000001");
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].display_name, "NullByte");
  EXPECT_EQ(rows_.users[0].followers, std::nullopt);
}

TEST_F(DecodePlatforms, RedditLinkWithAuthor) {
  decode("reddit_t3.json");
  const PostRow& post = only_post();
  expect_bronze(post, "reddit", "2026-11-22T11:00:00Z");
  EXPECT_EQ(post.post_id, "1gxq2ab");
  EXPECT_EQ(post.author_id, "brotliebhaber");
  EXPECT_EQ(post.author_username, "brotliebhaber");
  EXPECT_EQ(post.created_at_us, 1'732'267'200'000'000);
  EXPECT_EQ(
      post.text,
      "Mein erster Sauerteig \u2013 endlich gelungen!\n\nNach drei Wochen F\u00fctterung ist das Brot "
      "wunderbar luftig geworden. Danke an alle hier f\u00fcr die Tipps!\n\nRezept:\t500 g Mehl\\Wasser");
  EXPECT_EQ(post.url,
            "https://www.reddit.com/r/Brot/comments/1gxq2ab/mein_erster_sauerteig_endlich_gelungen/");
  EXPECT_EQ(post.likes, 342);
  EXPECT_EQ(post.shares, 2);  // num_crossposts
  EXPECT_EQ(post.comments, 41);
  EXPECT_EQ(post.views, std::nullopt);
  EXPECT_EQ(post.impressions, std::nullopt);
  EXPECT_EQ(post.region, std::nullopt);
  if (text::language_detection_available()) {
    EXPECT_EQ(post.language, "de");
  }
  expect_scored(post, decoder_);
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "brotliebhaber");
  EXPECT_EQ(rows_.users[0].username, "brotliebhaber");
  EXPECT_EQ(rows_.users[0].followers, std::nullopt);
}

TEST_F(DecodePlatforms, RedditDeletedAuthorGivesNoUser) {
  decode("reddit_t3_deleted.json");
  const PostRow& post = only_post();
  EXPECT_EQ(post.author_id, std::nullopt);
  EXPECT_EQ(post.author_username, std::nullopt);
  EXPECT_EQ(post.created_at_us, 1'732'270'000'500'000);            // float seconds keep their fraction
  EXPECT_EQ(post.text, "Worst customer service I have ever had");  // empty selftext: title only
  EXPECT_EQ(post.likes, 17);
  EXPECT_EQ(post.shares, std::nullopt);
  EXPECT_EQ(post.sentiment_category, "negative");
  EXPECT_TRUE(rows_.users.empty());
}

TEST_F(DecodePlatforms, RedditComment) {
  decode("reddit_t1.json");
  const CommentRow& comment = only_comment();
  EXPECT_EQ(comment.comment_id, "lz3k9qa");
  EXPECT_EQ(comment.post_id, "1gxq2ab");
  EXPECT_EQ(comment.author_id, "baeckerin_kiel");
  EXPECT_EQ(comment.created_at_us, 1'732'268'100'000'000);
  EXPECT_EQ(comment.likes, 12);
  EXPECT_EQ(comment.hashtags, Strings{"sauerteig"});  // from the text
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "baeckerin_kiel");
}

TEST_F(DecodePlatforms, RedditAccount) {
  decode("reddit_t2.json");
  ASSERT_EQ(rows_.users.size(), 1U);
  const UserRow& user = rows_.users[0];
  EXPECT_EQ(user.user_id, "brotliebhaber");  // the name, as for authors
  EXPECT_EQ(user.username, "brotliebhaber");
  EXPECT_EQ(user.display_name, "Brot & Liebe");
  EXPECT_EQ(user.followers, 58);
  EXPECT_EQ(user.following, std::nullopt);
  EXPECT_EQ(user.verified, std::nullopt);
}

TEST_F(DecodePlatforms, YouTubeVideoWithStringCounts) {
  decode("youtube_video.json");
  const PostRow& post = only_post();
  expect_bronze(post, "youtube", "2026-11-22T12:00:00Z");
  EXPECT_EQ(post.post_id, "dQw4w9WgXcQ");
  EXPECT_EQ(post.author_id, "UC38IQsAvIsxxjztdMZQtwHA");
  EXPECT_EQ(post.author_username, std::nullopt);
  EXPECT_EQ(post.created_at_us, us("2026-11-20T18:30:00Z"));
  EXPECT_EQ(post.text,
            "Aurora X2 review: absolutely amazing camera\n\nTwo weeks with the phone. #AuroraX2 "
            "#ShotOnAurora\n\nChapters:\n0:00 Intro");
  EXPECT_EQ(post.language, "pt-BR");
  EXPECT_EQ(post.url, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  EXPECT_EQ(post.views, 1234567);
  EXPECT_EQ(post.likes, 45210);
  EXPECT_EQ(post.comments, 3021);
  EXPECT_EQ(post.shares, std::nullopt);
  EXPECT_EQ(post.impressions, std::nullopt);
  EXPECT_EQ(post.hashtags, (Strings{"AuroraX2", "ShotOnAurora", "phone review"}));  // snippet.tags
  // The channel's defaultLanguage (pt-BR) picks the model, whatever the text.
  EXPECT_EQ(post.language, "pt-BR");
  EXPECT_EQ(post.sentiment_status, "scored");
  EXPECT_TRUE(post.sentiment_model.value_or("").starts_with("smelt-lexicon-pt/")) << *post.sentiment_model;
  EXPECT_TRUE(rows_.users.empty());
}

TEST_F(DecodePlatforms, YouTubeVideoWithHiddenCounts) {
  decode("youtube_video_hidden_counts.json");
  const PostRow& post = only_post();
  EXPECT_EQ(post.views, 88);
  EXPECT_EQ(post.likes, std::nullopt);
  EXPECT_EQ(post.comments, std::nullopt);
  EXPECT_EQ(post.text, "Unboxing");
  EXPECT_TRUE(post.hashtags.empty());
}

TEST_F(DecodePlatforms, YouTubeCommentThread) {
  decode("youtube_comment_thread.json");
  const CommentRow& comment = only_comment();
  EXPECT_EQ(comment.comment_id, "UgzDE2tasfmrYLyNkGt4AaABAg");
  EXPECT_EQ(comment.post_id, "dQw4w9WgXcQ");
  EXPECT_EQ(comment.author_id, "UCm4r14n4s1lv4xxxxxxxxxx");
  EXPECT_EQ(comment.author_username, "mariana.silva");
  EXPECT_EQ(comment.created_at_us, us("2026-11-21T09:12:44Z"));
  EXPECT_EQ(comment.text, "Ótimo vídeo, obrigado! <3");  // textOriginal, not the HTML textDisplay
  EXPECT_EQ(comment.likes, 14);
  expect_scored(comment, decoder_);
}

TEST_F(DecodePlatforms, YouTubeChannel) {
  decode("youtube_channel.json");
  ASSERT_EQ(rows_.users.size(), 1U);
  const UserRow& user = rows_.users[0];
  EXPECT_EQ(user.user_id, "UC38IQsAvIsxxjztdMZQtwHA");
  EXPECT_EQ(user.username, "techagora");
  EXPECT_EQ(user.display_name, "Tech Ágora");
  EXPECT_EQ(user.followers, 412000);
  EXPECT_EQ(user.following, std::nullopt);
  EXPECT_EQ(user.region, "BR");
}

TEST_F(DecodePlatforms, InstagramMedia) {
  decode("instagram_media.json");
  const PostRow& post = only_post();
  expect_bronze(post, "instagram", "2026-11-22T13:00:00Z");
  EXPECT_EQ(post.post_id, "17896129349106152");
  EXPECT_EQ(post.author_id, "17841400000000001");
  EXPECT_EQ(post.author_username, "carla.rio");
  EXPECT_EQ(post.created_at_us, us("2026-11-22T11:45:20Z"));  // "+0000"
  EXPECT_EQ(post.url, "https://www.instagram.com/p/CRyZpmrjYC4/");
  EXPECT_EQ(post.likes, 340);
  EXPECT_EQ(post.comments, 12);
  EXPECT_EQ(post.shares, std::nullopt);
  EXPECT_EQ(post.views, std::nullopt);
  EXPECT_EQ(post.hashtags, (Strings{"praia", "verao", "FimDeSemana"}));
  EXPECT_EQ(post.hashtags_normalized, (Strings{"praia", "verao", "fimdesemana"}));
  expect_scored(post, decoder_);
  EXPECT_TRUE(rows_.users.empty());
}

TEST_F(DecodePlatforms, InstagramMediaWithoutCaptionOrLikes) {
  decode("instagram_media_hidden_likes.json");
  const PostRow& post = only_post();
  EXPECT_EQ(post.created_at_us, us("2026-11-22T15:00:00Z"));  // 12:00 at -0300
  EXPECT_EQ(post.likes, std::nullopt);
  EXPECT_EQ(post.comments, 0);
  EXPECT_EQ(post.text, std::nullopt);
  EXPECT_EQ(post.language, "und");
  EXPECT_EQ(post.sentiment_compound, std::nullopt);
  EXPECT_EQ(post.sentiment_category, std::nullopt);
  EXPECT_EQ(post.sentiment_model, std::nullopt);
}

TEST_F(DecodePlatforms, InstagramComment) {
  decode("instagram_comment.json");
  const CommentRow& comment = only_comment();
  EXPECT_EQ(comment.comment_id, "17858893269000001");
  EXPECT_EQ(comment.post_id, "17896129349106152");
  EXPECT_EQ(comment.author_id, "17841400000000009");
  EXPECT_EQ(comment.author_username, "luiza.m");
  EXPECT_EQ(comment.created_at_us, us("2026-11-22T12:01:02Z"));
  EXPECT_EQ(comment.likes, 3);
  EXPECT_EQ(comment.text, "Que lindo!! \U0001F60D");
}

TEST_F(DecodePlatforms, InstagramUser) {
  decode("instagram_user.json");
  ASSERT_EQ(rows_.users.size(), 1U);
  EXPECT_EQ(rows_.users[0].user_id, "17841400000000001");
  EXPECT_EQ(rows_.users[0].username, "carla.rio");
  EXPECT_EQ(rows_.users[0].display_name, "Carla Ribeiro");
  EXPECT_EQ(rows_.users[0].followers, 15230);
  EXPECT_EQ(rows_.users[0].following, 801);
  EXPECT_EQ(rows_.users[0].verified, std::nullopt);
}

TEST_F(DecodePlatforms, TikTokVideoKeepsNineteenDigitId) {
  decode("tiktok_video.json");
  const PostRow& post = only_post();
  expect_bronze(post, "tiktok", "2026-11-22T14:00:00Z");
  EXPECT_EQ(post.post_id, "7320768196569599275");
  EXPECT_EQ(post.author_id, "s.clovis");
  EXPECT_EQ(post.author_username, "s.clovis");
  EXPECT_EQ(post.created_at_us, 1'704'499'196'000'000);
  EXPECT_EQ(post.region, "US");
  EXPECT_EQ(post.url, "https://www.tiktok.com/@s.clovis/video/7320768196569599275");
  EXPECT_EQ(post.likes, 6);
  EXPECT_EQ(post.comments, 0);
  EXPECT_EQ(post.views, 4);
  EXPECT_EQ(post.shares, std::nullopt);                 // share_count missing
  EXPECT_EQ(post.hashtags, (Strings{"cats", "duet"}));  // hashtag_names, in their order
  EXPECT_EQ(post.mentions, Strings{"MarvelKitties2022"});
}

TEST_F(DecodePlatforms, TikTokComment) {
  decode("tiktok_comment.json");
  const CommentRow& comment = only_comment();
  EXPECT_EQ(comment.comment_id, "7320770000000000001");
  EXPECT_EQ(comment.post_id, "7320768196569599275");
  EXPECT_EQ(comment.author_id, std::nullopt);
  EXPECT_EQ(comment.author_username, std::nullopt);
  EXPECT_EQ(comment.created_at_us, 1'704'499'500'000'000);
  EXPECT_EQ(comment.likes, 2);
  EXPECT_EQ(comment.sentiment_category, "positive");
}

TEST_F(DecodePlatforms, TikTokUser) {
  decode("tiktok_user.json");
  ASSERT_EQ(rows_.users.size(), 1U);
  const UserRow& user = rows_.users[0];
  EXPECT_EQ(user.user_id, "s.clovis");
  EXPECT_EQ(user.display_name, "Sam Clovis \u2728");
  EXPECT_EQ(user.followers, 1520);
  EXPECT_EQ(user.following, 200);
  EXPECT_EQ(user.verified, false);
}

TEST_F(DecodePlatforms, EveryStringIsValidUtf8WithoutNul) {
  for (const char* name :
       {"x_v2_post.json", "x_v2_reply.json", "x_v1_status.json", "x_v2_post_nul.json", "reddit_t3.json",
        "youtube_video.json", "instagram_media.json", "tiktok_video.json"}) {
    decode(name);
  }
  auto check = [](const std::string& value) {
    EXPECT_TRUE(text::utf8::is_valid(value)) << value;
    EXPECT_EQ(value.find('\0'), std::string::npos) << value;
  };
  for (const auto& post : rows_.posts) {
    check(post.post_id);
    check(post.text.value_or(""));
    check(post.language);
    for (const auto& tag : post.hashtags) check(tag);
  }
  for (const auto& user : rows_.users) check(user.display_name.value_or(""));
}

}  // namespace
}  // namespace smelt::decode
