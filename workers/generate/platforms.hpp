#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "generate/random.hpp"
#include "generate/world.hpp"

namespace smelt::generate {

/// The envelope's `kind`.
enum class Kind : std::uint8_t { post, comment, user };

/// How many kinds there are.
inline constexpr std::size_t KIND_COUNT = 3;

/// "post", "comment" or "user".
std::string_view kind_name(Kind kind) noexcept;

/// What every writer needs: the world, the random stream (for per-observation
/// quirks such as missing counts) and the moment of observation.
struct Scene {
  const World& world;        ///< users, hashtags, campaigns
  Rng& rng;                  ///< the stream's random numbers
  std::int64_t observed_ms;  ///< the observation's event time
};

/// Replaces `out` with one envelope holding a post as its platform's API
/// returns it, with the cumulative counters at `scene.observed_ms`.
void render_post(std::string& out, const Scene& scene, const Post& post);

/// Replaces `out` with one envelope holding a comment in its platform's shape.
void render_comment(std::string& out, const Scene& scene, const Comment& comment);

/// Replaces `out` with one envelope holding a user profile in its platform's shape.
void render_user(std::string& out, const Scene& scene, Platform platform, std::uint32_t user_index);

/// The Kafka key of a post or comment: `<source>:<native post id>`.
void post_key(std::string& out, const Post& post);

/// The Kafka key of a user: `<source>:user:<id>`.
void user_key(std::string& out, const World& world, Platform platform, std::uint32_t user_index);

}  // namespace smelt::generate
