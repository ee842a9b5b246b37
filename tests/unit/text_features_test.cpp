// Features of whole posts: platform data first, the text for the rest.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "text/features.hpp"

namespace smelt::text {
namespace {

const std::shared_ptr<const Lexicon>& lexicon() {
  static const auto loaded = std::make_shared<const Lexicon>(Lexicon::load_default());
  return loaded;
}

std::vector<std::string> tags_of(const Features& f) {
  std::vector<std::string> out;
  for (const auto& h : f.hashtags) out.push_back(h.tag);
  return out;
}

std::vector<std::string> keys_of(const Features& f) {
  std::vector<std::string> out;
  for (const auto& h : f.hashtags) out.push_back(h.normalized);
  return out;
}

using Strings = std::vector<std::string>;

TEST(TextFeatures, ExtractsEverythingFromText) {
  const Analyzer analyzer(lexicon());
  const Features f = analyzer.analyze("Loving the new #Café menu! @jack $AAPL https://t.co/abc #CAFE\u0301");
  EXPECT_EQ(f.sentiment.category, Category::positive);
  EXPECT_EQ(tags_of(f), (Strings{"Café", "CAFE\u0301"}));
  EXPECT_EQ(keys_of(f), (Strings{"café", "café"}));
  EXPECT_EQ(f.mentions, Strings{"jack"});
  EXPECT_EQ(f.cashtags, Strings{"AAPL"});
  EXPECT_EQ(f.urls, Strings{"https://t.co/abc"});
  EXPECT_EQ(f.hashtag_source, EntitySource::text);
}

TEST(TextFeatures, PlatformListsReplaceExtraction) {
  const Analyzer analyzer(lexicon());
  Hints hints;
  hints.platform = Platform::youtube;
  hints.hashtags = Strings{"Cooking Tips", "#Recipe", "", "＃ｅａｓｙ"};
  hints.mentions = Strings{"@Chef"};
  const Features f = analyzer.analyze("My best #pasta recipe @someone", hints);
  EXPECT_EQ(tags_of(f), (Strings{"Cooking Tips", "Recipe", "ｅａｓｙ"}));
  EXPECT_EQ(keys_of(f), (Strings{"cooking tips", "recipe", "easy"}));
  EXPECT_EQ(f.hashtag_source, EntitySource::platform);
  EXPECT_EQ(f.mentions, Strings{"Chef"});

  hints.hashtags = Strings{};  // the platform says: no hashtags
  EXPECT_TRUE(analyzer.analyze("My best #pasta recipe", hints).hashtags.empty());
}

TEST(TextFeatures, LanguageFromPlatformThenDetection) {
  const Analyzer analyzer(lexicon());
  Hints hints;
  hints.language = "pt";
  EXPECT_EQ(analyzer.analyze("Good morning", hints).language.code, "pt");
  EXPECT_EQ(analyzer.analyze("Good morning", hints).language.source, LanguageSource::platform);

  hints.language = "und";  // X could not tell: detect
  const Features short_text = analyzer.analyze("#POIUYTREWQ", hints);
  EXPECT_EQ(short_text.language.code, "und");
  EXPECT_EQ(short_text.language.source, LanguageSource::undetermined);

  if (!language_detection_available()) GTEST_SKIP() << "built without CLD2";
  const Features english = analyzer.analyze(
      "@support The delivery was late again and nobody answered my emails https://example.com/ticket #fail",
      hints);
  EXPECT_EQ(english.language.code, "en");
  EXPECT_EQ(english.language.source, LanguageSource::detected);
}

TEST(TextFeatures, LanguageDetectionCanBeTurnedOff) {
  const Analyzer analyzer(lexicon(), {Rules::social, false});
  const Features f =
      analyzer.analyze("The weather is lovely today and we are going to the beach with the kids.");
  EXPECT_EQ(f.language.code, "und");
}

TEST(TextFeatures, PlatformNames) {
  EXPECT_EQ(parse_platform("x"), Platform::x);
  EXPECT_EQ(parse_platform("twitter"), Platform::x);
  EXPECT_EQ(parse_platform("tiktok"), Platform::tiktok);
  EXPECT_EQ(parse_platform("myspace"), std::nullopt);
  EXPECT_EQ(platform_name(Platform::youtube), "youtube");
  EXPECT_EQ(platform_name(Platform::unknown), "unknown");
}

// The recorded API responses in ../shared/fixtures: smelt's extraction from
// the text agrees with the entities the platforms computed themselves.
std::filesystem::path fixtures() { return SMELT_SHARED_FIXTURES; }

TEST(TextFeatures, AgreesWithXEntities) {
  if (!std::filesystem::exists(fixtures() / "x")) GTEST_SKIP() << "no shared fixtures";
  simdjson::dom::parser parser;
  int tweets = 0;
  for (const char* file : {"x/two_tweets.jsonl", "x/mentions_tweet.jsonl"}) {
    simdjson::dom::document_stream stream;
    ASSERT_EQ(parser.load_many((fixtures() / file).string()).get(stream), simdjson::SUCCESS);
    for (auto page : stream) {
      for (auto tweet : page["data"].get_array()) {
        const std::string_view text = tweet["text"].get_string();
        Strings tags;
        Strings users;
        simdjson::dom::array list;
        if (tweet["entities"]["hashtags"].get_array().get(list) == simdjson::SUCCESS) {
          for (auto h : list) tags.emplace_back(std::string_view(h["tag"].get_string()));
        }
        if (tweet["entities"]["mentions"].get_array().get(list) == simdjson::SUCCESS) {
          for (auto m : list) users.emplace_back(std::string_view(m["username"].get_string()));
        }
        const Features f = Analyzer(lexicon()).analyze(text);
        EXPECT_EQ(tags_of(f), tags) << text;
        EXPECT_EQ(f.mentions, users) << text;
        ++tweets;
      }
    }
  }
  EXPECT_GT(tweets, 0);
}

// TikTok's own hashtag rules differ from X's: "#fy#cat#fyp" makes three
// hashtags and emoji may end one ("#honduras🇭🇳"). Its hashtag_names win.
TEST(TextFeatures, TikTokHashtagNamesWin) {
  const auto file = fixtures() / "tiktok" / "api_videos_response_page_1_of_2.json";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no shared fixtures";
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.load(file.string()).get(root), simdjson::SUCCESS);
  const Analyzer analyzer(lexicon());
  int videos = 0;
  for (auto video : root["data"]["videos"].get_array()) {
    std::string_view description;
    simdjson::dom::array names;
    if (video["video_description"].get(description) != simdjson::SUCCESS ||
        video["hashtag_names"].get(names) != simdjson::SUCCESS) {
      continue;
    }
    Hints hints;
    hints.platform = Platform::tiktok;
    hints.hashtags.emplace();
    for (auto name : names) hints.hashtags->emplace_back(std::string_view(name.get_string()));
    const Features f = analyzer.analyze(description, hints);
    EXPECT_EQ(f.hashtag_source, EntitySource::platform);
    EXPECT_EQ(tags_of(f), *hints.hashtags) << description;
    ++videos;
  }
  EXPECT_GT(videos, 0);
}

}  // namespace
}  // namespace smelt::text
