#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "generate/engagement.hpp"
#include "generate/random.hpp"
#include "generate/vocabulary.hpp"

namespace smelt::generate {

/// The simulated platforms, in the order their events are counted.
enum class Platform : std::uint8_t { x, instagram, tiktok, youtube, reddit };

/// How many platforms there are.
inline constexpr std::size_t PLATFORM_COUNT = 5;

/// The envelope's `source` value: "x", "instagram", "tiktok", "youtube", "reddit".
std::string_view platform_name(Platform platform) noexcept;

/// A simulated account on one platform.
struct User {
  std::string id;        ///< native id (X/Instagram digits, YouTube "UC…", Reddit base36, TikTok username)
  std::string username;  ///< handle without '@'
  std::string display_name;          ///< free-form name, may be non-ASCII
  std::uint64_t followers = 0;       ///< followers, subscribers; Reddit: karma
  std::uint64_t following = 0;       ///< accounts followed
  std::uint64_t posts = 0;           ///< tweets, media, videos posted so far
  std::uint64_t likes_received = 0;  ///< TikTok likes_count, YouTube channel views
  std::int64_t created_ms = 0;       ///< account creation (Unix ms)
  std::uint16_t place = 0;           ///< index into places()
  Language language = Language::en;  ///< the language the user writes in
  std::uint8_t bio = 0;              ///< index into the language's bios
  bool verified = false;             ///< blue check
};

/// A hashtag with its tone and, for campaign tags, the campaign index.
struct Hashtag {
  std::string tag;    ///< without '#'
  double tone = 0;    ///< -1 (negative) .. 1 (positive)
  int campaign = -1;  ///< index into World::campaigns(), -1 for general hashtags
};

/// A campaign and the indices of its hashtags.
struct Campaign {
  const CampaignSeed* seed = nullptr;   ///< name, keywords and hashtag tones
  std::vector<std::uint32_t> hashtags;  ///< indices into the world's hashtags
};

/// Where an entity sits in a text, in Unicode code points, end exclusive.
struct TextSpan {
  std::uint32_t start = 0;  ///< first code point
  std::uint32_t end = 0;    ///< one past the last code point
};

/// One post being tracked: its fixed content and its engagement curve.
struct Post {
  std::uint64_t serial = 0;             ///< order of creation (warm-start posts first)
  Platform platform = Platform::x;      ///< where it was posted
  Language language = Language::en;     ///< the language of its text
  int campaign = -1;                    ///< index into World::campaigns(), -1 for none
  std::uint8_t variant = 0;             ///< X: 1 = v1.1 shape; Instagram: media type; YouTube: category
  bool geotagged = false;               ///< carries a place (X, YouTube)
  bool author_deleted = false;          ///< Reddit: author shows as [deleted]
  std::uint32_t author = 0;             ///< index into the platform's users
  std::uint16_t place = 0;              ///< where it was posted from
  std::uint16_t subreddit = 0;          ///< index into the language's subreddits
  std::uint32_t duration_s = 0;         ///< videos
  std::int64_t created_ms = 0;          ///< creation time (Unix ms)
  std::uint64_t number = 0;             ///< numeric id (X, TikTok, Instagram)
  std::uint64_t music_id = 0;           ///< TikTok sound
  std::string id;                       ///< native id as text
  std::string title;                    ///< YouTube and Reddit titles
  std::string text;                     ///< tweet text, caption, description, selftext
  std::string voice;                    ///< TikTok voice_to_text; empty when absent
  std::vector<std::uint32_t> hashtags;  ///< indices into the world's hashtags
  std::vector<TextSpan> hashtag_spans;  ///< where each hashtag is in `text` (X)
  std::vector<std::uint32_t> mentions;  ///< user indices on the same platform
  std::vector<TextSpan> mention_spans;  ///< where each mention is in `text`
  double tone = 0;                      ///< -1 .. 1: what its words lean to
  Engagement engagement;                ///< where its counters are heading
};

/// One comment (reply), observed once when it is written.
struct Comment {
  Platform platform = Platform::x;      ///< the post's platform
  Language language = Language::en;     ///< the language of its text
  bool author_deleted = false;          ///< Reddit: author shows as [deleted]
  std::uint32_t author = 0;             ///< index into the platform's users
  std::int64_t created_ms = 0;          ///< when it was written (Unix ms)
  std::uint64_t number = 0;             ///< numeric id (X, TikTok, Instagram)
  std::uint64_t likes = 0;              ///< likes when observed
  std::uint64_t replies = 0;            ///< replies when observed
  std::string id;                       ///< native id as text
  std::string text;                     ///< the comment's words
  std::vector<TextSpan> mention_spans;  ///< X: the replied-to author
  const Post* post = nullptr;           ///< the post it answers
};

/// The fixed population of a simulation: users on every platform, hashtags
/// with Zipf popularity and a tone, campaigns. Built once from the seed.
class World {
 public:
  /// Builds `users_per_platform` users on each platform, accounts created before `start_ms`.
  World(std::uint64_t seed, std::int64_t start_ms, std::size_t users_per_platform);

  /// The users of a platform; index 0 is the most active.
  std::span<const User> users(Platform platform) const noexcept {
    return users_[static_cast<std::size_t>(platform)];
  }
  /// One user.
  const User& user(Platform platform, std::uint32_t index) const noexcept {
    return users_[static_cast<std::size_t>(platform)][index];
  }
  /// One hashtag.
  const Hashtag& hashtag(std::uint32_t index) const noexcept { return hashtags_[index]; }
  /// How many general (non-campaign) hashtags there are.
  std::size_t general_hashtag_count() const noexcept { return general_hashtags_.size(); }
  /// The campaigns.
  std::span<const Campaign> campaigns() const noexcept { return campaigns_; }

  /// A platform drawn by its share of traffic.
  Platform draw_platform(Rng& rng) const noexcept;
  /// A user index drawn by activity (Zipf: a few accounts post a lot).
  std::uint32_t draw_active_user(Rng& rng, Platform platform) const noexcept;
  /// A general hashtag index drawn by Zipf popularity.
  std::uint32_t draw_hashtag(Rng& rng) const noexcept;
  /// A campaign index drawn by campaign weight.
  std::size_t draw_campaign(Rng& rng) const noexcept { return campaign_table_.draw(rng); }

  /// Fills `post` with a new post created at `created_ms` by a drawn author.
  void make_post(Rng& rng, Platform platform, std::int64_t created_ms, std::uint64_t serial,
                 Post& post) const;
  /// Fills `comment` with a reply to `post` written at `created_ms`.
  void make_comment(Rng& rng, const Post& post, std::int64_t created_ms, std::uint64_t serial,
                    Comment& comment) const;

 private:
  void build_hashtags();
  void build_users(Rng& rng, std::int64_t start_ms, std::size_t count);
  void choose_hashtags(Rng& rng, Post& post) const;
  void assign_id(Post& post) const;

  std::uint64_t salt_;
  std::vector<Hashtag> hashtags_;
  std::vector<std::uint32_t> general_hashtags_;
  std::vector<Campaign> campaigns_;
  std::array<std::vector<User>, PLATFORM_COUNT> users_;
  WeightedTable platform_table_;
  WeightedTable hashtag_table_;
  WeightedTable campaign_table_;
  WeightedTable activity_table_;
  WeightedTable language_table_;
  std::array<WeightedTable, LANGUAGE_COUNT> place_tables_;
  std::array<std::vector<std::uint16_t>, LANGUAGE_COUNT> places_by_language_;
};

}  // namespace smelt::generate
