#include "generate/platforms.hpp"

#include "generate/ids.hpp"
#include "generate/platform_shapes.hpp"
#include "generate/time_format.hpp"

namespace smelt::generate {
namespace {

void open_envelope(JsonWriter& w, Platform platform, Kind kind, std::int64_t observed_ms) {
  w.begin_object();
  w.field("source", platform_name(platform));
  w.field("kind", kind_name(kind));
  write_time_ms(w, "observed_at", observed_ms);
}

}  // namespace

std::string_view kind_name(Kind kind) noexcept {
  switch (kind) {
    case Kind::post:
      return "post";
    case Kind::comment:
      return "comment";
    case Kind::user:
      return "user";
  }
  return "unknown";
}

void render_post(std::string& out, const Scene& scene, const Post& post) {
  out.clear();
  JsonWriter w(out);
  open_envelope(w, post.platform, Kind::post, scene.observed_ms);
  switch (post.platform) {
    case Platform::x:
      write_x_post(w, scene, post);
      break;
    case Platform::instagram:
      write_instagram_post(w, scene, post);
      break;
    case Platform::tiktok:
      write_tiktok_post(w, scene, post);
      break;
    case Platform::youtube:
      write_youtube_post(w, scene, post);
      break;
    case Platform::reddit:
      write_reddit_post(w, scene, post);
      break;
  }
  w.end_object();
}

void render_comment(std::string& out, const Scene& scene, const Comment& comment) {
  out.clear();
  JsonWriter w(out);
  open_envelope(w, comment.platform, Kind::comment, scene.observed_ms);
  switch (comment.platform) {
    case Platform::x:
      write_x_comment(w, scene, comment);
      break;
    case Platform::instagram:
      write_instagram_comment(w, scene, comment);
      break;
    case Platform::tiktok:
      write_tiktok_comment(w, scene, comment);
      break;
    case Platform::youtube:
      write_youtube_comment(w, scene, comment);
      break;
    case Platform::reddit:
      write_reddit_comment(w, scene, comment);
      break;
  }
  w.end_object();
}

void render_user(std::string& out, const Scene& scene, Platform platform, std::uint32_t user_index) {
  out.clear();
  JsonWriter w(out);
  open_envelope(w, platform, Kind::user, scene.observed_ms);
  const User& user = scene.world.user(platform, user_index);
  switch (platform) {
    case Platform::x:
      write_x_user(w, scene, user);
      break;
    case Platform::instagram:
      write_instagram_user(w, scene, user);
      break;
    case Platform::tiktok:
      write_tiktok_user(w, scene, user);
      break;
    case Platform::youtube:
      write_youtube_user(w, scene, user);
      break;
    case Platform::reddit:
      write_reddit_user(w, scene, user);
      break;
  }
  w.end_object();
}

void post_key(std::string& out, const Post& post) {
  out.clear();
  out += platform_name(post.platform);
  out += ':';
  out += post.id;
}

void user_key(std::string& out, const World& world, Platform platform, std::uint32_t user_index) {
  out.clear();
  out += platform_name(platform);
  out += ":user:";
  out += world.user(platform, user_index).id;
}

std::uint64_t stable_hash(std::uint64_t value, std::uint64_t salt) noexcept {
  return mix64(value * 0x9e3779b97f4a7c15ULL ^ salt);
}

void write_time_ms(JsonWriter& w, std::string_view name, std::int64_t epoch_ms) {
  w.key(name);
  w.string_with([epoch_ms](std::string& out) { append_rfc3339_ms(out, epoch_ms); });
}

void write_time_seconds(JsonWriter& w, std::string_view name, std::int64_t epoch_ms) {
  w.key(name);
  w.string_with([epoch_ms](std::string& out) { append_rfc3339_seconds(out, epoch_ms); });
}

void write_number_text(JsonWriter& w, std::string_view digits) { w.raw(digits); }

void write_avatar_url(JsonWriter& w, std::string_view name, std::string_view host, const User& user) {
  w.key(name);
  w.string_with([&](std::string& out) {
    out += host;
    append_base64url(out, stable_hash(static_cast<std::uint64_t>(user.created_ms), 0xa7a7), 8);
    out += ".jpg";
  });
}

}  // namespace smelt::generate
