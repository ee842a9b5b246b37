// YouTube Data API v3: youtube#video, youtube#commentThread, youtube#channel.
// Counts in `statistics` are strings; dislikeCount is gone.
#include <array>

#include "generate/ids.hpp"
#include "generate/platform_shapes.hpp"

namespace smelt::generate {
namespace {

constexpr std::array<std::string_view, 6> CATEGORIES = {"22", "24", "28", "26", "17", "10"};
constexpr std::uint64_t LIKES_HIDDEN_PERCENT = 3;
constexpr std::uint64_t COMMENTS_OFF_PERCENT = 2;

void write_etag(JsonWriter& w, std::uint64_t a, std::uint64_t b) {
  w.key("etag");
  w.string_with([a, b](std::string& out) {
    append_base64url(out, mix64(a ^ 0xe7a9ULL), 10);
    append_base64url(out, mix64(a + b * 0x9e3779b97f4a7c15ULL), 10);
    append_base64url(out, mix64(b ^ 0x5bd1e995ULL), 7);
  });
}

void write_duration(JsonWriter& w, std::uint32_t seconds) {
  w.key("duration");
  w.string_with([seconds](std::string& out) {
    out += "PT";
    if (seconds >= 3600) {
      append_decimal(out, seconds / 3600);
      out += 'H';
    }
    if (seconds % 3600 >= 60) {
      append_decimal(out, (seconds % 3600) / 60);
      out += 'M';
    }
    append_decimal(out, seconds % 60);
    out += 'S';
  });
}

void write_thumbnails(JsonWriter& w, std::string_view video_id) {
  w.key("thumbnails");
  w.begin_object();
  w.key("default");
  w.begin_object();
  w.key("url");
  w.string_with([video_id](std::string& out) {
    out += "https://i.ytimg.com/vi/";
    out += video_id;
    out += "/default.jpg";
  });
  w.field("width", 120);
  w.field("height", 90);
  w.end_object();
  w.end_object();
}

void write_tags(JsonWriter& w, const World& world, const Post& post) {
  if (post.hashtags.empty()) return;
  w.key("tags");
  w.begin_array();
  for (std::uint32_t index : post.hashtags) w.string(world.hashtag(index).tag);
  w.end_array();
}

void write_video_snippet(JsonWriter& w, const World& world, const Post& post) {
  const User& channel = world.user(Platform::youtube, post.author);
  const std::string_view language = words(post.language).code;
  w.key("snippet");
  w.begin_object();
  write_time_seconds(w, "publishedAt", post.created_ms);
  w.field("channelId", channel.id);
  w.field("title", post.title);
  w.field("description", post.text);
  write_thumbnails(w, post.id);
  w.field("channelTitle", channel.display_name);
  write_tags(w, world, post);
  w.field("categoryId", CATEGORIES[post.variant % CATEGORIES.size()]);
  w.field("liveBroadcastContent", "none");
  w.field("defaultLanguage", language);
  w.key("localized");
  w.begin_object();
  w.field("title", post.title);
  w.field("description", post.text);
  w.end_object();
  w.field("defaultAudioLanguage", language);
  w.end_object();
}

void write_content_details(JsonWriter& w, const Post& post) {
  w.key("contentDetails");
  w.begin_object();
  write_duration(w, post.duration_s);
  w.field("dimension", "2d");
  w.field("definition", "hd");
  w.field("caption", "false");
  w.field("licensedContent", false);
  w.field("projection", "rectangular");
  w.end_object();
}

void write_status(JsonWriter& w) {
  w.key("status");
  w.begin_object();
  w.field("uploadStatus", "processed");
  w.field("privacyStatus", "public");
  w.field("license", "youtube");
  w.field("embeddable", true);
  w.field("publicStatsViewable", true);
  w.end_object();
}

void write_statistics(JsonWriter& w, const Post& post, const Counters& counters) {
  w.key("statistics");
  w.begin_object();
  w.key("viewCount");
  w.number_string(counters.views);
  if (stable_hash(post.serial, 0x11) % 100 >= LIKES_HIDDEN_PERCENT) {
    w.key("likeCount");
    w.number_string(counters.likes);
  }
  w.key("favoriteCount");
  w.number_string(0);
  if (stable_hash(post.serial, 0x22) % 100 >= COMMENTS_OFF_PERCENT) {
    w.key("commentCount");
    w.number_string(counters.comments);
  }
  w.end_object();
}

void write_recording_details(JsonWriter& w, const Post& post) {
  if (!post.geotagged) return;
  const Place& place = places()[post.place];
  w.key("recordingDetails");
  w.begin_object();
  w.field("locationDescription", place.full_name);
  w.key("location");
  w.begin_object();
  w.key("latitude");
  w.fixed(place.latitude, 4);
  w.key("longitude");
  w.fixed(place.longitude, 4);
  w.key("altitude");
  w.number(std::int64_t{0});
  w.end_object();
  w.end_object();
}

void write_top_level_comment(JsonWriter& w, const Scene& scene, const Comment& comment) {
  const Post& post = *comment.post;
  const User& author = scene.world.user(Platform::youtube, comment.author);
  w.key("topLevelComment");
  w.begin_object();
  w.field("kind", "youtube#comment");
  write_etag(w, comment.number, 7);
  w.field("id", comment.id);
  w.key("snippet");
  w.begin_object();
  w.field("channelId", scene.world.user(Platform::youtube, post.author).id);
  w.field("videoId", post.id);
  w.field("textDisplay", comment.text);
  w.field("textOriginal", comment.text);
  w.key("authorDisplayName");
  w.string_with([&author](std::string& out) {
    out += '@';
    out += author.username;
  });
  write_avatar_url(w, "authorProfileImageUrl", "https://yt3.ggpht.com/ytc/", author);
  w.key("authorChannelUrl");
  w.string_with([&author](std::string& out) {
    out += "http://www.youtube.com/@";
    out += author.username;
  });
  w.key("authorChannelId");
  w.begin_object();
  w.field("value", author.id);
  w.end_object();
  w.field("canRate", true);
  w.field("viewerRating", "none");
  w.field("likeCount", comment.likes);
  write_time_seconds(w, "publishedAt", comment.created_ms);
  write_time_seconds(w, "updatedAt", comment.created_ms);
  w.end_object();
  w.end_object();
}

}  // namespace

void write_youtube_post(JsonWriter& w, const Scene& scene, const Post& post) {
  const Counters counters = counters_at(post.engagement, scene.observed_ms - post.created_ms);
  w.key("payload");
  w.begin_object();
  w.field("kind", "youtube#video");
  write_etag(w, post.serial, counters.views);
  w.field("id", post.id);
  write_video_snippet(w, scene.world, post);
  write_content_details(w, post);
  write_status(w);
  write_statistics(w, post, counters);
  write_recording_details(w, post);
  w.end_object();
}

void write_youtube_comment(JsonWriter& w, const Scene& scene, const Comment& comment) {
  const Post& post = *comment.post;
  w.key("payload");
  w.begin_object();
  w.field("kind", "youtube#commentThread");
  write_etag(w, comment.number, 3);
  w.field("id", comment.id);
  w.key("snippet");
  w.begin_object();
  w.field("channelId", scene.world.user(Platform::youtube, post.author).id);
  w.field("videoId", post.id);
  write_top_level_comment(w, scene, comment);
  w.field("canReply", true);
  w.field("totalReplyCount", comment.replies);
  w.field("isPublic", true);
  w.end_object();
  w.end_object();
}

void write_youtube_user(JsonWriter& w, const Scene&, const User& user) {
  w.key("payload");
  w.begin_object();
  w.field("kind", "youtube#channel");
  write_etag(w, static_cast<std::uint64_t>(user.created_ms), user.followers);
  w.field("id", user.id);
  w.key("snippet");
  w.begin_object();
  w.field("title", user.display_name);
  w.field("description", words(user.language).bios[user.bio]);
  w.key("customUrl");
  w.string_with([&user](std::string& out) {
    out += '@';
    out += user.username;
  });
  write_time_seconds(w, "publishedAt", user.created_ms);
  w.field("defaultLanguage", words(user.language).code);
  w.field("country", places()[user.place].country_code);
  w.end_object();
  w.key("statistics");
  w.begin_object();
  w.key("viewCount");
  w.number_string(user.likes_received);
  w.key("subscriberCount");
  w.number_string(user.followers);
  w.field("hiddenSubscriberCount", false);
  w.key("videoCount");
  w.number_string(user.posts);
  w.end_object();
  w.end_object();
}

}  // namespace smelt::generate
