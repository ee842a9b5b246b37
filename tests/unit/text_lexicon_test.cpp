// Loading the lexicons installed by scripts/setup.sh.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "text/lexicon.hpp"

namespace smelt::text {
namespace {

TEST(TextLexicon, LoadsThePackagedFilesQuickly) {
  const auto start = std::chrono::steady_clock::now();
  const Lexicon lexicon = Lexicon::load_default();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::milliseconds(50));
  EXPECT_EQ(lexicon.word_count(), 7503U);  // 7517 lines, duplicates keep the last value
  EXPECT_GT(lexicon.emoji_count(), 500U);
  EXPECT_EQ(lexicon.data_version(), "vader-sentiment-1.1.3+esr-1.0");
}

TEST(TextLexicon, WordsRuleWordsAndEmoji) {
  const Lexicon lexicon = Lexicon::load_default();
  ASSERT_NE(lexicon.find("good"), nullptr);
  EXPECT_DOUBLE_EQ(lexicon.find("good")->valence, 1.9);
  EXPECT_DOUBLE_EQ(lexicon.find("lol")->valence, 1.8);  // the later of two entries wins
  EXPECT_EQ(lexicon.find("Good"), nullptr);             // keys are looked up lowercased
  EXPECT_TRUE(lexicon.find("not")->negation);
  EXPECT_FALSE(lexicon.find("not")->in_lexicon);
  EXPECT_DOUBLE_EQ(lexicon.find("very")->booster, 0.293);
  EXPECT_DOUBLE_EQ(lexicon.find("slightly")->booster, -0.293);
  EXPECT_EQ(lexicon.find("qwertyuiop"), nullptr);
  ASSERT_NE(lexicon.find_emoji(U'😍'), nullptr);
  EXPECT_GT(*lexicon.find_emoji(U'😍'), 2.0);
  EXPECT_LT(*lexicon.find_emoji(U'😡'), 0.0);
  EXPECT_EQ(lexicon.find_emoji(U'A'), nullptr);
  EXPECT_EQ(lexicon.find_emoji(0x2588), nullptr);  // box drawing in the data set, not an emoji
}

TEST(TextLexicon, ModifiedDataChangesTheVersion) {
  const LexiconPaths packaged = locate_lexicon();
  const auto copy = std::filesystem::temp_directory_path() / "smelt_text_lexicon_test.txt";
  std::filesystem::copy_file(packaged.vader, copy, std::filesystem::copy_options::overwrite_existing);
  std::ofstream(copy, std::ios::app) << "smeltastic\t3.0\t0.5\t[3, 3]\n";
  const Lexicon lexicon = Lexicon::load({copy, packaged.emoji});
  EXPECT_DOUBLE_EQ(lexicon.find("smeltastic")->valence, 3.0);
  EXPECT_TRUE(lexicon.data_version().starts_with("vader-sentiment-1.1.3+lexicon-")) << lexicon.data_version();
  std::filesystem::remove(copy);
}

TEST(TextLexicon, MalformedLineNamesFileAndLine) {
  const LexiconPaths packaged = locate_lexicon();
  const auto bad = std::filesystem::temp_directory_path() / "smelt_text_lexicon_bad.txt";
  std::ofstream(bad) << "good\t1.9\nbroken line without a tab\n";
  try {
    Lexicon::load({bad, packaged.emoji});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("smelt_text_lexicon_bad.txt:2"), std::string::npos) << e.what();
  }
  std::filesystem::remove(bad);
}

TEST(TextLexicon, ExplicitAndEnvironmentPaths) {
  EXPECT_THROW(locate_lexicon({"/nonexistent/vader_lexicon.txt", ""}), Error);
  const LexiconPaths packaged = locate_lexicon();
  setenv("SMELT_LEXICON", packaged.vader.c_str(), 1);
  EXPECT_EQ(locate_lexicon().vader, packaged.vader);
  setenv("SMELT_LEXICON", "/nonexistent/from-env.txt", 1);
  try {
    locate_lexicon();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("SMELT_LEXICON"), std::string::npos) << e.what();
  }
  unsetenv("SMELT_LEXICON");
}

}  // namespace
}  // namespace smelt::text
