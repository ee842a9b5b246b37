#include "generate/world.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "generate/ids.hpp"
#include "generate/text.hpp"

namespace smelt::generate {
namespace {

constexpr double DAY_MS = 86'400'000.0;
constexpr double FOLLOWERS_MAX = 3.0e8;
constexpr double CAMPAIGN_POST_SHARE = 0.22;
constexpr double CAMPAIGN_TAG_SHARE = 0.8;  ///< campaign posts that carry a campaign hashtag
constexpr double TONE_COMPATIBLE_DISTANCE = 1.0;
constexpr double ACTIVITY_ZIPF_EXPONENT = 0.75;
constexpr double HASHTAG_ZIPF_EXPONENT = 1.1;
constexpr std::uint64_t TAIL_SHUFFLE_SEED = 0x5eed'7a11'0000'0001ULL;

// Share of traffic by platform: x, instagram, tiktok, youtube, reddit.
constexpr double PLATFORM_SHARES[PLATFORM_COUNT] = {0.35, 0.20, 0.20, 0.10, 0.15};
// Audience size (lognormal mu, sigma of followers) by platform.
constexpr double FOLLOWERS_MU[PLATFORM_COUNT] = {5.0, 6.0, 6.0, 5.5, 6.5};
constexpr double FOLLOWERS_SIGMA[PLATFORM_COUNT] = {2.2, 2.0, 2.4, 2.6, 2.0};
// Posts so far (lognormal median) by platform.
constexpr double POSTS_MEDIAN[PLATFORM_COUNT] = {800, 150, 60, 80, 120};

std::uint64_t capped_count(double value) {
  return static_cast<std::uint64_t>(std::min(value, FOLLOWERS_MAX));
}

std::string capitalized(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// A unique handle per (platform, index): name × word, then a number.
std::string make_username(Platform platform, std::size_t index) {
  const auto names = handle_names();
  const auto words_list = handle_words();
  const std::size_t combos = names.size() * words_list.size();
  const std::size_t j = ((index % combos) * 1777) % combos;
  const std::size_t round = index / combos;
  std::string_view name = names[j % names.size()];
  std::string_view word = words_list[j / names.size()];
  std::string out;
  switch (platform) {
    case Platform::reddit:
      out = capitalized(name) + "_" + capitalized(word);
      break;
    case Platform::instagram:
      out = std::string(name) + "." + std::string(word);
      break;
    case Platform::tiktok:
      out = std::string(name) + "_" + std::string(word);
      break;
    case Platform::youtube:
      out = std::string(name) + std::string(word);
      break;
    case Platform::x:
      out = std::string(name) + "_" + std::string(word);
      break;
  }
  if (round > 0) append_decimal(out, round);
  return out;
}

std::string make_display_name(Rng& rng, Language language) {
  const LanguageWords& w = words(language);
  std::string_view first = w.first_names[rng.below(w.first_names.size())];
  std::string_view last = w.last_names[rng.below(w.last_names.size())];
  if (language == Language::ja) return std::string(last) + " " + std::string(first);
  return std::string(first) + " " + std::string(last);
}

std::string make_user_id(Platform platform, std::size_t index, std::int64_t created_ms, std::uint64_t salt,
                         const std::string& username) {
  const auto serial = static_cast<std::uint64_t>(index);
  std::string id;
  switch (platform) {
    case Platform::x:
      if (created_ms < X_EPOCH_MS + static_cast<std::int64_t>(DAY_MS)) {
        append_decimal(id, scrambled_id(100'000, serial, 7919, salt % 1'000'000, 1'400'000'000));
      } else {
        append_decimal(id, x_snowflake(created_ms, serial >> 12, serial));
      }
      break;
    case Platform::instagram:
      append_decimal(
          id, scrambled_id(17'841'000'000'000'000ULL, serial, 7'777'777'777ULL, salt, 1'000'000'000'000ULL));
      break;
    case Platform::youtube:
      id = "UC";
      append_base64url(id, mix64(serial ^ salt), 10);
      append_base64url(id, mix64(serial + salt + 1), 10);
      append_base64url(id, mix64(serial ^ 0x55), 2);
      break;
    case Platform::reddit:
      id = base36(scrambled_id(1'000'000'000, serial, 7919, salt % 1'000'000, 1'000'000'000));
      break;
    case Platform::tiktok:
      id = username;
      break;
  }
  return id;
}

User make_user(Rng& rng, Platform platform, std::size_t index, std::int64_t start_ms, std::uint64_t salt) {
  const auto p = static_cast<std::size_t>(platform);
  User user;
  user.username = make_username(platform, index);
  user.created_ms = start_ms - static_cast<std::int64_t>(rng.uniform(30.0, 14.0 * 365.0) * DAY_MS);
  user.id = make_user_id(platform, index, user.created_ms, salt, user.username);
  user.followers = capped_count(rng.lognormal(FOLLOWERS_MU[p], FOLLOWERS_SIGMA[p]));
  user.following = std::min<std::uint64_t>(capped_count(rng.lognormal(std::log(300.0), 1.0)), 7500);
  user.posts = capped_count(rng.lognormal(std::log(POSTS_MEDIAN[p]), 1.3)) + 1;
  user.likes_received =
      capped_count(static_cast<double>(user.followers) * rng.lognormal(std::log(20.0), 1.0));
  user.verified = user.followers > 100'000 ? rng.chance(0.6) : rng.chance(0.005);
  return user;
}

std::int64_t draw_hashtag_count(Rng& rng, Platform platform) {
  switch (platform) {
    case Platform::x: {
      const double u = rng.uniform();
      return u < 0.35 ? 0 : u < 0.70 ? 1 : u < 0.90 ? 2 : 3;
    }
    case Platform::instagram:
      return rng.between(3, 12);
    case Platform::tiktok:
      return rng.between(2, 7);
    case Platform::youtube:
      return rng.between(3, 10);
    case Platform::reddit:
      return rng.chance(0.1) ? 1 : 0;
  }
  return 0;
}

bool contains(const std::vector<std::uint32_t>& values, std::uint32_t value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

double campaign_tone(const World& world, const Campaign& campaign) {
  double sum = 0;
  for (std::uint32_t index : campaign.hashtags) sum += world.hashtag(index).tone;
  return sum / static_cast<double>(campaign.hashtags.size());
}

std::uint8_t draw_variant(Rng& rng, Platform platform) {
  switch (platform) {
    case Platform::x:
      return rng.chance(0.15) ? 1 : 0;  // v1.1 share
    case Platform::instagram: {         // IMAGE, VIDEO, CAROUSEL_ALBUM
      const double u = rng.uniform();
      return u < 0.55 ? 0 : u < 0.80 ? 1 : 2;
    }
    case Platform::youtube:
      return static_cast<std::uint8_t>(rng.below(6));  // category
    default:
      return 0;
  }
}

std::uint32_t draw_duration_s(Rng& rng, Platform platform) {
  if (platform == Platform::tiktok) return static_cast<std::uint32_t>(rng.between(6, 180));
  if (platform == Platform::youtube)
    return static_cast<std::uint32_t>(std::min(rng.lognormal(std::log(480.0), 0.9), 10800.0));
  if (platform == Platform::instagram) return static_cast<std::uint32_t>(rng.between(5, 90));
  return 0;
}

}  // namespace

std::string_view platform_name(Platform platform) noexcept {
  switch (platform) {
    case Platform::x:
      return "x";
    case Platform::instagram:
      return "instagram";
    case Platform::tiktok:
      return "tiktok";
    case Platform::youtube:
      return "youtube";
    case Platform::reddit:
      return "reddit";
  }
  return "unknown";
}

World::World(std::uint64_t seed, std::int64_t start_ms, std::size_t users_per_platform)
    : salt_(mix64(seed ^ 0x736d656c74ULL)) {
  Rng rng(seed);
  platform_table_ = WeightedTable(PLATFORM_SHARES);
  std::vector<double> language_shares;
  for (std::size_t i = 0; i < LANGUAGE_COUNT; ++i)
    language_shares.push_back(words(static_cast<Language>(i)).share);
  language_table_ = WeightedTable(language_shares);
  for (std::size_t i = 0; i < LANGUAGE_COUNT; ++i) {
    std::vector<double> weights;
    for (std::size_t p = 0; p < places().size(); ++p) {
      if (places()[p].language != static_cast<Language>(i)) continue;
      places_by_language_[i].push_back(static_cast<std::uint16_t>(p));
      weights.push_back(places()[p].weight);
    }
    place_tables_[i] = WeightedTable(weights);
  }
  build_hashtags();
  build_users(rng, start_ms, std::max<std::size_t>(users_per_platform, 1));
}

void World::build_hashtags() {
  std::unordered_set<std::string> seen;
  for (const HashtagSeed& seed : popular_hashtags()) {
    hashtags_.push_back({std::string(seed.tag), seed.tone, -1});
    seen.insert(std::string(seed.tag));
  }
  std::vector<std::string> tail;
  for (auto prefix : tail_prefixes()) {
    for (auto noun : tail_nouns()) {
      for (auto suffix : tail_suffixes()) {
        std::string tag = std::string(prefix) + std::string(noun) + std::string(suffix);
        if (seen.insert(tag).second) tail.push_back(std::move(tag));
      }
    }
  }
  Rng shuffle(TAIL_SHUFFLE_SEED);
  for (std::size_t i = tail.size(); i > 1; --i) std::swap(tail[i - 1], tail[shuffle.below(i)]);
  for (auto& tag : tail) hashtags_.push_back({std::move(tag), shuffle.uniform(-0.25, 0.4), -1});
  for (std::uint32_t i = 0; i < hashtags_.size(); ++i) general_hashtags_.push_back(i);
  hashtag_table_ = make_zipf(general_hashtags_.size(), HASHTAG_ZIPF_EXPONENT);
  std::vector<double> campaign_weights;
  for (const CampaignSeed& seed : generate::campaigns()) {
    Campaign campaign{&seed, {}};
    for (const HashtagSeed& tag : seed.hashtags) {
      campaign.hashtags.push_back(static_cast<std::uint32_t>(hashtags_.size()));
      hashtags_.push_back({std::string(tag.tag), tag.tone, static_cast<int>(campaigns_.size())});
    }
    campaigns_.push_back(std::move(campaign));
    campaign_weights.push_back(seed.weight);
  }
  campaign_table_ = WeightedTable(campaign_weights);
}

void World::build_users(Rng& rng, std::int64_t start_ms, std::size_t count) {
  activity_table_ = make_zipf(count, ACTIVITY_ZIPF_EXPONENT);
  for (std::size_t p = 0; p < PLATFORM_COUNT; ++p) {
    auto& pool = users_[p];
    pool.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      User user = make_user(rng, static_cast<Platform>(p), i, start_ms, salt_ + p);
      user.language = static_cast<Language>(language_table_.draw(rng));
      const auto language = static_cast<std::size_t>(user.language);
      user.place = places_by_language_[language][place_tables_[language].draw(rng)];
      user.display_name = make_display_name(rng, user.language);
      user.bio = static_cast<std::uint8_t>(rng.below(words(user.language).bios.size()));
      pool.push_back(std::move(user));
    }
  }
}

Platform World::draw_platform(Rng& rng) const noexcept {
  return static_cast<Platform>(platform_table_.draw(rng));
}

std::uint32_t World::draw_active_user(Rng& rng, Platform) const noexcept {
  return static_cast<std::uint32_t>(activity_table_.draw(rng));
}

std::uint32_t World::draw_hashtag(Rng& rng) const noexcept {
  return general_hashtags_[hashtag_table_.draw(rng)];
}

void World::choose_hashtags(Rng& rng, Post& post) const {
  post.hashtags.clear();
  const std::int64_t count = draw_hashtag_count(rng, post.platform);
  double anchor_tone = rng.normal(0.1, 0.4);
  if (post.campaign >= 0) {
    const Campaign& campaign = campaigns_[static_cast<std::size_t>(post.campaign)];
    anchor_tone = campaign_tone(*this, campaign);
    if (rng.chance(CAMPAIGN_TAG_SHARE)) {
      const std::uint32_t tag = campaign.hashtags[rng.below(campaign.hashtags.size())];
      post.hashtags.push_back(tag);
      anchor_tone = hashtags_[tag].tone;
    }
  }
  for (std::int64_t i = static_cast<std::int64_t>(post.hashtags.size()); i < count; ++i) {
    std::uint32_t tag = draw_hashtag(rng);
    if (post.hashtags.empty() && post.campaign < 0) anchor_tone = hashtags_[tag].tone;
    for (int attempt = 0;
         attempt < 4 && (contains(post.hashtags, tag) ||
                         std::abs(hashtags_[tag].tone - anchor_tone) > TONE_COMPATIBLE_DISTANCE);
         ++attempt) {
      tag = draw_hashtag(rng);
    }
    if (!contains(post.hashtags, tag)) post.hashtags.push_back(tag);
  }
  post.tone = std::clamp(anchor_tone + rng.normal(0.0, 0.2), -1.0, 1.0);
}

void World::assign_id(Post& post) const {
  const std::uint64_t serial = post.serial;
  post.id.clear();
  switch (post.platform) {
    case Platform::x:
      post.number = x_snowflake(post.created_ms, mix64(serial ^ salt_) & 0x1ff, serial);
      append_decimal(post.id, post.number);
      break;
    case Platform::tiktok:
      post.number = tiktok_id(post.created_ms, serial * 2'654'435'761ULL + salt_);
      append_decimal(post.id, post.number);
      break;
    case Platform::instagram:
      post.number = scrambled_id(17'000'000'000'000'000ULL, serial, 7'777'777'777'777ULL,
                                 salt_ % 1'000'000'000'000'000ULL, 1'000'000'000'000'000ULL);
      append_decimal(post.id, post.number);
      break;
    case Platform::youtube:
      append_base64url(post.id, mix64(serial ^ salt_), 11);
      break;
    case Platform::reddit:
      post.id = base36(2'200'000'000ULL + salt_ % 50'000'000 + serial);
      break;
  }
}

void World::make_post(Rng& rng, Platform platform, std::int64_t created_ms, std::uint64_t serial,
                      Post& post) const {
  post.serial = serial;
  post.platform = platform;
  post.created_ms = created_ms;
  post.author = draw_active_user(rng, platform);
  const User& author = user(platform, post.author);
  post.language = rng.chance(0.9) ? author.language : static_cast<Language>(language_table_.draw(rng));
  post.place = author.place;
  post.geotagged = rng.chance(0.25);
  post.author_deleted = platform == Platform::reddit && rng.chance(0.03);
  post.campaign = rng.chance(CAMPAIGN_POST_SHARE) ? static_cast<int>(draw_campaign(rng)) : -1;
  post.variant = draw_variant(rng, platform);
  post.duration_s = draw_duration_s(rng, platform);
  post.music_id =
      platform == Platform::tiktok ? tiktok_id(created_ms - 86'400'000 * rng.between(0, 900), rng.next()) : 0;
  post.subreddit = static_cast<std::uint16_t>(rng.below(words(post.language).subreddits.size()));
  choose_hashtags(rng, post);
  post.mentions.clear();
  const double mention_share = platform == Platform::x ? 0.25 : platform == Platform::youtube ? 0.0 : 0.1;
  if (rng.chance(mention_share)) {
    for (std::int64_t i = rng.between(1, 2); i > 0; --i)
      post.mentions.push_back(draw_active_user(rng, platform));
  }
  post.engagement = draw_engagement(rng, platform, author.followers, post.campaign >= 0);
  assign_id(post);
  compose_post_text(rng, *this, post);
}

void World::make_comment(Rng& rng, const Post& post, std::int64_t created_ms, std::uint64_t serial,
                         Comment& comment) const {
  comment.platform = post.platform;
  comment.post = &post;
  comment.created_ms = created_ms;
  comment.author = draw_active_user(rng, post.platform);
  comment.language = rng.chance(0.9) ? post.language : user(post.platform, comment.author).language;
  comment.author_deleted = post.platform == Platform::reddit && rng.chance(0.04);
  comment.likes = static_cast<std::uint64_t>(rng.pareto(1.0, 1.6)) - 1;
  comment.replies = rng.chance(0.2) ? static_cast<std::uint64_t>(rng.between(1, 12)) : 0;
  comment.id.clear();
  switch (post.platform) {
    case Platform::x:
      comment.number = x_snowflake(created_ms, 0x200 | (mix64(serial ^ salt_) & 0x1ff), serial);
      append_decimal(comment.id, comment.number);
      break;
    case Platform::tiktok:
      comment.number = tiktok_id(created_ms, serial * 2'246'822'519ULL + salt_);
      append_decimal(comment.id, comment.number);
      break;
    case Platform::instagram:
      comment.number = scrambled_id(17'800'000'000'000'000ULL, serial, 7'777'777'777'777ULL,
                                    salt_ % 100'000'000'000'000ULL, 100'000'000'000'000ULL);
      append_decimal(comment.id, comment.number);
      break;
    case Platform::youtube:
      comment.id = "Ugz";
      append_base64url(comment.id, mix64(serial ^ salt_ ^ 0xc0ffeeULL), 10);
      append_base64url(comment.id, mix64(serial + 0x1234567ULL), 6);
      comment.id += "4AaABAg";
      break;
    case Platform::reddit:
      comment.id = base36(45'800'000'000ULL + salt_ % 100'000'000 + serial);
      break;
  }
  compose_comment_text(rng, *this, post, comment);
}

}  // namespace smelt::generate
