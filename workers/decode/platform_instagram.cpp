// Instagram Graph API: IG media, IG comment, IG user. Timestamps end in "+0000".
#include <utility>

#include "decode/platforms.hpp"
#include "decode/times.hpp"

namespace smelt::decode {
namespace {

/// The id and the `timestamp` every media and comment needs; nullopt on success.
Status read_identity(object item, std::string& id, std::int64_t& created_us) {
  auto found = id_field(item, "id");
  if (!found) return missing_id(item, "id", "payload.id");
  const auto text = raw_string_field(item, "timestamp");
  const auto parsed = text ? parse_rfc3339_time_us(*text) : std::nullopt;
  if (!parsed) return bad_timestamp(item, "timestamp", "payload.timestamp");
  id = std::move(*found);
  created_us = *parsed;
  return std::nullopt;
}

/// `<key>.id` of a nested object such as owner, from or media.
std::optional<std::string> nested_id(object parent, std::string_view key) {
  const auto nested = object_field(parent, key);
  return nested ? id_field(*nested, "id") : std::nullopt;
}

Status decode_media(object media, Emitter& emit) {
  std::string id;
  std::int64_t created_us = 0;
  if (Status failed = read_identity(media, id, created_us)) return failed;
  PostRow& row = emit.post();
  row.post_id = std::move(id);
  row.author_id = nested_id(media, "owner");
  row.author_username = nonempty_string_field(media, "username");
  row.created_at_us = created_us;
  row.text = string_field(media, "caption");
  row.url = nonempty_string_field(media, "permalink");
  row.likes = count_field(media, "like_count");
  row.comments = count_field(media, "comments_count");
  emit.analyze(row, {});
  return std::nullopt;
}

std::optional<std::string> commenter_name(object comment) {
  if (auto name = nonempty_string_field(comment, "username")) return name;
  const auto from = object_field(comment, "from");
  return from ? nonempty_string_field(*from, "username") : std::nullopt;
}

Status decode_instagram_comment(object comment, Emitter& emit) {
  std::string id;
  std::int64_t created_us = 0;
  if (Status failed = read_identity(comment, id, created_us)) return failed;
  CommentRow& row = emit.comment();
  row.comment_id = std::move(id);
  row.post_id = nested_id(comment, "media");
  row.author_id = nested_id(comment, "from");
  row.author_username = commenter_name(comment);
  row.created_at_us = created_us;
  row.text = string_field(comment, "text");
  row.likes = count_field(comment, "like_count");
  emit.analyze(row, {});
  return std::nullopt;
}

Status decode_instagram_user(object profile, Emitter& emit) {
  auto id = id_field(profile, "id");
  if (!id) return missing_id(profile, "id", "payload.id");
  UserRow user;
  user.user_id = std::move(*id);
  user.username = nonempty_string_field(profile, "username");
  user.display_name = string_field(profile, "name");
  user.followers = count_field(profile, "followers_count");
  user.following = count_field(profile, "follows_count");
  emit.add(std::move(user));
  return std::nullopt;
}

}  // namespace

Status decode_instagram(const Event& event, Emitter& emit) {
  if (event.kind == "post") return decode_media(event.payload, emit);
  if (event.kind == "comment") return decode_instagram_comment(event.payload, emit);
  return decode_instagram_user(event.payload, emit);
}

}  // namespace smelt::decode
