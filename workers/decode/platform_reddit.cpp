// Reddit: listing children {"kind": "t3" | "t1" | "t2", "data": {...}}.
#include <utility>

#include "decode/platforms.hpp"
#include "decode/times.hpp"

namespace smelt::decode {
namespace {

/// How Reddit shows the author of a post whose account is gone.
constexpr std::string_view DELETED_AUTHOR = "[deleted]";
constexpr std::string_view SITE = "https://www.reddit.com";

/// The thing type for an envelope kind, when the payload does not say.
std::string_view thing_type_for(std::string_view kind) {
  if (kind == "post") return "t3";
  if (kind == "comment") return "t1";
  return "t2";
}

/// "t3_abc" -> "abc"; other values unchanged.
std::string without_type_prefix(std::string value) {
  if (value.size() > 3 && value[0] == 't' && value[2] == '_') value.erase(0, 3);
  return value;
}

/// The author's name, unless the account is deleted (or the field is absent).
std::optional<std::string> author_of(object thing) {
  auto author = nonempty_string_field(thing, "author");
  if (!author || *author == DELETED_AUTHOR) return std::nullopt;
  return author;
}

/// Upvotes: `ups`, else `score` (Reddit reports them equal; a negative one is not a count).
std::optional<std::int64_t> upvotes_of(object thing) {
  const auto ups = count_field(thing, "ups");
  return ups ? ups : count_field(thing, "score");
}

/// Reddit names accounts by their unique user name: it is the user id too.
void emit_author(const std::optional<std::string>& author, Emitter& emit) {
  if (!author) return;
  UserRow user;
  user.user_id = *author;
  user.username = *author;
  emit.add(std::move(user));
}

/// "<title>\n\n<selftext>", or whichever of the two exists.
std::optional<std::string> post_text(object thing) {
  auto title = string_field(thing, "title");
  auto body = string_field(thing, "selftext");
  if (!body || body->empty()) return title;
  if (!title || title->empty()) return body;
  return title->append("\n\n").append(*body);
}

std::optional<std::string> post_url(object thing) {
  const auto permalink = string_field(thing, "permalink");
  if (!permalink || !permalink->starts_with('/')) return std::nullopt;
  return std::string(SITE).append(*permalink);
}

/// The id and creation time every thing needs; nullopt on success.
Status read_identity(object thing, std::string& id, std::int64_t& created_us) {
  auto found = id_field(thing, "id");
  if (!found) found = id_field(thing, "name");
  if (!found) return missing_id(thing, "id", "payload.data.id");
  const auto created = field(thing, "created_utc");
  const auto parsed = created ? unix_seconds_us(*created) : std::nullopt;
  if (!parsed) return bad_timestamp(thing, "created_utc", "payload.data.created_utc");
  id = without_type_prefix(std::move(*found));
  created_us = *parsed;
  return std::nullopt;
}

Status decode_link(object thing, Emitter& emit) {
  std::string id;
  std::int64_t created_us = 0;
  if (Status failed = read_identity(thing, id, created_us)) return failed;
  PostRow& out = emit.post();
  out.post_id = std::move(id);
  out.created_at_us = created_us;
  out.author_id = author_of(thing);
  out.author_username = out.author_id;
  out.text = post_text(thing);
  out.url = post_url(thing);
  out.likes = upvotes_of(thing);
  out.shares = count_field(thing, "num_crossposts");
  out.comments = count_field(thing, "num_comments");
  out.views = count_field(thing, "view_count");
  emit.analyze(out, {});
  emit_author(out.author_id, emit);
  return std::nullopt;
}

Status decode_reddit_comment(object thing, Emitter& emit) {
  std::string id;
  std::int64_t created_us = 0;
  if (Status failed = read_identity(thing, id, created_us)) return failed;
  CommentRow& out = emit.comment();
  out.comment_id = std::move(id);
  out.created_at_us = created_us;
  const auto link = id_field(thing, "link_id");
  if (link) out.post_id = without_type_prefix(*link);
  out.author_id = author_of(thing);
  out.author_username = out.author_id;
  out.text = string_field(thing, "body");
  out.likes = upvotes_of(thing);
  emit.analyze(out, {});
  emit_author(out.author_id, emit);
  return std::nullopt;
}

Status decode_account(object thing, Emitter& emit) {
  auto name = nonempty_string_field(thing, "name");
  if (!name) return missing_id(thing, "name", "payload.data.name");
  UserRow user;
  user.user_id = *name;
  user.username = std::move(*name);
  if (const auto profile = object_field(thing, "subreddit")) {
    user.display_name = nonempty_string_field(*profile, "title");
    user.followers = count_field(*profile, "subscribers");
  }
  emit.add(std::move(user));
  return std::nullopt;
}

}  // namespace

Status decode_reddit(const Event& event, Emitter& emit) {
  const auto data = object_field(event.payload, "data");
  const object thing = data.value_or(event.payload);
  const auto declared = data ? raw_string_field(event.payload, "kind") : std::nullopt;
  const std::string_view type = declared.value_or(thing_type_for(event.kind));
  if (type == "t3") return decode_link(thing, emit);
  if (type == "t1") return decode_reddit_comment(thing, emit);
  if (type == "t2") return decode_account(thing, emit);
  return unknown_shape("payload.kind = " + describe_field(event.payload, "kind") + " is not t1, t2 or t3");
}

}  // namespace smelt::decode
