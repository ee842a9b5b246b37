// The generated payloads have the fields of each platform's real API shape.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "generate/generator.hpp"
#include "generate/time_format.hpp"

namespace smelt::generate {
namespace {

using simdjson::dom::element;

constexpr std::int64_t START_MS = 1'795'341'600'000;  // 2026-11-22T10:00:00Z

bool has(element e, std::string_view pointer) {
  element value;
  return e.at_pointer(pointer).get(value) == simdjson::SUCCESS;
}
bool is_string(element e, std::string_view pointer) {
  std::string_view value;
  return e.at_pointer(pointer).get_string().get(value) == simdjson::SUCCESS;
}
bool is_uint(element e, std::string_view pointer) {
  std::uint64_t value;
  return e.at_pointer(pointer).get_uint64().get(value) == simdjson::SUCCESS;
}
bool is_bool(element e, std::string_view pointer) {
  bool value;
  return e.at_pointer(pointer).get_bool().get(value) == simdjson::SUCCESS;
}
std::string_view text(element e, std::string_view pointer) {
  return e.at_pointer(pointer).get_string().value();
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// `Wed Oct 10 20:19:24 +0000 2018`
bool is_v1_time(std::string_view s) {
  return s.size() == 30 && s[3] == ' ' && s[7] == ' ' && s[10] == ' ' && s[13] == ':' &&
         s.substr(19, 7) == " +0000 ";
}

/// Code points [start, end) of a UTF-8 text.
std::string code_points(std::string_view text, std::uint64_t start, std::uint64_t end) {
  std::string out;
  std::uint64_t index = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80;
    if (lead && i > 0) ++index;
    if (index >= start && index < end) out += text[i];
  }
  return out;
}

void check_x_v2_post(element p, element doc) {
  EXPECT_TRUE(all_digits(text(p, "/id")));
  EXPECT_TRUE(is_string(p, "/text"));
  EXPECT_TRUE(parse_rfc3339(text(p, "/created_at")).has_value());
  EXPECT_TRUE(is_string(p, "/lang"));
  for (const char* key : {"retweet_count", "reply_count", "like_count", "quote_count", "impression_count"}) {
    EXPECT_TRUE(is_uint(p, std::string("/public_metrics/") + key)) << key;
  }
  EXPECT_EQ(text(doc, "/includes/users/0/id"), text(p, "/author_id"));
  EXPECT_TRUE(is_uint(doc, "/includes/users/0/public_metrics/followers_count"));
  EXPECT_TRUE(is_bool(doc, "/includes/users/0/verified"));
  element hashtags;
  if (p.at_pointer("/entities/hashtags").get(hashtags) == simdjson::SUCCESS) {
    for (element tag : hashtags.get_array()) {
      const std::string expected = "#" + std::string(tag["tag"].get_string().value());
      EXPECT_EQ(
          code_points(text(p, "/text"), tag["start"].get_uint64().value(), tag["end"].get_uint64().value()),
          expected);
    }
  }
  element mentions;
  if (p.at_pointer("/entities/mentions").get(mentions) == simdjson::SUCCESS) {
    for (element mention : mentions.get_array()) {
      const std::string expected = "@" + std::string(mention["username"].get_string().value());
      EXPECT_EQ(code_points(text(p, "/text"), mention["start"].get_uint64().value(),
                            mention["end"].get_uint64().value()),
                expected);
      EXPECT_TRUE(mention["id"].is_string());
    }
  }
  if (has(p, "/geo")) {
    EXPECT_EQ(text(doc, "/includes/places/0/id"), text(p, "/geo/place_id"));
  }
}

void check_x_v1_status(element p) {
  EXPECT_EQ(std::to_string(p["id"].get_uint64().value()), text(p, "/id_str"));
  EXPECT_TRUE(is_v1_time(text(p, "/created_at"))) << text(p, "/created_at");
  EXPECT_TRUE(is_v1_time(text(p, "/user/created_at")));
  EXPECT_TRUE(is_uint(p, "/favorite_count"));
  EXPECT_TRUE(is_uint(p, "/retweet_count"));
  EXPECT_TRUE(is_uint(p, "/user/followers_count"));
  EXPECT_TRUE(is_string(p, "/user/screen_name"));
  EXPECT_TRUE(is_string(p, "/lang"));
  for (element tag : p.at_pointer("/entities/hashtags").get_array()) {
    const std::string expected = "#" + std::string(tag["text"].get_string().value());
    EXPECT_EQ(code_points(text(p, "/text"), tag.at_pointer("/indices/0").get_uint64().value(),
                          tag.at_pointer("/indices/1").get_uint64().value()),
              expected);
  }
  if (!p["place"].is_null()) {
    EXPECT_EQ(text(p, "/place/country_code").size(), 2u);
  }
}

void check_x(std::string_view kind, element p, element doc, std::set<std::string>& variants) {
  const bool v1 = has(p, "/id_str");
  if (kind == "user") {
    EXPECT_TRUE(v1 ? is_uint(p, "/followers_count") : is_uint(p, "/public_metrics/followers_count"));
    EXPECT_TRUE(is_string(p, v1 ? "/screen_name" : "/username"));
    variants.insert(v1 ? "x/user/v1.1" : "x/user/v2");
    return;
  }
  variants.insert(std::string("x/") + std::string(kind) + (v1 ? "/v1.1" : "/v2"));
  if (kind == "post") {
    v1 ? check_x_v1_status(p) : check_x_v2_post(p, doc);
  } else if (v1) {
    EXPECT_TRUE(all_digits(text(p, "/in_reply_to_status_id_str")));
    EXPECT_TRUE(is_string(p, "/in_reply_to_screen_name"));
  } else {
    EXPECT_EQ(text(p, "/referenced_tweets/0/type"), "replied_to");
    EXPECT_EQ(text(p, "/referenced_tweets/0/id"), text(p, "/conversation_id"));
    EXPECT_EQ(text(doc, "/includes/users/0/id"), text(p, "/author_id"));
  }
}

void check_reddit(std::string_view kind, element p) {
  const std::string_view expected_kind = kind == "post" ? "t3" : kind == "comment" ? "t1" : "t2";
  EXPECT_EQ(text(p, "/kind"), expected_kind);
  const element data = p["data"];
  EXPECT_TRUE(data["created_utc"].is_double());
  if (kind == "user") {
    EXPECT_TRUE(is_uint(data, "/total_karma"));
    return;
  }
  EXPECT_EQ(text(data, "/name"), std::string(expected_kind) + "_" + std::string(text(data, "/id")));
  EXPECT_TRUE(is_string(data, "/author"));
  EXPECT_TRUE(is_string(data, "/subreddit"));
  EXPECT_TRUE(is_uint(data, "/ups"));
  EXPECT_TRUE(is_uint(data, "/score"));
  if (kind == "post") {
    EXPECT_TRUE(is_string(data, "/title"));
    EXPECT_TRUE(is_string(data, "/selftext"));
    EXPECT_TRUE(is_uint(data, "/num_comments"));
  } else {
    EXPECT_EQ(text(data, "/link_id").substr(0, 3), "t3_");
    EXPECT_TRUE(is_string(data, "/body"));
  }
}

void check_youtube(std::string_view kind, element p) {
  if (kind == "post") {
    EXPECT_EQ(text(p, "/kind"), "youtube#video");
    EXPECT_EQ(text(p, "/id").size(), 11u);
    const std::string_view published = text(p, "/snippet/publishedAt");
    EXPECT_TRUE(parse_rfc3339(published).has_value());
    EXPECT_EQ(text(p, "/snippet/channelId").substr(0, 2), "UC");
    EXPECT_EQ(text(p, "/snippet/channelId").size(), 24u);
    EXPECT_TRUE(is_string(p, "/snippet/title"));
    EXPECT_TRUE(is_string(p, "/snippet/defaultLanguage"));
    EXPECT_TRUE(all_digits(text(p, "/statistics/viewCount")));
    if (has(p, "/statistics/likeCount")) {
      EXPECT_TRUE(all_digits(text(p, "/statistics/likeCount")));
    }
    EXPECT_FALSE(has(p, "/statistics/dislikeCount"));
  } else if (kind == "comment") {
    EXPECT_EQ(text(p, "/kind"), "youtube#commentThread");
    EXPECT_EQ(text(p, "/snippet/videoId").size(), 11u);
    EXPECT_EQ(text(p, "/snippet/topLevelComment/id"), text(p, "/id"));
    EXPECT_TRUE(is_string(p, "/snippet/topLevelComment/snippet/textOriginal"));
    EXPECT_TRUE(is_uint(p, "/snippet/topLevelComment/snippet/likeCount"));
  } else {
    EXPECT_EQ(text(p, "/kind"), "youtube#channel");
    EXPECT_TRUE(all_digits(text(p, "/statistics/subscriberCount")));
    EXPECT_EQ(text(p, "/snippet/country").size(), 2u);
  }
}

void check_instagram(std::string_view kind, element p) {
  if (kind == "user") {
    EXPECT_TRUE(is_uint(p, "/followers_count"));
    EXPECT_TRUE(is_string(p, "/username"));
    return;
  }
  EXPECT_TRUE(all_digits(text(p, "/id")));
  const std::string_view timestamp = text(p, "/timestamp");
  EXPECT_EQ(timestamp.size(), 24u);
  EXPECT_EQ(timestamp.substr(19), "+0000");
  if (kind == "post") {
    EXPECT_TRUE(is_string(p, "/caption"));
    EXPECT_TRUE(is_uint(p, "/comments_count"));
    if (has(p, "/like_count")) {
      EXPECT_TRUE(is_uint(p, "/like_count"));
    }
    const std::string_view type = text(p, "/media_type");
    EXPECT_TRUE(type == "IMAGE" || type == "VIDEO" || type == "CAROUSEL_ALBUM");
    EXPECT_EQ(type == "CAROUSEL_ALBUM", has(p, "/children/data/0/id"));
    EXPECT_EQ(text(p, "/permalink").substr(0, 26), "https://www.instagram.com/");
  } else {
    EXPECT_TRUE(all_digits(text(p, "/media/id")));
    EXPECT_TRUE(is_string(p, "/text"));
  }
}

void check_tiktok(std::string_view kind, element p) {
  if (kind == "user") {
    EXPECT_TRUE(is_string(p, "/username"));
    EXPECT_TRUE(is_uint(p, "/follower_count"));
    return;
  }
  EXPECT_EQ(std::to_string(p["id"].get_uint64().value()).size(), 19u);
  EXPECT_TRUE(is_uint(p, "/create_time"));
  if (kind == "post") {
    EXPECT_EQ(text(p, "/region_code").size(), 2u);
    const std::string_view description = text(p, "/video_description");
    for (element tag : p["hashtag_names"].get_array()) {
      EXPECT_NE(description.find("#" + std::string(tag.get_string().value())), std::string_view::npos);
    }
  } else {
    EXPECT_TRUE(is_uint(p, "/video_id"));
    EXPECT_TRUE(is_string(p, "/text"));
  }
}

TEST(GenerateShapes, EveryPlatformAndKindHasItsApiFields) {
  GeneratorOptions options;
  options.seed = 77;
  options.start_ms = START_MS;
  options.users_per_platform = 2'000;
  Generator generator(options);
  simdjson::dom::parser parser;
  std::set<std::string> variants;
  for (int i = 0; i < 20'000; ++i) {
    const Message& message = generator.next();
    element doc;
    ASSERT_EQ(parser.parse(message.value).get(doc), simdjson::SUCCESS) << message.value;
    const std::string_view source = text(doc, "/source");
    const std::string_view kind = text(doc, "/kind");
    const std::string_view observed = text(doc, "/observed_at");
    ASSERT_EQ(observed.size(), 24u);
    ASSERT_EQ(observed.back(), 'Z');
    ASSERT_TRUE(parse_rfc3339(observed).has_value());
    const element payload = doc["payload"];
    SCOPED_TRACE(message.value);
    variants.insert(std::string(source) + "/" + std::string(kind));
    if (source == "x") check_x(kind, payload, doc, variants);
    if (source == "reddit") check_reddit(kind, payload);
    if (source == "youtube") check_youtube(kind, payload);
    if (source == "instagram") check_instagram(kind, payload);
    if (source == "tiktok") check_tiktok(kind, payload);
    if (HasFailure()) break;
  }
  for (const char* expected : {"x/post/v2", "x/post/v1.1", "x/comment/v2", "x/comment/v1.1", "x/user/v2",
                               "x/user/v1.1", "reddit/post", "reddit/comment", "reddit/user", "youtube/post",
                               "youtube/comment", "youtube/user", "instagram/post", "instagram/comment",
                               "instagram/user", "tiktok/post", "tiktok/comment", "tiktok/user"}) {
    EXPECT_EQ(variants.count(expected), 1u) << expected;
  }
}

// ---- against the recorded real responses ---------------------------------------------

std::filesystem::path fixtures() { return SMELT_SHARED_FIXTURES; }

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::set<std::string> keys_of(element object) {
  std::set<std::string> keys;
  for (auto field : object.get_object()) keys.insert(std::string(field.key));
  return keys;
}

/// Top-level keys of generated payloads, per shape, over a sample of the stream.
std::map<std::string, std::set<std::string>> generated_keys() {
  GeneratorOptions options;
  options.seed = 5;
  options.start_ms = START_MS;
  options.users_per_platform = 1'000;
  Generator generator(options);
  simdjson::dom::parser parser;
  std::map<std::string, std::set<std::string>> out;
  for (int i = 0; i < 20'000; ++i) {
    const Message& message = generator.next();
    element doc = parser.parse(message.value);
    std::string shape = std::string(text(doc, "/source")) + "/" + std::string(text(doc, "/kind"));
    element payload = doc["payload"];
    if (shape == "x/post" && has(payload, "/id_str")) {
      out["x/post/v1.1/user"].merge(keys_of(payload["user"]));
      shape += "/v1.1";
    }
    if (shape == "x/post") out["x/post/users"].merge(keys_of(doc.at_pointer("/includes/users/0")));
    if (shape == "reddit/post" || shape == "reddit/comment") payload = payload["data"];
    out[shape].merge(keys_of(payload));
    if (shape == "youtube/post") out["youtube/post/snippet"].merge(keys_of(payload["snippet"]));
  }
  return out;
}

/// Fails for each key of a real object that the generator never writes, unless listed as deliberately left
/// out.
void expect_covered(const std::string& shape, const std::set<std::string>& real,
                    const std::set<std::string>& generated, const std::set<std::string>& left_out) {
  for (const std::string& key : real) {
    EXPECT_TRUE(generated.count(key) == 1 || left_out.count(key) == 1) << shape << " lacks " << key;
  }
}

TEST(GenerateShapes, TopLevelKeysMatchRecordedResponses) {
  if (!std::filesystem::exists(fixtures())) GTEST_SKIP() << "no shared fixtures at " << fixtures();
  const auto generated = generated_keys();
  simdjson::dom::parser parser;

  std::ifstream tweets(fixtures() / "x/two_tweets.jsonl");
  std::string line;
  std::getline(tweets, line);
  element page = parser.parse(line);
  expect_covered("x v2 tweet", keys_of(page.at_pointer("/data/0")), generated.at("x/post"),
                 {"referenced_tweets", "source"});  // a retweet; `source` left v2 in 2022
  expect_covered("x v2 user", keys_of(page.at_pointer("/includes/users/0")), generated.at("x/post/users"),
                 {});

  element status = parser.parse(read(fixtures() / "x/v1_1_status.json"))["body"];
  expect_covered("x v1.1 status", keys_of(status), generated.at("x/post/v1.1"),
                 {"possibly_sensitive_appealable"});

  element t1 = parser.parse(read(fixtures() / "reddit/TestComment.test_attributes.json"))
                   .at_pointer("/body/data/children/0/data");
  expect_covered(
      "reddit t1", keys_of(t1), generated.at("reddit/comment"),
      {"approved_by", "author_flair_css_class", "author_flair_text", "banned_by", "body_html", "created",
       "mod_reports", "num_reports", "removal_reason", "report_reasons", "user_reports"});

  element video = parser.parse(read(fixtures() / "youtube/modeldata_videos_video_api_response.json"))
                      .at_pointer("/items/0");
  expect_covered("youtube video", keys_of(video), generated.at("youtube/post"), {});
  expect_covered("youtube snippet", keys_of(video["snippet"]), generated.at("youtube/post/snippet"), {});

  element media = parser.parse(read(fixtures() / "instagram/medias_media_default.json"));
  expect_covered("instagram media", keys_of(media), generated.at("instagram/post"), {});

  element videos = parser.parse(read(fixtures() / "tiktok/api_videos_response_page_1_of_2.json"))
                       .at_pointer("/data/videos");
  for (element tiktok : videos.get_array()) {
    expect_covered("tiktok video", keys_of(tiktok), generated.at("tiktok/post"), {"effect_ids"});
  }
}

}  // namespace
}  // namespace smelt::generate
