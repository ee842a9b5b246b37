#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "generate/generator.hpp"
#include "generate/text.hpp"
#include "generate/time_format.hpp"
#include "generate/vocabulary.hpp"
#include "generate/world.hpp"

namespace smelt::generate {
namespace {

constexpr std::int64_t START_MS = 1'795'341'600'000;  // 2026-11-22T10:00:00Z

GeneratorOptions options_with(std::uint64_t seed, Faults faults = {}) {
  GeneratorOptions options;
  options.seed = seed;
  options.start_ms = START_MS;
  options.users_per_platform = 2'000;
  options.faults = faults;
  return options;
}

std::vector<Message> generate_messages(const GeneratorOptions& options, std::size_t count) {
  Generator generator(options);
  std::vector<Message> messages;
  messages.reserve(count);
  for (std::size_t i = 0; i < count; ++i) messages.push_back(generator.next());
  return messages;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::int64_t observed_ms(simdjson::dom::element doc) {
  std::string_view text = doc["observed_at"].get_string().value();
  auto parsed = parse_rfc3339(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.value_or(0);
}

std::uint64_t number_or_string(simdjson::dom::element value) {
  if (value.is_string()) return std::stoull(std::string(value.get_string().value()));
  return value.get_uint64().value();
}

/// The cumulative counters of one post observation, by name (absent ones left out).
std::map<std::string, std::uint64_t> counters_of(std::string_view source, simdjson::dom::element payload) {
  std::map<std::string, std::uint64_t> out;
  auto take = [&out](std::string name, simdjson::dom::element object, const char* key) {
    simdjson::dom::element value;
    if (object[key].get(value) == simdjson::SUCCESS) out[name] = number_or_string(value);
  };
  simdjson::dom::element metrics;
  if (source == "x" && payload["public_metrics"].get(metrics) == simdjson::SUCCESS) {
    for (const char* key :
         {"like_count", "retweet_count", "reply_count", "quote_count", "impression_count"}) {
      take(key, metrics, key);
    }
  } else if (source == "x") {
    take("likes", payload, "favorite_count");
    take("shares", payload, "retweet_count");
  } else if (source == "reddit") {
    take("ups", payload["data"], "ups");
    take("comments", payload["data"], "num_comments");
  } else if (source == "youtube") {
    for (const char* key : {"viewCount", "likeCount", "commentCount"}) take(key, payload["statistics"], key);
  } else {
    for (const char* key : {"like_count", "comments_count", "comment_count", "share_count", "view_count"}) {
      take(key, payload, key);
    }
  }
  return out;
}

// ---- determinism --------------------------------------------------------------------

TEST(GenerateStream, SameSeedGivesIdenticalMessagesDifferentSeedDiffers) {
  const Faults faults{0.02, 0.02, 0.02, 0.02};
  const auto first = generate_messages(options_with(5, faults), 5'000);
  const auto second = generate_messages(options_with(5, faults), 5'000);
  const auto other = generate_messages(options_with(6, faults), 5'000);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    ASSERT_EQ(first[i].key, second[i].key) << i;
    ASSERT_EQ(first[i].value, second[i].value) << i;
    differing += first[i].value != other[i].value ? 1 : 0;
  }
  EXPECT_GT(differing, 4'900u);
}

TEST(GenerateStream, FileModeIsByteIdenticalForTheSameSeed) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto a = dir / "smelt_generate_a.jsonl", b = dir / "smelt_generate_b.jsonl",
             c = dir / "smelt_generate_c.jsonl";
  auto run = [](std::uint64_t seed, const std::filesystem::path& path) {
    const std::string command = std::string(SMELT_BINARY) +
                                " --log-level warn generate --rate 0 --count 3000 --users 1000 --seed " +
                                std::to_string(seed) +
                                " --start-time 2026-11-22T10:00:00Z --duplicates 0.01 --late 0.01"
                                " --out-of-order 0.01 --malformed 0.02 -o " +
                                path.string();
    return std::system(command.c_str());
  };
  ASSERT_EQ(run(9, a), 0);
  ASSERT_EQ(run(9, b), 0);
  ASSERT_EQ(run(10, c), 0);
  const std::string first = read_file(a);
  EXPECT_EQ(first, read_file(b));
  EXPECT_NE(first, read_file(c));
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 3000);  // malformed messages never hold a newline
  for (const auto& path : {a, b, c}) std::filesystem::remove(path);
}

// ---- counters -----------------------------------------------------------------------

TEST(GenerateStream, CountersNeverDecreaseInEventTimeAndDoGrow) {
  GeneratorOptions options = options_with(3, Faults{0.01, 0.03, 0.03, 0});
  options.simulated_ms_per_event = 5;  // 14x faster than real time: 150 s of event time
  const auto messages = generate_messages(options, 30'000);
  simdjson::dom::parser parser;
  std::map<std::string, std::vector<std::pair<std::int64_t, std::map<std::string, std::uint64_t>>>> series;
  for (const Message& message : messages) {
    if (message.kind != Kind::post) continue;
    simdjson::dom::element doc = parser.parse(message.value);
    const std::string_view source = doc["source"].get_string().value();
    series[message.key].emplace_back(observed_ms(doc), counters_of(source, doc["payload"]));
  }
  std::size_t observed_five_times = 0, grew = 0;
  for (auto& [key, observations] : series) {
    std::stable_sort(observations.begin(), observations.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 1; i < observations.size(); ++i) {
      for (const auto& [name, value] : observations[i].second) {
        auto before = observations[i - 1].second.find(name);
        if (before == observations[i - 1].second.end()) continue;
        ASSERT_GE(value, before->second) << key << " " << name << " at " << observations[i].first;
      }
    }
    observed_five_times += observations.size() >= 5 ? 1 : 0;
    const auto& first = observations.front().second;
    const auto& last = observations.back().second;
    grew += std::any_of(last.begin(), last.end(),
                        [&first](const auto& entry) {
                          auto it = first.find(entry.first);
                          return it != first.end() && entry.second > it->second;
                        })
                ? 1
                : 0;
  }
  EXPECT_GT(observed_five_times, 500u);
  EXPECT_GT(grew, 500u);
}

// ---- faults -------------------------------------------------------------------------

bool is_broken(simdjson::dom::parser& parser, const std::string& value) {
  simdjson::dom::element doc;
  if (parser.parse(value).get(doc) != simdjson::SUCCESS) return true;
  if (!doc.is_object()) return true;
  std::string_view observed;
  simdjson::dom::element source;
  if (doc["source"].get(source) != simdjson::SUCCESS) return true;
  if (doc["observed_at"].get_string().get(observed) != simdjson::SUCCESS) return true;
  return !parse_rfc3339(observed).has_value();
}

TEST(GenerateFaults, MalformedMessagesCoverEveryKindAndAreBroken) {
  Generator generator(options_with(4, Faults{0, 0, 0, 0.3}));
  simdjson::dom::parser parser;
  std::size_t malformed = 0;
  for (int i = 0; i < 5'000; ++i) {
    const Message& message = generator.next();
    ASSERT_EQ(message.value.find('\n'), std::string::npos);
    if (message.fault == Fault::malformed) {
      ++malformed;
      EXPECT_TRUE(is_broken(parser, message.value)) << message.value;
    } else {
      EXPECT_FALSE(is_broken(parser, message.value)) << message.value;
    }
  }
  const GeneratorStats& stats = generator.stats();
  EXPECT_EQ(stats.malformed_total(), malformed);
  EXPECT_NEAR(static_cast<double>(malformed) / 5'000, 0.3, 0.03);
  for (std::size_t kind = 0; kind < MALFORMATION_COUNT; ++kind) {
    EXPECT_GT(stats.malformed[kind], 100u) << malformation_name(static_cast<Malformation>(kind));
  }
}

TEST(GenerateFaults, DuplicatesAreExactCopiesOfEarlierMessages) {
  Generator generator(options_with(8, Faults{0.1, 0, 0, 0}));
  std::set<std::pair<std::string, std::string>> seen;
  std::size_t duplicates = 0;
  for (int i = 0; i < 5'000; ++i) {
    const Message& message = generator.next();
    auto entry = std::make_pair(message.key, message.value);
    if (message.fault == Fault::duplicate) {
      ++duplicates;
      EXPECT_TRUE(seen.count(entry) == 1) << message.value;
    } else {
      EXPECT_TRUE(seen.insert(entry).second) << "an unflagged repeat: " << message.value;
    }
  }
  EXPECT_EQ(duplicates, generator.stats().duplicates);
  EXPECT_NEAR(static_cast<double>(duplicates) / 5'000, 0.1, 0.02);
}

TEST(GenerateFaults, LateObservationsAreMinutesOldAndReorderedPairsAreReversed) {
  Generator generator(options_with(12, Faults{0, 0.05, 0.05, 0}));
  simdjson::dom::parser parser;
  std::int64_t latest = START_MS;
  std::size_t late = 0, late_by_minutes = 0, pairs = 0;
  std::string previous_key;
  std::int64_t previous_observed = 0;
  bool previous_reordered = false;
  for (int i = 0; i < 10'000; ++i) {
    const Message& message = generator.next();
    const std::int64_t observed = observed_ms(parser.parse(message.value));
    if (message.fault == Fault::late) {
      ++late;
      EXPECT_LT(observed, latest);
      late_by_minutes += observed <= latest - 2 * 60'000 ? 1 : 0;
    } else if (message.fault == Fault::out_of_order && previous_reordered) {
      ++pairs;
      EXPECT_EQ(message.key, previous_key);
      EXPECT_LT(observed, previous_observed);
      previous_reordered = false;
      continue;
    } else if (message.fault == Fault::none) {
      EXPECT_GE(observed, latest);
      latest = observed;
    }
    previous_reordered = message.fault == Fault::out_of_order;
    previous_key = message.key;
    previous_observed = observed;
  }
  EXPECT_EQ(late, generator.stats().late);
  EXPECT_EQ(late_by_minutes, late);
  EXPECT_GT(pairs, 300u);
}

// ---- keys ---------------------------------------------------------------------------

std::string id_text(simdjson::dom::element value) {
  if (value.is_string()) return std::string(value.get_string().value());
  return std::to_string(value.get_uint64().value());
}

std::string strip(std::string_view text, std::string_view prefix) {
  return std::string(text.substr(text.rfind(prefix, 0) == 0 ? prefix.size() : 0));
}

/// The native id of the post a post or comment belongs to.
std::string post_id_of(std::string_view source, std::string_view kind, simdjson::dom::element p) {
  const bool post = kind == "post";
  if (source == "x") {
    simdjson::dom::element v;
    if (post) return p["id_str"].get(v) == simdjson::SUCCESS ? id_text(v) : id_text(p["id"]);
    return p["conversation_id"].get(v) == simdjson::SUCCESS ? id_text(v)
                                                            : id_text(p["in_reply_to_status_id_str"]);
  }
  if (source == "reddit")
    return post ? id_text(p["data"]["id"]) : strip(p["data"]["link_id"].get_string().value(), "t3_");
  if (source == "youtube") return post ? id_text(p["id"]) : id_text(p["snippet"]["videoId"]);
  if (source == "instagram") return post ? id_text(p["id"]) : id_text(p["media"]["id"]);
  return post ? id_text(p["id"]) : id_text(p["video_id"]);
}

std::string user_id_of(std::string_view source, simdjson::dom::element p) {
  simdjson::dom::element v;
  if (source == "x") return p["id_str"].get(v) == simdjson::SUCCESS ? id_text(v) : id_text(p["id"]);
  if (source == "reddit") return id_text(p["data"]["id"]);
  if (source == "tiktok") return id_text(p["username"]);
  return id_text(p["id"]);
}

TEST(GenerateStream, KeysAreSourceAndNativePostId) {
  const auto messages = generate_messages(options_with(2), 8'000);
  simdjson::dom::parser parser;
  std::set<std::string> kinds_seen;
  for (const Message& message : messages) {
    simdjson::dom::element doc = parser.parse(message.value);
    const std::string source(doc["source"].get_string().value());
    const std::string kind(doc["kind"].get_string().value());
    kinds_seen.insert(source + "/" + kind);
    EXPECT_EQ(source, platform_name(message.source));
    EXPECT_EQ(kind, kind_name(message.kind));
    const std::string expected = kind == "user" ? source + ":user:" + user_id_of(source, doc["payload"])
                                                : source + ":" + post_id_of(source, kind, doc["payload"]);
    EXPECT_EQ(message.key, expected) << message.value;
  }
  EXPECT_EQ(kinds_seen.size(), PLATFORM_COUNT * KIND_COUNT);
}

// ---- the simulated world --------------------------------------------------------------

TEST(GenerateWorld, FollowersAreHeavyTailedAndHandlesUnique) {
  const World world(1, START_MS, 20'000);
  for (std::size_t p = 0; p < PLATFORM_COUNT; ++p) {
    const auto users = world.users(static_cast<Platform>(p));
    std::vector<double> followers;
    std::set<std::string> usernames, ids;
    for (const User& user : users) {
      followers.push_back(static_cast<double>(user.followers));
      usernames.insert(user.username);
      ids.insert(user.id);
    }
    EXPECT_EQ(usernames.size(), users.size());
    EXPECT_EQ(ids.size(), users.size());
    std::sort(followers.begin(), followers.end());
    const double median = followers[followers.size() / 2];
    double total = 0, top = 0;
    for (std::size_t i = 0; i < followers.size(); ++i) {
      total += followers[i];
      if (i >= followers.size() * 99 / 100) top += followers[i];
    }
    EXPECT_GT(followers.back(), 1000 * median) << platform_name(static_cast<Platform>(p));
    EXPECT_GT(top / total, 0.3) << platform_name(static_cast<Platform>(p));
  }
}

TEST(GenerateWorld, HashtagsFollowZipfAndLanguagesVary) {
  const World world(1, START_MS, 2'000);
  Rng rng(17);
  std::map<std::string, int> tag_counts;
  std::set<Language> languages;
  Post post;
  for (std::uint64_t i = 0; i < 20'000; ++i) {
    world.make_post(rng, Platform::tiktok, START_MS, i, post);
    for (std::uint32_t tag : post.hashtags) ++tag_counts[world.hashtag(tag).tag];
    languages.insert(post.language);
  }
  const auto count_of = [&](std::uint32_t rank) { return tag_counts[world.hashtag(rank).tag]; };
  EXPECT_GT(count_of(0), count_of(9));
  EXPECT_GT(count_of(9), count_of(99));
  EXPECT_GT(count_of(99), count_of(999));
  EXPECT_GT(tag_counts.size(), 1000u);  // a long tail
  EXPECT_EQ(languages.size(), LANGUAGE_COUNT);
}

/// Share of positive phrases among the English sentiment phrases of posts carrying `tag`.
double positive_share(const World& world, std::string_view tag) {
  Rng rng(23);
  Post post;
  int positive = 0, negative = 0;
  const LanguageWords& en = words(Language::en);
  for (std::uint64_t i = 0; i < 60'000; ++i) {
    world.make_post(rng, Platform::x, START_MS, i, post);
    if (post.language != Language::en) continue;
    const bool tagged = std::any_of(post.hashtags.begin(), post.hashtags.end(),
                                    [&](std::uint32_t index) { return world.hashtag(index).tag == tag; });
    if (!tagged) continue;
    for (auto phrase : en.positive) positive += post.text.find(phrase) != std::string::npos ? 1 : 0;
    for (auto phrase : en.negative) negative += post.text.find(phrase) != std::string::npos ? 1 : 0;
  }
  EXPECT_GT(positive + negative, 30) << tag;
  return static_cast<double>(positive) / std::max(positive + negative, 1);
}

TEST(GenerateWorld, HashtagTonesShowInTheWords) {
  const World world(1, START_MS, 2'000);
  EXPECT_GT(positive_share(world, "ShotOnAurora"), 0.75);
  EXPECT_LT(positive_share(world, "HelixDown"), 0.25);
  EXPECT_GT(positive_share(world, "love"), positive_share(world, "traffic") + 0.3);
  const double neutral = positive_share(world, "fyp");
  EXPECT_GT(neutral, 0.35);
  EXPECT_LT(neutral, 0.8);
}

TEST(GenerateWorld, CampaignsCarryHashtagsAndBrandWords) {
  const World world(1, START_MS, 2'000);
  ASSERT_GE(world.campaigns().size(), 4u);
  Rng rng(29);
  Post post;
  std::vector<int> per_campaign(world.campaigns().size(), 0);
  int campaign_posts = 0, with_keyword = 0;
  for (std::uint64_t i = 0; i < 10'000; ++i) {
    world.make_post(rng, Platform::instagram, START_MS, i, post);
    if (post.campaign < 0) continue;
    ++campaign_posts;
    ++per_campaign[static_cast<std::size_t>(post.campaign)];
    for (auto keyword : world.campaigns()[static_cast<std::size_t>(post.campaign)].seed->keywords) {
      if (post.text.find(keyword) != std::string::npos) {
        ++with_keyword;
        break;
      }
    }
  }
  EXPECT_NEAR(campaign_posts / 10'000.0, 0.22, 0.02);
  EXPECT_GT(with_keyword, campaign_posts / 4);
  for (int count : per_campaign) EXPECT_GT(count, 50);
}

/// The byte where code point `code_point` of a UTF-8 text starts.
std::size_t byte_offset(const std::string& text, std::uint32_t code_point) {
  std::uint32_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) continue;
    if (seen == code_point) return i;
    ++seen;
  }
  return text.size();
}

TEST(GenerateWorld, XEntityOffsetsPointAtTheirText) {
  const World world(1, START_MS, 2'000);
  Rng rng(31);
  Post post;
  for (std::uint64_t i = 0; i < 2'000; ++i) {
    world.make_post(rng, Platform::x, START_MS, i, post);
    ASSERT_EQ(post.hashtag_spans.size(), post.hashtags.size());
    for (std::size_t h = 0; h < post.hashtags.size(); ++h) {
      const TextSpan span = post.hashtag_spans[h];
      const std::string expected = "#" + world.hashtag(post.hashtags[h]).tag;
      EXPECT_EQ(span.end - span.start, count_code_points(expected));
      const std::size_t byte = byte_offset(post.text, span.start);
      EXPECT_EQ(post.text.substr(byte, expected.size()), expected) << post.text;
    }
  }
}

}  // namespace
}  // namespace smelt::generate
