// The generator's output (run in-process) decodes: every well-formed event
// yields the rows its kind promises, with the ids its Kafka key names; every
// malformed one yields exactly one error.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "decode/decoder.hpp"
#include "generate/generator.hpp"
#include "text/utf8.hpp"

namespace smelt::decode {
namespace {

using generate::Fault;
using generate::Kind;
using generate::Platform;

constexpr std::int64_t START_MS = 1'795'341'600'000;  // 2026-11-22T10:00:00Z
constexpr int MESSAGES = 20'000;
constexpr int MIN_PER_PLATFORM_AND_KIND = 100;

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
                                     std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

generate::GeneratorOptions options(std::uint64_t seed) {
  generate::GeneratorOptions out;
  out.seed = seed;
  out.start_ms = START_MS;
  out.users_per_platform = 2'000;
  return out;
}

/// The id in a Kafka key `<source>:<id>` or `<source>:user:<id>`.
std::string key_id(const std::string& key) {
  std::string id = key.substr(key.find(':') + 1);
  if (id.starts_with("user:")) id.erase(0, 5);
  return id;
}

template <class Row>
void expect_text_features(const Row& row, const std::string& context) {
  EXPECT_FALSE(row.language.empty()) << context;
  EXPECT_EQ(row.hashtags.size(), row.hashtags_normalized.size()) << context;
  const bool has_text = row.text && !row.text->empty();
  EXPECT_EQ(row.sentiment_status == "no_text", !has_text) << context;
  EXPECT_EQ(row.sentiment_compound.has_value(), row.sentiment_status == "scored") << context;
  EXPECT_EQ(row.sentiment_category.has_value(), row.sentiment_status == "scored") << context;
  EXPECT_TRUE(text::utf8::is_valid(row.text.value_or(""))) << context;
}

/// Checks what one well-formed message decoded to.
void expect_rows(const generate::Message& message, const DecodeResult& result, const Rows& rows) {
  const std::string context = message.value.substr(0, 400);
  const std::string_view source = generate::platform_name(message.source);
  if (message.kind == Kind::post) {
    ASSERT_EQ(result.posts, 1U) << context;
    EXPECT_EQ(result.comments, 0U) << context;
    const PostRow& post = rows.posts[0];
    EXPECT_EQ(post.source, source);
    EXPECT_EQ(post.post_id, key_id(message.key)) << context;
    EXPECT_LE(post.created_at_us, post.observed_at_us) << context;
    expect_text_features(post, context);
  } else if (message.kind == Kind::comment) {
    ASSERT_EQ(result.comments, 1U) << context;
    EXPECT_EQ(result.posts, 0U) << context;
    const CommentRow& comment = rows.comments[0];
    EXPECT_EQ(comment.post_id, key_id(message.key)) << context;  // comments are keyed by their post
    EXPECT_LE(comment.created_at_us, comment.observed_at_us) << context;
    expect_text_features(comment, context);
  } else {
    ASSERT_EQ(result.rows(), 1U) << context;
    ASSERT_EQ(result.users, 1U) << context;
    // Reddit accounts are keyed by their base-36 id; smelt names them by user name.
    if (message.source != Platform::reddit) {
      EXPECT_EQ(rows.users[0].user_id, key_id(message.key)) << context;
    }
  }
  if (message.source == Platform::x && message.kind != Kind::user) {
    EXPECT_GE(result.users, 1U) << context;  // includes.users or the v1.1 user
  }
}

TEST(DecodeGenerator, EveryWellFormedEventDecodes) {
  generate::Generator generator(options(11));
  Decoder decoder(analyzer());
  Rows rows;
  std::map<std::pair<Platform, Kind>, int> seen;
  for (int i = 0; i < MESSAGES; ++i) {
    const generate::Message& message = generator.next();
    rows.clear();
    const DecodeResult result = decoder.decode(message.value, BronzeRef{1, 0, i, std::nullopt, "", ""}, rows);
    ASSERT_TRUE(result.ok()) << message.value << "\n"
                             << reason_name(rows.errors[0].reason) << ": " << rows.errors[0].detail;
    expect_rows(message, result, rows);
    ++seen[{message.source, message.kind}];
  }
  for (Platform platform :
       {Platform::x, Platform::instagram, Platform::tiktok, Platform::youtube, Platform::reddit}) {
    for (Kind kind : {Kind::post, Kind::comment, Kind::user}) {
      EXPECT_GE((seen[{platform, kind}]), MIN_PER_PLATFORM_AND_KIND)
          << generate::platform_name(platform) << " " << generate::kind_name(kind);
    }
  }
}

// Every language the generator writes (en, es, pt, fr, de, it, ja) has a
// model, so nearly every post with text is scored; what is left is text too
// short to tell its language ("最高 😍": Japanese or Chinese) or read as a
// close neighbour.
TEST(DecodeGenerator, GeneratedPostsAreNearlyAllScored) {
  generate::Generator generator(options(11));
  Decoder decoder(analyzer());
  Rows rows;
  std::map<std::string, int> statuses;
  for (int i = 0; i < MESSAGES; ++i) {
    const generate::Message& message = generator.next();
    decoder.decode(message.value, BronzeRef{1, 0, i, std::nullopt, "", ""}, rows);
  }
  for (const auto& post : rows.posts) ++statuses[post.sentiment_status];
  for (const auto& comment : rows.comments) ++statuses[comment.sentiment_status];
  const int with_text = statuses["scored"] + statuses["unsupported_language"] + statuses["undetermined_language"];
  ASSERT_GT(with_text, 0);
  EXPECT_GE(statuses["scored"], with_text * 95 / 100)
      << statuses["unsupported_language"] << " unsupported, " << statuses["undetermined_language"]
      << " undetermined of " << with_text;
}

TEST(DecodeGenerator, FaultyStreamsNeverThrowAndMalformedEventsAreErrors) {
  generate::GeneratorOptions faulty = options(5);
  faulty.faults.duplicates = 0.02;
  faulty.faults.late = 0.02;
  faulty.faults.out_of_order = 0.02;
  faulty.faults.malformed = 0.05;
  generate::Generator generator(faulty);
  Decoder decoder(analyzer());
  Rows rows;
  int malformed = 0;
  for (int i = 0; i < 5'000; ++i) {
    const generate::Message& message = generator.next();
    rows.clear();
    const DecodeResult result = decoder.decode(message.value, BronzeRef{1, 0, i, std::nullopt, "", ""}, rows);
    if (message.fault == Fault::malformed) {
      ++malformed;
      EXPECT_EQ(result.rows(), 0U) << message.value;
      EXPECT_EQ(result.errors, 1U) << message.value;
    } else {
      EXPECT_TRUE(result.ok()) << message.value;
    }
  }
  EXPECT_GT(malformed, 100);
}

}  // namespace
}  // namespace smelt::decode
