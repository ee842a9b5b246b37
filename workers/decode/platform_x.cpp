// X: API v2 tweets and users, API v1.1 statuses and users.
#include <limits>
#include <utility>

#include "decode/platforms.hpp"
#include "decode/times.hpp"

namespace smelt::decode {
namespace {

/// The fields of a tweet that posts and replies share, from either API version.
struct Tweet {
  std::string id;
  std::int64_t created_at_us = 0;
  std::optional<std::string> author_id;
  std::optional<std::string> author_username;
  std::optional<std::string> text;
  text::Hints hints;
  std::optional<std::string> region;
  std::optional<std::int64_t> likes;
  std::optional<std::int64_t> shares;
  std::optional<std::int64_t> replies;
  std::optional<std::int64_t> impressions;
  std::optional<std::string> parent_id;  ///< the post a reply belongs to
};

/// The sum of the counters that are reported; NULL when neither is (or the sum overflows).
std::optional<std::int64_t> sum_reported(std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
  if (!a && !b) return std::nullopt;
  const std::int64_t left = a.value_or(0);
  const std::int64_t right = b.value_or(0);
  if (left > std::numeric_limits<std::int64_t>::max() - right) return std::nullopt;
  return left + right;
}

std::vector<std::string> list_or_empty(object entities, std::string_view list, std::string_view member) {
  const auto values = array_field(entities, list);
  return values ? member_strings(*values, member) : std::vector<std::string>();
}

/// entities.urls[]: the expanded URL where X gives one, else the t.co link.
std::vector<std::string> entity_urls(object entities) {
  std::vector<std::string> out;
  const auto values = array_field(entities, "urls");
  if (!values) return out;
  for (element value : *values) {
    object url;
    if (value.get_object().get(url) != simdjson::SUCCESS) continue;
    auto text = nonempty_string_field(url, "expanded_url");
    if (!text) text = nonempty_string_field(url, "url");
    if (text) out.push_back(std::move(*text));
  }
  return out;
}

/// The object in an array whose "id" equals `id`.
std::optional<object> find_by_id(std::optional<array> items, std::string_view id) {
  if (!items) return std::nullopt;
  for (element item : *items) {
    object candidate;
    if (item.get_object().get(candidate) != simdjson::SUCCESS) continue;
    if (id_field(candidate, "id") == id) return candidate;
  }
  return std::nullopt;
}

std::optional<array> includes_list(const Event& event, std::string_view key) {
  return event.includes ? array_field(*event.includes, key) : std::nullopt;
}

// ---- users ----------------------------------------------------------------

bool is_v1_user(object user) { return field(user, "screen_name") || field(user, "id_str"); }

Status read_v2_user(object user, UserRow& row) {
  auto id = id_field(user, "id");
  if (!id) return missing_id(user, "id", "user id");
  row.user_id = std::move(*id);
  row.username = nonempty_string_field(user, "username");
  row.display_name = string_field(user, "name");
  if (const auto metrics = object_field(user, "public_metrics")) {
    row.followers = count_field(*metrics, "followers_count");
    row.following = count_field(*metrics, "following_count");
  }
  row.verified = bool_field(user, "verified");
  return std::nullopt;
}

Status read_v1_user(object user, UserRow& row) {
  auto id = id_field(user, "id_str");
  if (!id) id = id_field(user, "id");
  if (!id) return missing_id(user, "id_str", "user id_str");
  row.user_id = std::move(*id);
  row.username = nonempty_string_field(user, "screen_name");
  row.display_name = string_field(user, "name");
  row.followers = count_field(user, "followers_count");
  row.following = count_field(user, "friends_count");
  row.verified = bool_field(user, "verified");
  return std::nullopt;
}

/// A user of either version as a UserRow.
Status emit_user(object user, Emitter& emit) {
  UserRow row;
  Status failed = is_v1_user(user) ? read_v1_user(user, row) : read_v2_user(user, row);
  if (failed) return failed;
  emit.add(std::move(row));
  return std::nullopt;
}

/// includes.users: every expanded profile; one without an id is an error of its own.
void emit_included_users(const Event& event, Emitter& emit) {
  const auto users = includes_list(event, "users");
  if (!users) return;
  for (element value : *users) {
    object user;
    if (value.get_object().get(user) != simdjson::SUCCESS) continue;
    if (Status failed = emit_user(user, emit)) emit.fail(*failed);
  }
}

// ---- API v2 ---------------------------------------------------------------

void read_v2_entities(object entities, text::Hints& hints) {
  hints.hashtags = list_or_empty(entities, "hashtags", "tag");
  hints.mentions = list_or_empty(entities, "mentions", "username");
  hints.cashtags = list_or_empty(entities, "cashtags", "tag");
  hints.urls = entity_urls(entities);
}

/// Text and entities; a long post's full text is in note_tweet.
void read_v2_text(object tweet, Tweet& out) {
  const auto note = object_field(tweet, "note_tweet");
  if (note && field(*note, "text")) {
    out.text = string_field(*note, "text");
    if (const auto entities = object_field(*note, "entities")) read_v2_entities(*entities, out.hints);
    return;
  }
  out.text = string_field(tweet, "text");
  if (const auto entities = object_field(tweet, "entities")) read_v2_entities(*entities, out.hints);
}

void read_v2_metrics(object tweet, Tweet& out) {
  const auto metrics = object_field(tweet, "public_metrics");
  if (!metrics) return;
  out.likes = count_field(*metrics, "like_count");
  out.shares = sum_reported(count_field(*metrics, "retweet_count"), count_field(*metrics, "quote_count"));
  out.replies = count_field(*metrics, "reply_count");
  out.impressions = count_field(*metrics, "impression_count");
}

/// geo.place_id resolved through includes.places to its country code.
std::optional<std::string> v2_region(const Event& event, object tweet) {
  const auto geo = object_field(tweet, "geo");
  const auto place_id = geo ? id_field(*geo, "place_id") : std::nullopt;
  if (!place_id) return std::nullopt;
  const auto place = find_by_id(includes_list(event, "places"), *place_id);
  return place ? nonempty_string_field(*place, "country_code") : std::nullopt;
}

/// The thread's root (conversation_id), else the tweet it replies to.
std::optional<std::string> v2_parent(object tweet, std::string_view own_id) {
  auto conversation = id_field(tweet, "conversation_id");
  if (conversation && *conversation != own_id) return conversation;
  const auto references = array_field(tweet, "referenced_tweets");
  if (!references) return std::nullopt;
  for (element value : *references) {
    object reference;
    if (value.get_object().get(reference) != simdjson::SUCCESS) continue;
    if (raw_string_field(reference, "type") == "replied_to") return id_field(reference, "id");
  }
  return std::nullopt;
}

Status read_v2_tweet(const Event& event, object tweet, Tweet& out) {
  auto id = id_field(tweet, "id");
  if (!id) return missing_id(tweet, "id", "payload.id");
  const auto created = raw_string_field(tweet, "created_at");
  const auto created_us = created ? parse_rfc3339_time_us(*created) : std::nullopt;
  if (!created_us) return bad_timestamp(tweet, "created_at", "payload.created_at");
  out.id = std::move(*id);
  out.created_at_us = *created_us;
  out.author_id = id_field(tweet, "author_id");
  const auto author =
      out.author_id ? find_by_id(includes_list(event, "users"), *out.author_id) : std::nullopt;
  if (author) out.author_username = nonempty_string_field(*author, "username");
  read_v2_text(tweet, out);
  out.hints.language = string_field(tweet, "lang").value_or("");
  read_v2_metrics(tweet, out);
  out.region = v2_region(event, tweet);
  out.parent_id = v2_parent(tweet, out.id);
  return std::nullopt;
}

// ---- API v1.1 -------------------------------------------------------------

bool is_v1_status(object tweet) { return object_field(tweet, "user") || field(tweet, "id_str"); }

void read_v1_entities(object entities, text::Hints& hints) {
  hints.hashtags = list_or_empty(entities, "hashtags", "text");
  hints.mentions = list_or_empty(entities, "user_mentions", "screen_name");
  hints.cashtags = list_or_empty(entities, "symbols", "text");
  hints.urls = entity_urls(entities);
}

/// Text and entities; the full text of a long status is in extended_tweet
/// (streaming) or full_text (tweet_mode=extended).
void read_v1_text(object status, Tweet& out) {
  object source = status;
  if (const auto extended = object_field(status, "extended_tweet");
      extended && field(*extended, "full_text")) {
    source = *extended;
  }
  out.text = field(source, "full_text") ? string_field(source, "full_text") : string_field(source, "text");
  if (const auto entities = object_field(source, "entities")) read_v1_entities(*entities, out.hints);
}

void read_v1_author(object status, Tweet& out) {
  const auto user = object_field(status, "user");
  if (!user) return;
  out.author_id = id_field(*user, "id_str");
  if (!out.author_id) out.author_id = id_field(*user, "id");
  out.author_username = nonempty_string_field(*user, "screen_name");
}

std::optional<std::string> v1_region(object status) {
  const auto place = object_field(status, "place");
  return place ? nonempty_string_field(*place, "country_code") : std::nullopt;
}

Status read_v1_status(object status, Tweet& out) {
  auto id = id_field(status, "id_str");
  if (!id) id = id_field(status, "id");
  if (!id) return missing_id(status, "id_str", "payload.id_str");
  const auto created = raw_string_field(status, "created_at");
  const auto created_us = created ? parse_twitter_v1_time_us(*created) : std::nullopt;
  if (!created_us) return bad_timestamp(status, "created_at", "payload.created_at");
  out.id = std::move(*id);
  out.created_at_us = *created_us;
  read_v1_author(status, out);
  read_v1_text(status, out);
  out.hints.language = string_field(status, "lang").value_or("");
  out.likes = count_field(status, "favorite_count");
  out.shares = sum_reported(count_field(status, "retweet_count"), count_field(status, "quote_count"));
  out.replies = count_field(status, "reply_count");
  out.region = v1_region(status);
  out.parent_id = id_field(status, "in_reply_to_status_id_str");
  if (!out.parent_id) out.parent_id = id_field(status, "in_reply_to_status_id");
  return std::nullopt;
}

// ---- rows -----------------------------------------------------------------

/// The tweet's page: x.com/<author>/status/<id>, or /i/web/status/<id>
/// when the author's handle is not in the event.
std::string tweet_url(const Tweet& tweet) {
  const std::string_view author = tweet.author_username ? std::string_view(*tweet.author_username) : "i/web";
  return std::string("https://x.com/").append(author).append("/status/").append(tweet.id);
}

void emit_post(Tweet& tweet, Emitter& emit) {
  PostRow& row = emit.post();
  row.url = tweet_url(tweet);
  row.post_id = std::move(tweet.id);
  row.author_id = std::move(tweet.author_id);
  row.author_username = std::move(tweet.author_username);
  row.created_at_us = tweet.created_at_us;
  row.text = std::move(tweet.text);
  row.region = std::move(tweet.region);
  row.likes = tweet.likes;
  row.shares = tweet.shares;
  row.comments = tweet.replies;
  row.impressions = tweet.impressions;
  emit.analyze(row, std::move(tweet.hints));
}

void emit_comment(Tweet& tweet, Emitter& emit) {
  CommentRow& row = emit.comment();
  row.comment_id = std::move(tweet.id);
  row.post_id = std::move(tweet.parent_id);
  row.author_id = std::move(tweet.author_id);
  row.author_username = std::move(tweet.author_username);
  row.created_at_us = tweet.created_at_us;
  row.text = std::move(tweet.text);
  row.likes = tweet.likes;
  emit.analyze(row, std::move(tweet.hints));
}

/// A tweet's envelope payload; a whole API response ({"data": tweet}) is unwrapped.
object tweet_of(object payload) {
  if (field(payload, "id")) return payload;
  return object_field(payload, "data").value_or(payload);
}

Status decode_tweet(const Event& event, Emitter& emit) {
  const object tweet = tweet_of(event.payload);
  const bool v1 = is_v1_status(tweet);
  Tweet decoded;
  Status failed = v1 ? read_v1_status(tweet, decoded) : read_v2_tweet(event, tweet, decoded);
  if (failed) return failed;
  if (event.kind == "post") {
    emit_post(decoded, emit);
  } else {
    emit_comment(decoded, emit);
  }
  if (const auto user = object_field(tweet, "user"); v1 && user) {
    if (Status user_failed = emit_user(*user, emit)) emit.fail(*user_failed);
  }
  emit_included_users(event, emit);
  return std::nullopt;
}

}  // namespace

Status decode_x(const Event& event, Emitter& emit) {
  if (event.kind == "user") return emit_user(tweet_of(event.payload), emit);
  return decode_tweet(event, emit);
}

}  // namespace smelt::decode
