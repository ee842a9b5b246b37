// TikTok Research API: video, comment, user info. Ids are 19-digit numbers
// (bare JSON numbers); counts are sometimes missing.
#include "generate/platform_shapes.hpp"

namespace smelt::generate {
namespace {

constexpr double COUNT_MISSING_PROBABILITY = 0.03;

/// `"name":value`, or nothing at all now and then, as the API does.
void write_optional_count(JsonWriter& w, Rng& rng, std::string_view name, std::uint64_t value) {
  if (rng.chance(COUNT_MISSING_PROBABILITY)) return;
  w.field(name, value);
}

void write_hashtag_names(JsonWriter& w, const World& world, const Post& post) {
  w.key("hashtag_names");
  w.begin_array();
  for (std::uint32_t index : post.hashtags) w.string(world.hashtag(index).tag);
  w.end_array();
}

void write_mention_list(JsonWriter& w, const World& world, const Post& post) {
  if (post.mentions.empty()) return;
  w.key("video_mention_list");
  w.begin_array();
  for (std::uint32_t index : post.mentions) w.string(world.user(Platform::tiktok, index).username);
  w.end_array();
}

}  // namespace

void write_tiktok_post(JsonWriter& w, const Scene& scene, const Post& post) {
  const Counters counters = counters_at(post.engagement, scene.observed_ms - post.created_ms);
  w.key("payload");
  w.begin_object();
  w.field("id", post.number);
  w.field("create_time", post.created_ms / 1000);
  w.field("username", scene.world.user(Platform::tiktok, post.author).username);
  w.field("region_code", places()[post.place].country_code);
  w.field("video_description", post.text);
  w.field("video_duration", static_cast<std::uint64_t>(post.duration_s));
  w.field("music_id", post.music_id);
  write_optional_count(w, scene.rng, "like_count", counters.likes);
  write_optional_count(w, scene.rng, "comment_count", counters.comments);
  write_optional_count(w, scene.rng, "share_count", counters.shares);
  write_optional_count(w, scene.rng, "view_count", counters.views);
  write_hashtag_names(w, scene.world, post);
  write_mention_list(w, scene.world, post);
  if (!post.voice.empty()) w.field("voice_to_text", post.voice);
  w.end_object();
}

void write_tiktok_comment(JsonWriter& w, const Scene&, const Comment& comment) {
  w.key("payload");
  w.begin_object();
  w.field("id", comment.number);
  w.field("video_id", comment.post->number);
  w.field("text", comment.text);
  w.field("like_count", comment.likes);
  w.field("reply_count", comment.replies);
  w.field("parent_comment_id", comment.post->number);
  w.field("create_time", comment.created_ms / 1000);
  w.end_object();
}

void write_tiktok_user(JsonWriter& w, const Scene&, const User& user) {
  w.key("payload");
  w.begin_object();
  w.field("username", user.username);
  w.field("display_name", user.display_name);
  w.field("bio_description", words(user.language).bios[user.bio]);
  write_avatar_url(w, "avatar_url", "https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/", user);
  w.field("is_verified", user.verified);
  w.field("follower_count", user.followers);
  w.field("following_count", user.following);
  w.field("likes_count", user.likes_received);
  w.field("video_count", user.posts);
  w.end_object();
}

}  // namespace smelt::generate
