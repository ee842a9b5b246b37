#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

// Hashtags, mentions, cashtags and URLs found in post text with the rules of
// twitter-text, the library X uses to link them (docs/text-features.md).
namespace smelt::text {

/// One entity found in a text. Views point into the text passed in.
struct Entity {
  std::string_view value;  ///< without its sigil: "café" for "#café", "jack" for "@jack"
  std::size_t begin;       ///< byte offset of the entity, sigil included
  std::size_t end;         ///< byte offset one past the entity

  /// Entities are equal when value and position are.
  bool operator==(const Entity&) const = default;
};

/// Everything extracted from one text, each list in text order.
struct Entities {
  std::vector<Entity> hashtags;  ///< "#tag" or "＃tag"
  std::vector<Entity> mentions;  ///< "@user" or "＠user" (lists "@user/slug" are not mentions)
  std::vector<Entity> cashtags;  ///< "$TICKER"
  std::vector<Entity> urls;      ///< with or without a scheme; value is the whole URL
};

/// Hashtags: '#' or '＃' not preceded by a hashtag character or '&', then
/// letters, marks, decimal digits and joiners with at least one letter or mark;
/// not when followed by '#', '＃' or "://" (this function does not remove
/// hashtags inside URLs; extract_entities does).
std::vector<Entity> extract_hashtags(std::string_view text);

/// Mentions: '@' or '＠' after a non-name character (or "RT"), 1 to 20 of
/// [A-Za-z0-9_]; not when followed by '@', a Latin accented letter or "://".
std::vector<Entity> extract_mentions(std::string_view text);

/// Cashtags: '$' at the start or after a space, 1 to 6 ASCII letters with an
/// optional ".xx" or "_xx" suffix, followed by the end, a space or punctuation.
std::vector<Entity> extract_cashtags(std::string_view text);

/// URLs: "http(s)://" plus a domain with a top-level domain, or a bare domain
/// whose top-level domain smelt knows (two-label country-code domains need a
/// path, except .co and .tv); then an optional port, path and query whose
/// trailing punctuation is left out.
std::vector<Entity> extract_urls(std::string_view text);

/// All four kinds, with hashtags, mentions and cashtags that overlap a URL removed.
Entities extract_entities(std::string_view text);

}  // namespace smelt::text
