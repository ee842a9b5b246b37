// The decoder's memory of post features: the same answers as the analyzer,
// computed once per distinct text and hints.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "text/feature_cache.hpp"

namespace smelt::text {
namespace {

const Analyzer& analyzer() {
  static const Analyzer loaded(std::make_shared<const Lexicon>(Lexicon::load_default()));
  return loaded;
}

void expect_same(const Features& a, const Features& b) {
  EXPECT_EQ(a.sentiment.compound, b.sentiment.compound);
  EXPECT_EQ(a.sentiment.category, b.sentiment.category);
  EXPECT_EQ(a.sentiment_status, b.sentiment_status);
  EXPECT_EQ(a.sentiment_model, b.sentiment_model);
  ASSERT_EQ(a.hashtags.size(), b.hashtags.size());
  for (std::size_t i = 0; i < a.hashtags.size(); ++i) {
    EXPECT_EQ(a.hashtags[i].tag, b.hashtags[i].tag);
    EXPECT_EQ(a.hashtags[i].normalized, b.hashtags[i].normalized);
  }
  EXPECT_EQ(a.mentions, b.mentions);
  EXPECT_EQ(a.cashtags, b.cashtags);
  EXPECT_EQ(a.urls, b.urls);
  EXPECT_EQ(a.language.code, b.language.code);
  EXPECT_EQ(a.hashtag_source, b.hashtag_source);
}

TEST(FeatureCache, AnswersAsTheAnalyzerAndComputesEachTextOnce) {
  FeatureCache cache;
  const std::string text = "Loving the new #Orbit launch! @jack https://t.co/abc";
  Hints hints;
  hints.platform = Platform::x;
  for (int i = 0; i < 3; ++i) expect_same(cache.analyze(analyzer(), text, hints), analyzer().analyze(text, hints));
  EXPECT_EQ(cache.lookups(), 3u);
  EXPECT_EQ(cache.hits(), 2u);
}

TEST(FeatureCache, EveryHintIsPartOfTheKey) {
  FeatureCache cache;
  const std::string text = "que bonito dia #sol";
  Hints plain;
  Hints spanish;
  spanish.language = "es";
  Hints listed;
  listed.hashtags = std::vector<std::string>{"luna"};
  Hints empty_list;
  empty_list.hashtags = std::vector<std::string>{};
  Hints context;
  context.context_languages = {"pt"};
  Hints instagram;
  instagram.platform = Platform::instagram;
  for (const Hints* hints : {&plain, &spanish, &listed, &empty_list, &context, &instagram}) {
    expect_same(cache.analyze(analyzer(), text, *hints), analyzer().analyze(text, *hints));
  }
  EXPECT_EQ(cache.hits(), 0u) << "six different hint sets, six analyses";
  EXPECT_EQ(cache.analyze(analyzer(), text, listed).hashtags.at(0).tag, "luna");
  EXPECT_TRUE(cache.analyze(analyzer(), text, empty_list).hashtags.empty());
  EXPECT_EQ(cache.hits(), 2u);
}

TEST(FeatureCache, TextsSeenAgainOutliveOneOffTexts) {
  FeatureCache cache(2);
  const Hints hints;
  cache.analyze(analyzer(), "hot post", hints);
  for (int i = 0; i < 10; ++i) {
    cache.analyze(analyzer(), "one-off " + std::to_string(i), hints);
    cache.analyze(analyzer(), "hot post", hints);  // seen between every other text
  }
  EXPECT_EQ(cache.hits(), 10u) << "the hot text was analyzed once";
  const auto before = cache.hits();
  cache.analyze(analyzer(), "one-off 0", hints);
  EXPECT_EQ(cache.hits(), before) << "an old one-off text aged out";
}

}  // namespace
}  // namespace smelt::text
