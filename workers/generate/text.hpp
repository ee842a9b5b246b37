#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "generate/random.hpp"
#include "generate/vocabulary.hpp"

namespace smelt::generate {

class World;
struct Post;
struct Comment;

/// How many Unicode code points a UTF-8 text holds (X entity offsets count them).
std::uint32_t count_code_points(std::string_view text) noexcept;

/// Appends UTF-8 pieces to a string and keeps the code point position, so
/// entity offsets (hashtags, mentions) can be recorded while writing.
class TextBuilder {
 public:
  /// Appends to `out`, starting at its current length.
  explicit TextBuilder(std::string& out) : out_(out), position_(count_code_points(out)) {}
  /// Appends a UTF-8 piece.
  void append(std::string_view piece) {
    out_ += piece;
    position_ += count_code_points(piece);
  }
  /// The code point offset where the next piece will start.
  std::uint32_t position() const noexcept { return position_; }

 private:
  std::string& out_;
  std::uint32_t position_;
};

/// A phrase in `language` whose polarity follows `tone` in [-1, 1]: about a
/// quarter neutral, the rest positive with probability (1 + tone) / 2.
std::string_view pick_phrase(Rng& rng, Language language, double tone) noexcept;

/// An emoji whose polarity follows `tone` the same way.
std::string_view pick_emoji(Rng& rng, double tone) noexcept;

/// Writes a post's title, text and voice-over in its platform's style, with
/// its hashtags and mentions placed in the text and their offsets recorded.
void compose_post_text(Rng& rng, const World& world, Post& post);

/// Writes a comment's text: a reaction whose tone follows the post's.
void compose_comment_text(Rng& rng, const World& world, const Post& post, Comment& comment);

}  // namespace smelt::generate
