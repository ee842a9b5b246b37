#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace smelt::generate {

/// The languages simulated content is written in.
enum class Language : std::uint8_t { en, es, pt, fr, de, ja, it };

/// How many languages there are.
inline constexpr std::size_t LANGUAGE_COUNT = 7;

/// The word lists of one language. Phrases carry words that a VADER-style
/// lexicon (or its translations) scores: "love", "awesome", "terrible", ...
struct LanguageWords {
  std::string_view code;                          ///< ISO 639-1, as the APIs report it ("en")
  double share;                                   ///< fraction of all content written in it
  std::span<const std::string_view> openers;      ///< "Just tried", "Honest review of"
  std::span<const std::string_view> positive;     ///< "love it", "absolutely amazing"
  std::span<const std::string_view> negative;     ///< "hate it", "terrible customer service"
  std::span<const std::string_view> neutral;      ///< "arrived today", "any tips?"
  std::span<const std::string_view> topics;       ///< subjects when a post names no brand
  std::span<const std::string_view> bios;         ///< profile descriptions
  std::span<const std::string_view> first_names;  ///< display names
  std::span<const std::string_view> last_names;   ///< display names
  std::span<const std::string_view> subreddits;   ///< where Reddit posts in this language go
};

/// The word lists of a language.
const LanguageWords& words(Language language) noexcept;

/// A city users live in and posts are geotagged with.
struct Place {
  std::string_view city;          ///< "Austin"
  std::string_view full_name;     ///< "Austin, TX" (X place full_name, profile location)
  std::string_view country;       ///< "United States"
  std::string_view country_code;  ///< ISO 3166-1 alpha-2, "US"
  double latitude;                ///< degrees north
  double longitude;               ///< degrees east
  Language language;              ///< the main language of the place
  double weight;                  ///< relative share of that language's users living there
};

/// Every simulated place.
std::span<const Place> places() noexcept;

/// Emoji that make a text more positive (😍, 🔥, ❤️ …).
std::span<const std::string_view> positive_emoji() noexcept;
/// Emoji that make a text more negative (😡, 👎, 💔 …).
std::span<const std::string_view> negative_emoji() noexcept;
/// Emoji without a tone (🤔, 👀, 📦 …).
std::span<const std::string_view> neutral_emoji() noexcept;

/// ASCII first names that start usernames ("maria").
std::span<const std::string_view> handle_names() noexcept;
/// ASCII words that end usernames ("travels", "codes").
std::span<const std::string_view> handle_words() noexcept;

/// A hashtag and its tone in [-1, 1]: posts that carry it lean that way.
struct HashtagSeed {
  std::string_view tag;  ///< without '#'
  double tone;           ///< -1 (negative) .. 1 (positive)
};

/// General hashtags, most popular first (Zipf rank order).
std::span<const HashtagSeed> popular_hashtags() noexcept;

/// First pieces of the long tail of hashtags, prefix + noun + suffix ("daily" of "dailycoffeevibes").
std::span<const std::string_view> tail_prefixes() noexcept;
/// Middle pieces of the long tail of hashtags ("coffee").
std::span<const std::string_view> tail_nouns() noexcept;
/// Last pieces of the long tail of hashtags ("vibes").
std::span<const std::string_view> tail_suffixes() noexcept;

/// A marketing campaign: hashtags (each with its tone) and brand keywords.
struct CampaignSeed {
  std::string_view slug;                       ///< stable identifier, "aurora-x2-launch"
  std::string_view name;                       ///< "Aurora X2 launch"
  double weight;                               ///< relative share of campaign posts
  std::span<const HashtagSeed> hashtags;       ///< the campaign's own hashtags
  std::span<const std::string_view> keywords;  ///< brand words used in texts
};

/// The simulated campaigns.
std::span<const CampaignSeed> campaigns() noexcept;

}  // namespace smelt::generate
