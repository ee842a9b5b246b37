#include "generate/text.hpp"

#include <algorithm>
#include <span>

#include "generate/world.hpp"

namespace smelt::generate {
namespace {

constexpr double NEUTRAL_PHRASE_SHARE = 0.25;
constexpr double NEUTRAL_EMOJI_SHARE = 0.3;
constexpr double BRAND_SUBJECT_SHARE = 0.85;

std::string_view pick(Rng& rng, std::span<const std::string_view> items) noexcept {
  return items[rng.below(items.size())];
}

std::string_view pick_by_tone(Rng& rng, double tone, double neutral_share,
                              std::span<const std::string_view> positive,
                              std::span<const std::string_view> negative,
                              std::span<const std::string_view> neutral) noexcept {
  if (rng.chance(neutral_share)) return pick(rng, neutral);
  return rng.chance((1.0 + tone) / 2.0) ? pick(rng, positive) : pick(rng, negative);
}

std::string_view subject_of(Rng& rng, const World& world, const Post& post) {
  if (post.campaign >= 0 && rng.chance(BRAND_SUBJECT_SHARE)) {
    return pick(rng, world.campaigns()[static_cast<std::size_t>(post.campaign)].seed->keywords);
  }
  return pick(rng, words(post.language).topics);
}

bool ends_sentence(std::string_view phrase) {
  return phrase.ends_with("?") || phrase.ends_with("!") || phrase.ends_with("？") || phrase.ends_with(".");
}

/// Phrases joined by `separator`; a separator starting with '.' drops its
/// dot after a phrase that already ends a sentence. Returns the last phrase.
std::string_view append_phrases(TextBuilder& text, Rng& rng, Language language, double tone,
                                std::int64_t count, std::string_view separator) {
  std::string_view phrase;
  for (std::int64_t i = 0; i < count; ++i) {
    if (i > 0)
      text.append(separator.starts_with(".") && ends_sentence(phrase) ? separator.substr(1) : separator);
    phrase = pick_phrase(rng, language, tone);
    text.append(phrase);
  }
  return phrase;
}

void end_sentence(TextBuilder& text, std::string_view last_phrase) {
  if (!ends_sentence(last_phrase)) text.append(".");
}

void append_emoji(TextBuilder& text, Rng& rng, double tone, std::int64_t count) {
  for (std::int64_t i = 0; i < count; ++i) {
    text.append(" ");
    text.append(pick_emoji(rng, tone));
  }
}

/// How many emoji a text gets: between low and high (high >= 1), at least
/// one outside English (an English sentiment lexicon reads the emoji, not the words).
std::int64_t emoji_count(Rng& rng, Language language, std::int64_t low, std::int64_t high) {
  return rng.between(language == Language::en ? low : std::max<std::int64_t>(low, 1), high);
}

void append_intro(TextBuilder& text, Rng& rng, const World& world, const Post& post, std::string_view end) {
  text.append(pick(rng, words(post.language).openers));
  text.append(" ");
  text.append(subject_of(rng, world, post));
  text.append(end);
}

/// " #tag" for each hashtag, recording where each one sits.
void append_hashtags(TextBuilder& text, const World& world, Post& post, std::string_view first_separator,
                     std::string_view separator) {
  post.hashtag_spans.clear();
  for (std::uint32_t index : post.hashtags) {
    text.append(post.hashtag_spans.empty() ? first_separator : separator);
    const std::uint32_t start = text.position();
    text.append("#");
    text.append(world.hashtag(index).tag);
    post.hashtag_spans.push_back({start, text.position()});
  }
}

/// " @user" (or " u/user" on Reddit) for each mention, recording spans.
void append_mentions(TextBuilder& text, const World& world, Post& post, std::string_view sigil) {
  post.mention_spans.clear();
  for (std::uint32_t index : post.mentions) {
    text.append(" ");
    const std::uint32_t start = text.position();
    text.append(sigil);
    text.append(world.user(post.platform, index).username);
    post.mention_spans.push_back({start, text.position()});
  }
}

void compose_x(Rng& rng, const World& world, Post& post) {
  TextBuilder text(post.text);
  if (rng.chance(0.7)) append_intro(text, rng, world, post, ": ");
  append_phrases(text, rng, post.language, post.tone, rng.between(1, 2), ", ");
  append_emoji(text, rng, post.tone, emoji_count(rng, post.language, 0, 1));
  append_hashtags(text, world, post, " ", " ");
  append_mentions(text, world, post, "@");
}

void compose_instagram(Rng& rng, const World& world, Post& post) {
  TextBuilder text(post.text);
  if (rng.chance(0.5)) append_intro(text, rng, world, post, ". ");
  append_phrases(text, rng, post.language, post.tone, rng.between(1, 3), ". ");
  append_emoji(text, rng, post.tone, rng.between(1, 3));
  text.append("\n.");
  append_hashtags(text, world, post, "\n", " ");
  append_mentions(text, world, post, "@");
}

void compose_tiktok(Rng& rng, const World& world, Post& post) {
  TextBuilder text(post.text);
  append_phrases(text, rng, post.language, post.tone, rng.between(1, 2), " ");
  append_emoji(text, rng, post.tone, emoji_count(rng, post.language, 0, 2));
  append_hashtags(text, world, post, " ", " ");
  append_mentions(text, world, post, "@");
  if (rng.chance(0.35)) {
    TextBuilder voice(post.voice);
    append_intro(voice, rng, world, post, ", ");
    voice.append(pick_phrase(rng, post.language, post.tone));
  }
}

void compose_youtube(Rng& rng, const World& world, Post& post) {
  TextBuilder title(post.title);
  append_intro(title, rng, world, post, "");
  if (rng.chance(0.5)) {
    title.append(" | ");
    title.append(pick_phrase(rng, post.language, post.tone));
  }
  TextBuilder text(post.text);
  end_sentence(text, append_phrases(text, rng, post.language, post.tone, rng.between(2, 3), ". "));
  text.append("\n\n");
  const auto shown = std::min<std::size_t>(post.hashtags.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) {
    text.append(i == 0 ? "#" : " #");
    text.append(world.hashtag(post.hashtags[i]).tag);
  }
}

void compose_reddit(Rng& rng, const World& world, Post& post) {
  TextBuilder title(post.title);
  append_intro(title, rng, world, post, "");
  TextBuilder text(post.text);
  end_sentence(text, append_phrases(text, rng, post.language, post.tone, rng.between(1, 3), ". "));
  append_hashtags(text, world, post, " ", " ");
  append_mentions(text, world, post, "u/");
}

}  // namespace

std::uint32_t count_code_points(std::string_view text) noexcept {
  std::uint32_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return count;
}

std::string_view pick_phrase(Rng& rng, Language language, double tone) noexcept {
  const LanguageWords& w = words(language);
  return pick_by_tone(rng, tone, NEUTRAL_PHRASE_SHARE, w.positive, w.negative, w.neutral);
}

std::string_view pick_emoji(Rng& rng, double tone) noexcept {
  return pick_by_tone(rng, tone, NEUTRAL_EMOJI_SHARE, positive_emoji(), negative_emoji(), neutral_emoji());
}

void compose_post_text(Rng& rng, const World& world, Post& post) {
  post.title.clear();
  post.text.clear();
  post.voice.clear();
  post.hashtag_spans.clear();
  post.mention_spans.clear();
  switch (post.platform) {
    case Platform::x:
      compose_x(rng, world, post);
      break;
    case Platform::instagram:
      compose_instagram(rng, world, post);
      break;
    case Platform::tiktok:
      compose_tiktok(rng, world, post);
      break;
    case Platform::youtube:
      compose_youtube(rng, world, post);
      break;
    case Platform::reddit:
      compose_reddit(rng, world, post);
      break;
  }
}

void compose_comment_text(Rng& rng, const World& world, const Post& post, Comment& comment) {
  const double tone = std::clamp(post.tone * 0.7 + rng.normal(0.0, 0.35), -1.0, 1.0);
  comment.text.clear();
  comment.mention_spans.clear();
  TextBuilder text(comment.text);
  if (comment.platform == Platform::x) {
    text.append("@");
    text.append(world.user(post.platform, post.author).username);
    comment.mention_spans.push_back({0, text.position()});
    text.append(" ");
  }
  append_phrases(text, rng, comment.language, tone, rng.chance(0.3) ? 2 : 1, ", ");
  append_emoji(text, rng, tone, emoji_count(rng, comment.language, 0, 1));
}

}  // namespace smelt::generate
