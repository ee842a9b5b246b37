// `smelt text` end to end: lines in, JSON lines out.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "support/process.hpp"

namespace smelt {
namespace {

// Runs `smelt text ARGS` with `input` on standard input.
testing::RunResult run_text(const std::string& input, const std::string& args = "") {
  const std::string script = "printf '%s' \"$INPUT\" | \"$SMELT\" text " + args;
  return testing::run_command({"/bin/sh", "-c", script}, {{"INPUT", input}, {"SMELT", SMELT_BINARY}});
}

std::vector<std::string> lines(const std::string& out) {
  std::vector<std::string> result;
  std::size_t start = 0;
  while (start < out.size()) {
    const auto end = out.find('\n', start);
    result.push_back(out.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return result;
}

TEST(TextCommand, OneJsonLinePerInputLine) {
  const auto result = run_text(
      "I love this #Café!\n"
      "{\"id\": 7, \"text\": \"Worst service ever @airline\", \"platform\": \"x\", \"lang\": \"en\"}\n"
      "\n"
      "{not json at all\n");
  ASSERT_EQ(result.code, 0) << result.err;
  const auto out = lines(result.out);
  ASSERT_EQ(out.size(), 4U) << result.out;
  simdjson::dom::parser parser;

  simdjson::dom::element first = parser.parse(out[0]);
  EXPECT_EQ(std::string_view(first["category"].get_string()), "positive");
  EXPECT_EQ(std::string_view(first["hashtags"].at(0)["tag"].get_string()), "Café");
  EXPECT_EQ(std::string_view(first["hashtags"].at(0)["normalized"].get_string()), "café");
  EXPECT_TRUE(std::string_view(first["model"].get_string()).starts_with("vader-cpp/"));

  simdjson::dom::element second = parser.parse(out[1]);
  EXPECT_EQ(int64_t(second["id"]), 7);
  EXPECT_EQ(std::string_view(second["category"].get_string()), "negative");
  EXPECT_EQ(std::string_view(second["mentions"].at(0).get_string()), "airline");
  EXPECT_EQ(std::string_view(second["language"].get_string()), "en");
  EXPECT_EQ(std::string_view(second["language_source"].get_string()), "platform");

  simdjson::dom::element third = parser.parse(out[2]);
  EXPECT_EQ(std::string_view(third["text"].get_string()), "");
  simdjson::dom::element fourth = parser.parse(out[3]);
  EXPECT_EQ(std::string_view(fourth["text"].get_string()), "{not json at all");
}

TEST(TextCommand, JsonEntityListsReplaceExtraction) {
  const auto result = run_text(
      "{\"text\": \"#fy#cat new video\", \"platform\": \"tiktok\", \"hashtags\": [\"fy\", \"Cat\"]}\n"
      "{\"text\": \"#fy#cat new video\"}\n");
  ASSERT_EQ(result.code, 0) << result.err;
  const auto out = lines(result.out);
  ASSERT_EQ(out.size(), 2U);
  simdjson::dom::parser parser;
  simdjson::dom::element given = parser.parse(out[0]);
  ASSERT_EQ(given["hashtags"].get_array().size(), 2U);
  EXPECT_EQ(std::string_view(given["hashtags"].at(1)["tag"].get_string()), "Cat");
  EXPECT_EQ(std::string_view(given["hashtags"].at(1)["normalized"].get_string()), "cat");
  simdjson::dom::element extracted = parser.parse(out[1]);
  EXPECT_EQ(extracted["hashtags"].get_array().size(), 0U);  // X's rules: "#fy#cat" is no hashtag
}

TEST(TextCommand, DefaultLanguageForPlainLines) {
  const auto result = run_text("bom dia\n{\"text\": \"hello\", \"lang\": \"en\"}\n", "--lang pt");
  ASSERT_EQ(result.code, 0) << result.err;
  simdjson::dom::parser parser;
  const auto out = lines(result.out);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(std::string_view(parser.parse(out[0])["language"].get_string()), "pt");
  EXPECT_EQ(std::string_view(parser.parse(out[1])["language"].get_string()), "en");
}

TEST(TextCommand, ReferenceRulesAndExplain) {
  const auto result = run_text("Not happy\n", "--rules reference --explain");
  ASSERT_EQ(result.code, 0) << result.err;
  simdjson::dom::parser parser;
  simdjson::dom::element record = parser.parse(lines(result.out).at(0));
  EXPECT_DOUBLE_EQ(double(record["compound"]), 0.5719);
  EXPECT_TRUE(std::string_view(record["model"].get_string()).starts_with("vader-cpp-reference/"));
  EXPECT_EQ(std::string_view(record["tokens"].at(1)["token"].get_string()), "happy");
}

TEST(TextCommand, IllFormedInputStillGivesValidJson) {
  const auto result = run_text("bad \xFF bytes \xC3\n");
  ASSERT_EQ(result.code, 0) << result.err;
  simdjson::dom::parser parser;
  simdjson::dom::element record;
  EXPECT_EQ(parser.parse(lines(result.out).at(0)).get(record), simdjson::SUCCESS) << result.out;
}

TEST(TextCommand, BadOptionsAreUsageErrors) {
  EXPECT_EQ(run_text("x\n", "--rules other").code, 2);
  EXPECT_EQ(run_text("x\n", "--platform myspace").code, 2);
}

TEST(TextCommand, MissingLexiconNamesTheFix) {
  const auto result =
      testing::run_command({"/bin/sh", "-c", "echo hi | \"$SMELT\" text"},
                           {{"SMELT", SMELT_BINARY}, {"SMELT_LEXICON", "/nonexistent/lexicon.txt"}});
  EXPECT_NE(result.code, 0);
  EXPECT_NE(result.err.find("/nonexistent/lexicon.txt"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace smelt
