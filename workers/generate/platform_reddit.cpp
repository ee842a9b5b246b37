// Reddit listing children: t3 links, t1 comments, t2 accounts.
#include "generate/ids.hpp"
#include "generate/platform_shapes.hpp"

namespace smelt::generate {
namespace {

constexpr std::string_view DELETED = "[deleted]";

std::string_view subreddit_of(const Post& post) { return words(post.language).subreddits[post.subreddit]; }

void write_subreddit_id(JsonWriter& w, std::string_view subreddit) {
  std::uint64_t hash = 0;
  for (char c : subreddit) hash = hash * 131 + static_cast<unsigned char>(c);
  w.key("subreddit_id");
  w.string_with([hash](std::string& out) {
    out += "t5_";
    out += base36(mix64(hash) % 2'000'000'000ULL);
  });
}

/// `created_utc` as Reddit writes it: float seconds (always whole, "1411010034.0").
void write_created_utc(JsonWriter& w, std::int64_t epoch_ms) {
  w.key("created_utc");
  w.fixed(static_cast<double>(epoch_ms / 1000), 1);
}

void write_author(JsonWriter& w, const User& user, bool deleted) {
  if (deleted) {
    w.field("author", DELETED);
    return;
  }
  w.field("author", user.username);
  w.key("author_fullname");
  w.string_with([&user](std::string& out) {
    out += "t2_";
    out += user.id;
  });
}

void write_permalink(JsonWriter& w, std::string_view subreddit, std::string_view post_id,
                     std::string_view comment_id) {
  w.key("permalink");
  w.string_with([&](std::string& out) {
    out += "/r/";
    out += subreddit;
    out += "/comments/";
    out += post_id;
    out += "/";
    if (!comment_id.empty()) {
      out += "comment/";
      out += comment_id;
      out += "/";
    }
  });
}

void write_link_flags(JsonWriter& w) {
  w.field("is_self", true);
  w.field("over_18", false);
  w.field("stickied", false);
  w.field("locked", false);
  w.field("gilded", 0);
  w.field("edited", false);
  w.null_field("distinguished");
  w.null_field("link_flair_text");
  w.field("thumbnail", "self");
}

}  // namespace

void write_reddit_post(JsonWriter& w, const Scene& scene, const Post& post) {
  const Counters counters = counters_at(post.engagement, scene.observed_ms - post.created_ms);
  const std::string_view subreddit = subreddit_of(post);
  w.key("payload");
  w.begin_object();
  w.field("kind", "t3");
  w.key("data");
  w.begin_object();
  w.field("id", post.id);
  w.key("name");
  w.string_with([&post](std::string& out) {
    out += "t3_";
    out += post.id;
  });
  w.field("title", post.title);
  w.field("selftext", post.text);
  write_author(w, scene.world.user(Platform::reddit, post.author), post.author_deleted);
  w.field("subreddit", subreddit);
  write_subreddit_id(w, subreddit);
  w.key("subreddit_name_prefixed");
  w.string_with([subreddit](std::string& out) {
    out += "r/";
    out += subreddit;
  });
  write_created_utc(w, post.created_ms);
  w.field("ups", counters.likes);
  w.field("downs", 0);
  w.field("score", counters.likes);
  w.key("upvote_ratio");
  w.fixed(0.6 + static_cast<double>(stable_hash(post.serial, 0x7e) % 40) / 100.0, 2);
  w.field("num_comments", counters.comments);
  write_permalink(w, subreddit, post.id, "");
  w.key("domain");
  w.string_with([subreddit](std::string& out) {
    out += "self.";
    out += subreddit;
  });
  write_link_flags(w);
  w.end_object();
  w.end_object();
}

void write_reddit_comment(JsonWriter& w, const Scene& scene, const Comment& comment) {
  const Post& post = *comment.post;
  const std::string_view subreddit = subreddit_of(post);
  w.key("payload");
  w.begin_object();
  w.field("kind", "t1");
  w.key("data");
  w.begin_object();
  w.field("id", comment.id);
  w.key("name");
  w.string_with([&comment](std::string& out) {
    out += "t1_";
    out += comment.id;
  });
  w.key("link_id");
  w.string_with([&post](std::string& out) {
    out += "t3_";
    out += post.id;
  });
  w.key("parent_id");
  w.string_with([&post](std::string& out) {
    out += "t3_";
    out += post.id;
  });
  w.field("body", comment.text);
  write_author(w, scene.world.user(Platform::reddit, comment.author), comment.author_deleted);
  w.field("subreddit", subreddit);
  write_subreddit_id(w, subreddit);
  write_created_utc(w, comment.created_ms);
  w.field("score", comment.likes + 1);
  w.field("ups", comment.likes + 1);
  w.field("downs", 0);
  w.field("controversiality", 0);
  w.field("edited", false);
  w.field("gilded", 0);
  w.field("stickied", false);
  w.field("score_hidden", false);
  w.null_field("distinguished");
  w.null_field("likes");
  w.field("saved", false);
  w.field("archived", false);
  w.field("replies", "");
  write_permalink(w, subreddit, post.id, comment.id);
  w.end_object();
  w.end_object();
}

void write_reddit_user(JsonWriter& w, const Scene&, const User& user) {
  w.key("payload");
  w.begin_object();
  w.field("kind", "t2");
  w.key("data");
  w.begin_object();
  w.field("id", user.id);
  w.field("name", user.username);
  write_created_utc(w, user.created_ms);
  w.field("link_karma", user.followers / 3);
  w.field("comment_karma", user.followers - user.followers / 3);
  w.field("total_karma", user.followers);
  w.field("is_gold", user.verified);
  w.field("is_mod", user.followers > 50'000);
  w.field("verified", true);
  w.field("has_verified_email", true);
  write_avatar_url(w, "icon_img", "https://styles.redditmedia.com/t5_", user);
  w.end_object();
  w.end_object();
}

}  // namespace smelt::generate
