// TikTok Research API: video, comment, user info. Ids are 19-digit JSON
// numbers (read as integer tokens, never as doubles); counts may be missing.
#include <utility>

#include "decode/platforms.hpp"
#include "decode/times.hpp"

namespace smelt::decode {
namespace {

constexpr std::string_view SITE = "https://www.tiktok.com/@";

/// The id and `create_time` (Unix seconds) every video and comment needs; nullopt on success.
Status read_identity(object item, std::string& id, std::int64_t& created_us) {
  auto found = id_field(item, "id");
  if (!found) return missing_id(item, "id", "payload.id");
  const auto created = field(item, "create_time");
  const auto parsed = created ? unix_seconds_us(*created) : std::nullopt;
  if (!parsed) return bad_timestamp(item, "create_time", "payload.create_time");
  id = std::move(*found);
  created_us = *parsed;
  return std::nullopt;
}

text::Hints video_hints(object video) {
  text::Hints hints;
  if (const auto tags = array_field(video, "hashtag_names")) hints.hashtags = strings_of(*tags);
  if (const auto mentions = array_field(video, "video_mention_list")) hints.mentions = strings_of(*mentions);
  return hints;
}

void read_video_counts(object video, PostRow& row) {
  row.likes = count_field(video, "like_count");
  row.shares = count_field(video, "share_count");
  row.comments = count_field(video, "comment_count");
  row.views = count_field(video, "view_count");
}

/// The video's page, when the author is known: tiktok.com/@<user>/video/<id>.
std::optional<std::string> video_url(const PostRow& row) {
  if (!row.author_username) return std::nullopt;
  return std::string(SITE).append(*row.author_username).append("/video/").append(row.post_id);
}

Status decode_video(object video, Emitter& emit) {
  std::string id;
  std::int64_t created_us = 0;
  if (Status failed = read_identity(video, id, created_us)) return failed;
  PostRow& row = emit.post();
  row.post_id = std::move(id);
  row.author_username = nonempty_string_field(video, "username");
  row.author_id = row.author_username;
  row.created_at_us = created_us;
  row.text = string_field(video, "video_description");
  row.region = nonempty_string_field(video, "region_code");
  row.url = video_url(row);
  read_video_counts(video, row);
  emit.analyze(row, video_hints(video));
  return std::nullopt;
}

Status decode_tiktok_comment(object comment, Emitter& emit) {
  std::string id;
  std::int64_t created_us = 0;
  if (Status failed = read_identity(comment, id, created_us)) return failed;
  CommentRow& row = emit.comment();
  row.comment_id = std::move(id);
  row.post_id = id_field(comment, "video_id");
  row.created_at_us = created_us;
  row.text = string_field(comment, "text");
  row.likes = count_field(comment, "like_count");
  emit.analyze(row, {});
  return std::nullopt;
}

/// User info has no id: the unique username stands in, as it does for video authors.
Status decode_tiktok_user(object profile, Emitter& emit) {
  auto name = nonempty_string_field(profile, "username");
  if (!name) return missing_id(profile, "username", "payload.username");
  UserRow user;
  user.user_id = *name;
  user.username = std::move(*name);
  user.display_name = string_field(profile, "display_name");
  user.followers = count_field(profile, "follower_count");
  user.following = count_field(profile, "following_count");
  user.verified = bool_field(profile, "is_verified");
  emit.add(std::move(user));
  return std::nullopt;
}

}  // namespace

Status decode_tiktok(const Event& event, Emitter& emit) {
  if (event.kind == "post") return decode_video(event.payload, emit);
  if (event.kind == "comment") return decode_tiktok_comment(event.payload, emit);
  return decode_tiktok_user(event.payload, emit);
}

}  // namespace smelt::decode
