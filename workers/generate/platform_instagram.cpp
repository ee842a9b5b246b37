// Instagram Graph API: IG media, IG comment, IG user. Timestamps end in
// "+0000" (no colon).
#include <array>

#include "generate/ids.hpp"
#include "generate/platform_shapes.hpp"
#include "generate/time_format.hpp"

namespace smelt::generate {
namespace {

constexpr std::array<std::string_view, 3> MEDIA_TYPES = {"IMAGE", "VIDEO", "CAROUSEL_ALBUM"};
constexpr std::uint64_t LIKES_HIDDEN_PERCENT = 2;
constexpr std::uint64_t CAROUSEL_CHILD_MULTIPLIER = 7;

void write_timestamp(JsonWriter& w, std::int64_t epoch_ms) {
  w.key("timestamp");
  w.string_with([epoch_ms](std::string& out) { append_instagram_time(out, epoch_ms); });
}

void append_shortcode(std::string& out, std::uint64_t number) { append_base64url(out, mix64(number), 11); }

void write_permalink(JsonWriter& w, std::uint64_t number, bool reel) {
  w.key("permalink");
  w.string_with([number, reel](std::string& out) {
    out += reel ? "https://www.instagram.com/reel/" : "https://www.instagram.com/p/";
    append_shortcode(out, number);
    out += '/';
  });
}

void write_media_url(JsonWriter& w, std::uint64_t number, bool video) {
  w.key("media_url");
  w.string_with([number, video](std::string& out) {
    out += video ? "https://video.cdninstagram.com/v/t50.2886-16/"
                 : "https://scontent.cdninstagram.com/v/t51.29350-15/";
    append_decimal(out, number % 1'000'000'000'000ULL);
    out += video ? "_n.mp4" : "_n.jpg";
  });
}

void write_child(JsonWriter& w, const Post& post, std::uint64_t child) {
  const std::uint64_t number = post.number + child * CAROUSEL_CHILD_MULTIPLIER + 1;
  w.begin_object();
  w.key("id");
  w.number_string(number);
  w.field("media_type", child == 2 ? "VIDEO" : "IMAGE");
  write_media_url(w, number, child == 2);
  write_permalink(w, number, false);
  write_timestamp(w, post.created_ms);
  w.end_object();
}

void write_children(JsonWriter& w, const Post& post) {
  w.key("children");
  w.begin_object();
  w.key("data");
  w.begin_array();
  const std::uint64_t count = 2 + stable_hash(post.serial, 0xc4) % 3;
  for (std::uint64_t child = 0; child < count; ++child) write_child(w, post, child);
  w.end_array();
  w.end_object();
}

}  // namespace

void write_instagram_post(JsonWriter& w, const Scene& scene, const Post& post) {
  const Counters counters = counters_at(post.engagement, scene.observed_ms - post.created_ms);
  const User& author = scene.world.user(Platform::instagram, post.author);
  const bool video = post.variant == 1;
  w.key("payload");
  w.begin_object();
  w.field("id", post.id);
  w.field("caption", post.text);
  w.field("comments_count", counters.comments);
  if (post.variant == 2) write_children(w, post);
  if (stable_hash(post.serial, 0x1a) % 100 >= LIKES_HIDDEN_PERCENT) w.field("like_count", counters.likes);
  w.field("media_type", MEDIA_TYPES[post.variant % MEDIA_TYPES.size()]);
  w.field("media_product_type", video ? "REELS" : "FEED");
  write_media_url(w, post.number, video);
  write_permalink(w, post.number, video);
  write_timestamp(w, post.created_ms);
  w.field("username", author.username);
  w.key("owner");
  w.begin_object();
  w.field("id", author.id);
  w.end_object();
  w.end_object();
}

void write_instagram_comment(JsonWriter& w, const Scene& scene, const Comment& comment) {
  const User& author = scene.world.user(Platform::instagram, comment.author);
  w.key("payload");
  w.begin_object();
  w.field("id", comment.id);
  w.field("text", comment.text);
  write_timestamp(w, comment.created_ms);
  w.field("username", author.username);
  w.field("like_count", comment.likes);
  w.key("from");
  w.begin_object();
  w.field("id", author.id);
  w.field("username", author.username);
  w.end_object();
  w.key("media");
  w.begin_object();
  w.field("id", comment.post->id);
  w.end_object();
  w.end_object();
}

void write_instagram_user(JsonWriter& w, const Scene&, const User& user) {
  w.key("payload");
  w.begin_object();
  w.field("id", user.id);
  w.field("username", user.username);
  w.field("name", user.display_name);
  w.field("biography", words(user.language).bios[user.bio]);
  w.field("followers_count", user.followers);
  w.field("follows_count", user.following);
  w.field("media_count", user.posts);
  write_avatar_url(w, "profile_picture_url", "https://scontent.cdninstagram.com/v/t51.2885-19/", user);
  w.end_object();
}

}  // namespace smelt::generate
