// Sentiment rules one by one. Expected compound scores under the reference
// rules are what the npm package vader-sentiment 1.1.3 returns for the same
// sentence (bench/vader_compare.sh checks hundreds more).

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "text/sentiment.hpp"

namespace smelt::text {
namespace {

const std::shared_ptr<const Lexicon>& lexicon() {
  // Found like the binary finds it: node_modules/ installed by scripts/setup.sh.
  static const auto loaded = std::make_shared<const Lexicon>(Lexicon::load_default());
  return loaded;
}

double reference(std::string_view text) {
  return SentimentScorer(lexicon(), Rules::reference).score(text).compound;
}
double social(std::string_view text) {
  return SentimentScorer(lexicon(), Rules::social).score(text).compound;
}

TEST(TextSentiment, LexiconWordSetsTheScore) {
  const Sentiment s = SentimentScorer(lexicon(), Rules::reference).score("The food is good");
  EXPECT_DOUBLE_EQ(s.compound, 0.4404);
  EXPECT_DOUBLE_EQ(s.positive, 0.492);
  EXPECT_DOUBLE_EQ(s.neutral, 0.508);
  EXPECT_DOUBLE_EQ(s.negative, 0.0);
  EXPECT_EQ(s.category, Category::positive);
}

TEST(TextSentiment, PublishedVaderExamples) {
  EXPECT_DOUBLE_EQ(reference("VADER is smart, handsome, and funny."), 0.8316);
  EXPECT_DOUBLE_EQ(reference("VADER is not smart, handsome, nor funny."), -0.7424);
  EXPECT_DOUBLE_EQ(reference("VADER is VERY SMART, handsome, and FUNNY."), 0.9227);
  EXPECT_DOUBLE_EQ(reference("Today SUX!"), -0.5461);
  EXPECT_DOUBLE_EQ(reference("Make sure you :) or :D today!"), 0.8633);
  EXPECT_DOUBLE_EQ(
      reference("The plot was good, but the characters are uncompelling and the dialog is not great."),
      -0.7042);
}

TEST(TextSentiment, NegationFlipsAndDampens) {
  EXPECT_DOUBLE_EQ(reference("The food is not good"), -0.3412);
  EXPECT_DOUBLE_EQ(reference("The food isn't good"), -0.3412);
  EXPECT_DOUBLE_EQ(reference("The food is never good"), -0.3412);
  EXPECT_DOUBLE_EQ(reference("He is not very happy"), -0.4964);
  EXPECT_DOUBLE_EQ(reference("I don't like it"), -0.2755);
}

TEST(TextSentiment, NeverSoAndNeverThisIntensify) {
  EXPECT_DOUBLE_EQ(reference("It was never so good"), 0.7279);
  EXPECT_DOUBLE_EQ(reference("It was never this good"), 0.677);
}

TEST(TextSentiment, ReferenceMatchesNegationsCaseSensitivelySocialDoesNot) {
  EXPECT_DOUBLE_EQ(reference("Not happy"), 0.5719);  // the reference misses "Not"
  EXPECT_DOUBLE_EQ(reference("not happy"), -0.4585);
  EXPECT_DOUBLE_EQ(social("Not happy"), -0.4585);
  EXPECT_DOUBLE_EQ(social("NOT happy"), -0.4585);
}

TEST(TextSentiment, BoostersAndDampeners) {
  EXPECT_DOUBLE_EQ(reference("The food is very good"), 0.4927);
  EXPECT_DOUBLE_EQ(reference("The food is extremely good"), 0.4927);
  EXPECT_DOUBLE_EQ(reference("The food is slightly good"), 0.3832);
  EXPECT_DOUBLE_EQ(reference("The food is kind of good"), 0.3832);
  EXPECT_GT(reference("The food is very good"), reference("The food is good"));
  EXPECT_LT(reference("The food is slightly good"), reference("The food is good"));
}

TEST(TextSentiment, AllCapsEmphasisOnlyInMixedCase) {
  EXPECT_DOUBLE_EQ(reference("The food is GOOD"), 0.5622);
  EXPECT_DOUBLE_EQ(reference("THE FOOD IS GOOD"), 0.4404);    // everything shouts: no emphasis
  EXPECT_DOUBLE_EQ(reference("This is VERY good."), 0.6028);  // a capitalised booster
  EXPECT_DOUBLE_EQ(reference("This is very GOOD."), 0.6028);
}

TEST(TextSentiment, ExclamationMarksAddUpToFour) {
  EXPECT_DOUBLE_EQ(reference("The food is good!"), 0.4926);
  EXPECT_DOUBLE_EQ(reference("The food is good!!"), 0.5399);
  EXPECT_DOUBLE_EQ(reference("The food is good!!!"), 0.5826);
  // "good!!!!" is not stripped by the reference, so the word goes unscored;
  // the social rules strip it and cap the emphasis at four marks.
  EXPECT_DOUBLE_EQ(reference("The food is good!!!!"), 0.0);
  EXPECT_DOUBLE_EQ(social("The food is good!!!!"), 0.6209);
  EXPECT_DOUBLE_EQ(social("The food is good!!!!!!"), 0.6209);
}

TEST(TextSentiment, QuestionMarksAmplifyFromTwo) {
  EXPECT_DOUBLE_EQ(reference("Is the food good??"), 0.504);
  EXPECT_DOUBLE_EQ(reference("Is the food good???"), 0.533);
  // Four or more add a fixed 0.96; the reference leaves "good?????" unscored.
  EXPECT_DOUBLE_EQ(reference("Is the food good?????"), 0.0);
  EXPECT_GT(social("Is the food good?????"), social("Is the food good???"));
}

TEST(TextSentiment, ButShiftsWeightToTheSecondClause) {
  EXPECT_DOUBLE_EQ(reference("The food is good but the service is bad"), -0.5859);
  EXPECT_DOUBLE_EQ(reference("The food is bad but the service is good"), 0.3818);
  EXPECT_DOUBLE_EQ(reference("The movie was GREAT but the ending was BAD"), -0.6037);
}

TEST(TextSentiment, SocialRulesFindCapitalisedBut) {
  const SentimentScorer scorer(lexicon(), Rules::social);
  const auto tokens = scorer.explain("But it was good");
  ASSERT_EQ(tokens.size(), 4U);
  EXPECT_DOUBLE_EQ(tokens[3].valence, 1.9 * 1.5);
  EXPECT_DOUBLE_EQ(reference("But it was good"), reference("it was good"));
}

TEST(TextSentiment, EmoticonsAreLexiconEntries) {
  EXPECT_DOUBLE_EQ(reference("The food is good :)"), 0.7096);
  EXPECT_DOUBLE_EQ(reference("The food is good :("), 0.0);
  EXPECT_DOUBLE_EQ(reference("The food is good <3"), 0.7003);
  EXPECT_DOUBLE_EQ(reference("The food is good :D"), 0.7865);
  EXPECT_DOUBLE_EQ(social("The food is good :)"), 0.7096);  // emoticons survive the social stripping
}

TEST(TextSentiment, SlangIsInTheLexicon) {
  EXPECT_DOUBLE_EQ(reference("lol"), 0.4215);
  EXPECT_LT(reference("wtf is this"), 0.0);
}

TEST(TextSentiment, IdiomsAndLeast) {
  EXPECT_DOUBLE_EQ(reference("At least the food is good"), 0.4404);
  EXPECT_DOUBLE_EQ(reference("The least good food"), -0.3412);
  EXPECT_DOUBLE_EQ(reference("This party is the bomb"), -0.128);
}

TEST(TextSentiment, EmojiScoreUnderSocialRulesOnly) {
  EXPECT_DOUBLE_EQ(reference("I like it 😍"), 0.3612);  // the reference has no emoji data
  EXPECT_DOUBLE_EQ(social("I like it 😍"), 0.7351);
  EXPECT_GT(social("Thank you ❤️"), reference("Thank you ❤️"));
  EXPECT_LT(social("Angry right now 😡"), reference("Angry right now 😡"));
  EXPECT_LT(social("Meeting moved 👎"), 0.0);
}

TEST(TextSentiment, EmojiModifiersKeepTheBaseValence) {
  const double plain = social("Good morning 👍");
  EXPECT_DOUBLE_EQ(social("Good morning 👍🏽"), plain);       // skin tone
  EXPECT_DOUBLE_EQ(social("Good morning 👍\xEF\xB8\x8F"), plain);  // VS16
  EXPECT_DOUBLE_EQ(social("great😂"), social("great 😂"));          // split from the word
}

TEST(TextSentiment, TypographicSymbolsCarryNoValence) {
  EXPECT_DOUBLE_EQ(social("©2025 Acme Inc"), 0.0);
  EXPECT_DOUBLE_EQ(social("Acme® Widgets™"), 0.0);
}

TEST(TextSentiment, TypographicApostropheNegatesUnderSocialRules) {
  EXPECT_DOUBLE_EQ(reference("I don’t like it"), 0.3612);
  EXPECT_DOUBLE_EQ(social("I don’t like it"), -0.2755);
  EXPECT_DOUBLE_EQ(social("I don’t like it"), social("I don't like it"));
}

TEST(TextSentiment, SocialRulesStripPunctuationAroundWords) {
  EXPECT_DOUBLE_EQ(reference("(good)"), 0.0);
  EXPECT_DOUBLE_EQ(social("(good)"), social("good"));
  EXPECT_DOUBLE_EQ(social("#blessed"), social("blessed"));
  EXPECT_DOUBLE_EQ(social("<3"), reference("<3"));  // short emoticons stay whole
}

TEST(TextSentiment, EmptyAndNeutralTexts) {
  const SentimentScorer scorer(lexicon());
  const Sentiment empty = scorer.score("");
  EXPECT_DOUBLE_EQ(empty.compound, 0.0);
  EXPECT_DOUBLE_EQ(empty.neutral, 0.0);
  EXPECT_EQ(empty.category, Category::neutral);
  const Sentiment plain = scorer.score("The meeting is on Thursday");
  EXPECT_DOUBLE_EQ(plain.compound, 0.0);
  EXPECT_DOUBLE_EQ(plain.neutral, 1.0);
}

TEST(TextSentiment, IllFormedUtf8IsTolerated) {
  const SentimentScorer scorer(lexicon());
  EXPECT_DOUBLE_EQ(scorer.score("good \xFF\xFE bad \xC3").compound, scorer.score("good bad").compound);
  EXPECT_GT(scorer.score("great \xE2\x82 day").compound, 0.0);
}

TEST(TextSentiment, CategoryThresholds) {
  EXPECT_EQ(categorize(0.05), Category::positive);
  EXPECT_EQ(categorize(0.0499), Category::neutral);
  EXPECT_EQ(categorize(0.0), Category::neutral);
  EXPECT_EQ(categorize(-0.0499), Category::neutral);
  EXPECT_EQ(categorize(-0.05), Category::negative);
  EXPECT_EQ(category_name(Category::positive), "positive");
  EXPECT_EQ(category_name(Category::neutral), "neutral");
  EXPECT_EQ(category_name(Category::negative), "negative");
}

TEST(TextSentiment, ModelNameAndVersion) {
  const SentimentScorer social_scorer(lexicon(), Rules::social);
  const SentimentScorer reference_scorer(lexicon(), Rules::reference);
  EXPECT_EQ(social_scorer.model_name(), "vader-cpp");
  EXPECT_EQ(reference_scorer.model_name(), "vader-cpp-reference");
  EXPECT_EQ(social_scorer.model_version(), MODEL_VERSION);
  EXPECT_EQ(reference_scorer.model_version(), "1.0.0+vader-sentiment-1.1.3");
  EXPECT_NE(std::string(MODEL_VERSION).find("vader-sentiment-1.1.3"), std::string::npos);
  EXPECT_TRUE(std::string(MODEL_VERSION).starts_with(RULES_VERSION));
}

TEST(TextSentiment, ExplainListsTokensAndValences) {
  const auto tokens = SentimentScorer(lexicon(), Rules::reference).explain("The food is not good!");
  ASSERT_EQ(tokens.size(), 5U);
  EXPECT_EQ(tokens[4].token, "good");
  EXPECT_LT(tokens[4].valence, 0.0);
  EXPECT_DOUBLE_EQ(tokens[0].valence, 0.0);
}

TEST(TextSentiment, ScoresAreStableAcrossThreads) {
  const SentimentScorer scorer(lexicon());
  const double expected = scorer.score("Great job, but the ending was awful!!").compound;
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        if (scorer.score("Great job, but the ending was awful!!").compound != expected) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace smelt::text
