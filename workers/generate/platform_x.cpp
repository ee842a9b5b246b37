// X API v2 (tweet + includes.users/places) and v1.1 (status with user) shapes.
#include <array>

#include "generate/ids.hpp"
#include "generate/platform_shapes.hpp"
#include "generate/time_format.hpp"

namespace smelt::generate {
namespace {

constexpr std::array<std::string_view, 3> V1_SOURCES = {
    R"(<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>)",
    R"(<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>)",
    R"(<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>)"};
constexpr double PLACE_BOX_DEGREES = 0.25;
constexpr std::uint64_t USER_SALT = 0x7877;

const Place& place_of(std::uint16_t index) { return places()[index]; }

bool shows_location(const User& user) {
  return stable_hash(static_cast<std::uint64_t>(user.created_ms), USER_SALT) % 10 < 7;
}

std::string_view bio_of(const User& user) { return words(user.language).bios[user.bio]; }

void write_place_id(JsonWriter& w, std::string_view name, std::uint16_t place) {
  w.key(name);
  w.string_with([place](std::string& out) {
    static constexpr char HEX[] = "0123456789abcdef";
    const std::uint64_t bits = mix64(place + 0x9a1ceULL);
    for (int shift = 60; shift >= 0; shift -= 4) out += HEX[(bits >> shift) & 0xf];
  });
}

// ---- v2 -------------------------------------------------------------------

void write_v2_user(JsonWriter& w, const User& user) {
  w.begin_object();
  w.field("id", user.id);
  w.field("name", user.display_name);
  w.field("username", user.username);
  write_time_ms(w, "created_at", user.created_ms);
  w.field("description", bio_of(user));
  if (shows_location(user)) w.field("location", place_of(user.place).full_name);
  w.field("verified", user.verified);
  w.field("protected", false);
  w.field("url", "");
  write_avatar_url(w, "profile_image_url", "https://pbs.twimg.com/profile_images/", user);
  w.key("public_metrics");
  w.begin_object();
  w.field("followers_count", user.followers);
  w.field("following_count", user.following);
  w.field("tweet_count", user.posts);
  w.field("listed_count", user.followers / 300);
  w.end_object();
  w.end_object();
}

void write_v2_place(JsonWriter& w, std::uint16_t index) {
  const Place& place = place_of(index);
  w.begin_object();
  write_place_id(w, "id", index);
  w.field("full_name", place.full_name);
  w.field("name", place.city);
  w.field("country", place.country);
  w.field("country_code", place.country_code);
  w.field("place_type", "city");
  w.key("geo");
  w.begin_object();
  w.field("type", "Feature");
  w.key("bbox");
  w.begin_array();
  w.fixed(place.longitude - PLACE_BOX_DEGREES, 6);
  w.fixed(place.latitude - PLACE_BOX_DEGREES, 6);
  w.fixed(place.longitude + PLACE_BOX_DEGREES, 6);
  w.fixed(place.latitude + PLACE_BOX_DEGREES, 6);
  w.end_array();
  w.key("properties");
  w.begin_object();
  w.end_object();
  w.end_object();
  w.end_object();
}

void write_v2_metrics(JsonWriter& w, const Counters& c) {
  w.key("public_metrics");
  w.begin_object();
  w.field("retweet_count", c.shares);
  w.field("reply_count", c.comments);
  w.field("like_count", c.likes);
  w.field("quote_count", c.quotes);
  w.field("impression_count", c.views);
  w.end_object();
}

void write_v2_mention(JsonWriter& w, const TextSpan& span, const User& user) {
  w.begin_object();
  w.field("start", static_cast<std::uint64_t>(span.start));
  w.field("end", static_cast<std::uint64_t>(span.end));
  w.field("username", user.username);
  w.field("id", user.id);
  w.end_object();
}

void write_v2_entities(JsonWriter& w, const World& world, const Post& post) {
  if (post.hashtag_spans.empty() && post.mention_spans.empty()) return;
  w.key("entities");
  w.begin_object();
  if (!post.hashtag_spans.empty()) {
    w.key("hashtags");
    w.begin_array();
    for (std::size_t i = 0; i < post.hashtag_spans.size(); ++i) {
      w.begin_object();
      w.field("start", static_cast<std::uint64_t>(post.hashtag_spans[i].start));
      w.field("end", static_cast<std::uint64_t>(post.hashtag_spans[i].end));
      w.field("tag", world.hashtag(post.hashtags[i]).tag);
      w.end_object();
    }
    w.end_array();
  }
  if (!post.mention_spans.empty()) {
    w.key("mentions");
    w.begin_array();
    for (std::size_t i = 0; i < post.mention_spans.size(); ++i) {
      write_v2_mention(w, post.mention_spans[i], world.user(Platform::x, post.mentions[i]));
    }
    w.end_array();
  }
  w.end_object();
}

void write_v2_tweet(JsonWriter& w, const Scene& scene, const Post& post) {
  w.key("payload");
  w.begin_object();
  w.field("id", post.id);
  w.field("text", post.text);
  w.field("author_id", scene.world.user(Platform::x, post.author).id);
  write_time_ms(w, "created_at", post.created_ms);
  w.field("lang", words(post.language).code);
  w.field("conversation_id", post.id);
  w.key("edit_history_tweet_ids");
  w.begin_array();
  w.string(post.id);
  w.end_array();
  w.field("possibly_sensitive", false);
  w.field("reply_settings", "everyone");
  write_v2_metrics(w, counters_at(post.engagement, scene.observed_ms - post.created_ms));
  write_v2_entities(w, scene.world, post);
  if (post.geotagged) {
    w.key("geo");
    w.begin_object();
    write_place_id(w, "place_id", post.place);
    w.end_object();
  }
  w.end_object();
}

void write_v2_includes(JsonWriter& w, const World& world, const Post& post) {
  w.key("includes");
  w.begin_object();
  w.key("users");
  w.begin_array();
  write_v2_user(w, world.user(Platform::x, post.author));
  for (std::size_t i = 0; i < post.mentions.size(); ++i) {
    const bool repeated = post.mentions[i] == post.author || (i == 1 && post.mentions[0] == post.mentions[1]);
    if (!repeated) write_v2_user(w, world.user(Platform::x, post.mentions[i]));
  }
  w.end_array();
  if (post.geotagged) {
    w.key("places");
    w.begin_array();
    write_v2_place(w, post.place);
    w.end_array();
  }
  w.end_object();
}

// ---- v1.1 -----------------------------------------------------------------

void write_v1_time(JsonWriter& w, std::string_view name, std::int64_t epoch_ms) {
  w.key(name);
  w.string_with([epoch_ms](std::string& out) { append_twitter_v1_time(out, epoch_ms); });
}

void write_v1_user(JsonWriter& w, const User& user) {
  w.begin_object();
  w.key("id");
  write_number_text(w, user.id);
  w.field("id_str", user.id);
  w.field("name", user.display_name);
  w.field("screen_name", user.username);
  w.field("location", shows_location(user) ? place_of(user.place).full_name : std::string_view());
  w.field("description", bio_of(user));
  w.null_field("url");
  w.field("protected", false);
  w.field("followers_count", user.followers);
  w.field("friends_count", user.following);
  w.field("listed_count", user.followers / 300);
  write_v1_time(w, "created_at", user.created_ms);
  w.field("favourites_count", user.posts * 3);
  w.field("verified", user.verified);
  w.field("statuses_count", user.posts);
  w.null_field("lang");
  w.field("geo_enabled", shows_location(user));
  write_avatar_url(w, "profile_image_url", "http://pbs.twimg.com/profile_images/", user);
  write_avatar_url(w, "profile_image_url_https", "https://pbs.twimg.com/profile_images/", user);
  w.field("default_profile", false);
  w.end_object();
}

void write_v1_place(JsonWriter& w, std::uint16_t index) {
  const Place& place = place_of(index);
  w.key("place");
  w.begin_object();
  write_place_id(w, "id", index);
  w.field("place_type", "city");
  w.field("name", place.city);
  w.field("full_name", place.full_name);
  w.field("country_code", place.country_code);
  w.field("country", place.country);
  w.key("bounding_box");
  w.begin_object();
  w.field("type", "Polygon");
  w.key("coordinates");
  w.begin_array();
  w.begin_array();
  for (int corner = 0; corner < 4; ++corner) {
    w.begin_array();
    w.fixed(place.longitude + (corner == 1 || corner == 2 ? PLACE_BOX_DEGREES : -PLACE_BOX_DEGREES), 6);
    w.fixed(place.latitude + (corner >= 2 ? PLACE_BOX_DEGREES : -PLACE_BOX_DEGREES), 6);
    w.end_array();
  }
  w.end_array();
  w.end_array();
  w.end_object();
  w.key("attributes");
  w.begin_object();
  w.end_object();
  w.end_object();
}

void write_v1_indices(JsonWriter& w, const TextSpan& span) {
  w.key("indices");
  w.begin_array();
  w.number(static_cast<std::uint64_t>(span.start));
  w.number(static_cast<std::uint64_t>(span.end));
  w.end_array();
}

void write_v1_mention(JsonWriter& w, const TextSpan& span, const User& user) {
  w.begin_object();
  w.field("screen_name", user.username);
  w.field("name", user.display_name);
  w.key("id");
  write_number_text(w, user.id);
  w.field("id_str", user.id);
  write_v1_indices(w, span);
  w.end_object();
}

void write_v1_entities(JsonWriter& w, const World& world, const Post& post) {
  w.key("entities");
  w.begin_object();
  w.key("hashtags");
  w.begin_array();
  for (std::size_t i = 0; i < post.hashtag_spans.size(); ++i) {
    w.begin_object();
    w.field("text", world.hashtag(post.hashtags[i]).tag);
    write_v1_indices(w, post.hashtag_spans[i]);
    w.end_object();
  }
  w.end_array();
  w.key("symbols");
  w.begin_array();
  w.end_array();
  w.key("user_mentions");
  w.begin_array();
  for (std::size_t i = 0; i < post.mention_spans.size(); ++i) {
    write_v1_mention(w, post.mention_spans[i], world.user(Platform::x, post.mentions[i]));
  }
  w.end_array();
  w.key("urls");
  w.begin_array();
  w.end_array();
  w.end_object();
}

void write_v1_no_reply(JsonWriter& w) {
  w.null_field("in_reply_to_status_id");
  w.null_field("in_reply_to_status_id_str");
  w.null_field("in_reply_to_user_id");
  w.null_field("in_reply_to_user_id_str");
  w.null_field("in_reply_to_screen_name");
}

void write_v1_geo(JsonWriter& w, const Post& post) {
  w.null_field("geo");
  if (!post.geotagged) {
    w.null_field("coordinates");
    w.null_field("place");
    return;
  }
  const Place& place = place_of(post.place);
  w.key("coordinates");
  w.begin_object();
  w.field("type", "Point");
  w.key("coordinates");
  w.begin_array();
  w.fixed(place.longitude, 6);
  w.fixed(place.latitude, 6);
  w.end_array();
  w.end_object();
  write_v1_place(w, post.place);
}

void write_v1_status(JsonWriter& w, const Scene& scene, const Post& post) {
  const Counters counters = counters_at(post.engagement, scene.observed_ms - post.created_ms);
  w.key("payload");
  w.begin_object();
  write_v1_time(w, "created_at", post.created_ms);
  w.key("id");
  w.number(post.number);
  w.field("id_str", post.id);
  w.field("text", post.text);
  w.field("truncated", false);
  write_v1_entities(w, scene.world, post);
  w.field("source", V1_SOURCES[stable_hash(post.serial, 0x5c) % V1_SOURCES.size()]);
  write_v1_no_reply(w);
  w.key("user");
  write_v1_user(w, scene.world.user(Platform::x, post.author));
  write_v1_geo(w, post);
  w.null_field("contributors");
  w.field("is_quote_status", false);
  w.field("retweet_count", counters.shares);
  w.field("favorite_count", counters.likes);
  w.field("favorited", false);
  w.field("retweeted", false);
  w.field("possibly_sensitive", false);
  w.field("lang", words(post.language).code);
  w.end_object();
}

void write_v1_reply(JsonWriter& w, const Scene& scene, const Comment& comment) {
  const Post& post = *comment.post;
  const User& parent_author = scene.world.user(Platform::x, post.author);
  w.key("payload");
  w.begin_object();
  write_v1_time(w, "created_at", comment.created_ms);
  w.key("id");
  w.number(comment.number);
  w.field("id_str", comment.id);
  w.field("text", comment.text);
  w.field("truncated", false);
  w.key("entities");
  w.begin_object();
  w.key("hashtags");
  w.begin_array();
  w.end_array();
  w.key("user_mentions");
  w.begin_array();
  write_v1_mention(w, comment.mention_spans[0], parent_author);
  w.end_array();
  w.end_object();
  w.key("in_reply_to_status_id");
  w.number(post.number);
  w.field("in_reply_to_status_id_str", post.id);
  w.key("in_reply_to_user_id");
  write_number_text(w, parent_author.id);
  w.field("in_reply_to_user_id_str", parent_author.id);
  w.field("in_reply_to_screen_name", parent_author.username);
  w.key("user");
  write_v1_user(w, scene.world.user(Platform::x, comment.author));
  w.field("retweet_count", std::uint64_t{0});
  w.field("favorite_count", comment.likes);
  w.field("lang", words(comment.language).code);
  w.end_object();
}

void write_v2_reply(JsonWriter& w, const Scene& scene, const Comment& comment) {
  const Post& post = *comment.post;
  const User& parent_author = scene.world.user(Platform::x, post.author);
  w.key("payload");
  w.begin_object();
  w.field("id", comment.id);
  w.field("text", comment.text);
  w.field("author_id", scene.world.user(Platform::x, comment.author).id);
  write_time_ms(w, "created_at", comment.created_ms);
  w.field("lang", words(comment.language).code);
  w.field("conversation_id", post.id);
  w.field("in_reply_to_user_id", parent_author.id);
  w.key("referenced_tweets");
  w.begin_array();
  w.begin_object();
  w.field("type", "replied_to");
  w.field("id", post.id);
  w.end_object();
  w.end_array();
  w.field("reply_settings", "everyone");
  write_v2_metrics(w, Counters{comment.likes * 40 + 3, comment.likes, comment.replies, 0, 0});
  w.key("entities");
  w.begin_object();
  w.key("mentions");
  w.begin_array();
  write_v2_mention(w, comment.mention_spans[0], parent_author);
  w.end_array();
  w.end_object();
  w.end_object();
  w.key("includes");
  w.begin_object();
  w.key("users");
  w.begin_array();
  write_v2_user(w, scene.world.user(Platform::x, comment.author));
  w.end_array();
  w.end_object();
}

}  // namespace

void write_x_post(JsonWriter& w, const Scene& scene, const Post& post) {
  if (post.variant == 1) {
    write_v1_status(w, scene, post);
    return;
  }
  write_v2_tweet(w, scene, post);
  write_v2_includes(w, scene.world, post);
}

void write_x_comment(JsonWriter& w, const Scene& scene, const Comment& comment) {
  if (comment.post->variant == 1) {
    write_v1_reply(w, scene, comment);
  } else {
    write_v2_reply(w, scene, comment);
  }
}

void write_x_user(JsonWriter& w, const Scene& scene, const User& user) {
  w.key("payload");
  if (scene.rng.chance(0.15)) {
    write_v1_user(w, user);
  } else {
    write_v2_user(w, user);
  }
}

}  // namespace smelt::generate
