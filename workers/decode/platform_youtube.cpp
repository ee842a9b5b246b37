// YouTube Data API v3: youtube#video, youtube#commentThread, youtube#comment, youtube#channel.
#include <utility>

#include "decode/platforms.hpp"
#include "decode/times.hpp"

namespace smelt::decode {
namespace {

constexpr std::string_view WATCH_URL = "https://www.youtube.com/watch?v=";

/// The resource type for an envelope kind, when the payload does not say.
std::string_view resource_type_for(std::string_view kind) {
  if (kind == "post") return "youtube#video";
  if (kind == "comment") return "youtube#commentThread";
  return "youtube#channel";
}

/// A handle without its leading '@'.
std::optional<std::string> handle_of(std::optional<std::string> name) {
  if (name && name->starts_with('@')) name->erase(0, 1);
  if (name && name->empty()) return std::nullopt;
  return name;
}

/// A publishedAt time; nullopt on success.
Status read_published(object snippet, std::string_view path, std::int64_t& out) {
  const auto text = raw_string_field(snippet, "publishedAt");
  const auto parsed = text ? parse_rfc3339_time_us(*text) : std::nullopt;
  if (!parsed) return bad_timestamp(snippet, "publishedAt", path);
  out = *parsed;
  return std::nullopt;
}

/// "<title>\n\n<description>", or whichever of the two exists.
std::optional<std::string> video_text(object snippet) {
  auto title = string_field(snippet, "title");
  auto description = string_field(snippet, "description");
  if (!description || description->empty()) return title;
  if (!title || title->empty()) return description;
  return title->append("\n\n").append(*description);
}

text::Hints video_hints(object snippet) {
  text::Hints hints;
  auto language = nonempty_string_field(snippet, "defaultLanguage");
  if (!language) language = nonempty_string_field(snippet, "defaultAudioLanguage");
  hints.language = language.value_or("");
  if (const auto tags = array_field(snippet, "tags")) hints.hashtags = strings_of(*tags);
  return hints;
}

void read_statistics(object video, PostRow& row) {
  const auto statistics = object_field(video, "statistics");
  if (!statistics) return;
  row.views = count_field(*statistics, "viewCount");
  row.likes = count_field(*statistics, "likeCount");
  row.comments = count_field(*statistics, "commentCount");
}

Status decode_video(object video, Emitter& emit) {
  auto id = id_field(video, "id");
  if (!id) return missing_id(video, "id", "payload.id");
  const auto snippet = object_field(video, "snippet");
  if (!snippet) return bad_timestamp(video, "snippet", "payload.snippet");
  std::int64_t created_us = 0;
  if (Status failed = read_published(*snippet, "payload.snippet.publishedAt", created_us)) return failed;
  PostRow& row = emit.post();
  row.url = std::string(WATCH_URL).append(*id);
  row.post_id = std::move(*id);
  row.author_id = id_field(*snippet, "channelId");
  row.created_at_us = created_us;
  row.text = video_text(*snippet);
  read_statistics(video, row);
  emit.analyze(row, video_hints(*snippet));
  return std::nullopt;
}

std::optional<std::string> author_channel_of(object snippet) {
  const auto channel = object_field(snippet, "authorChannelId");
  return channel ? id_field(*channel, "value") : std::nullopt;
}

/// A youtube#comment; `video_id` is the thread's video when the comment has none.
Status decode_comment_resource(object comment, std::optional<std::string> video_id, Emitter& emit) {
  auto id = id_field(comment, "id");
  if (!id) return missing_id(comment, "id", "comment id");
  const auto snippet = object_field(comment, "snippet");
  if (!snippet) return bad_timestamp(comment, "snippet", "comment snippet");
  std::int64_t created_us = 0;
  if (Status failed = read_published(*snippet, "comment snippet.publishedAt", created_us)) return failed;
  CommentRow& row = emit.comment();
  row.comment_id = std::move(*id);
  row.post_id = id_field(*snippet, "videoId");
  if (!row.post_id) row.post_id = std::move(video_id);
  row.author_id = author_channel_of(*snippet);
  row.author_username = handle_of(nonempty_string_field(*snippet, "authorDisplayName"));
  row.created_at_us = created_us;
  row.text = field(*snippet, "textOriginal") ? string_field(*snippet, "textOriginal")
                                             : string_field(*snippet, "textDisplay");
  row.likes = count_field(*snippet, "likeCount");
  emit.analyze(row, {});
  return std::nullopt;
}

/// A youtube#commentThread: its top-level comment is the comment.
Status decode_thread(object thread, Emitter& emit) {
  const auto snippet = object_field(thread, "snippet");
  const auto top = snippet ? object_field(*snippet, "topLevelComment") : std::nullopt;
  if (!top) return unknown_shape("payload.snippet.topLevelComment missing in a youtube#commentThread");
  return decode_comment_resource(*top, id_field(*snippet, "videoId"), emit);
}

Status decode_channel(object channel, Emitter& emit) {
  auto id = id_field(channel, "id");
  if (!id) return missing_id(channel, "id", "payload.id");
  UserRow user;
  user.user_id = std::move(*id);
  if (const auto snippet = object_field(channel, "snippet")) {
    user.username = handle_of(nonempty_string_field(*snippet, "customUrl"));
    user.display_name = string_field(*snippet, "title");
    user.region = nonempty_string_field(*snippet, "country");
  }
  const auto statistics = object_field(channel, "statistics");
  if (statistics && bool_field(*statistics, "hiddenSubscriberCount") != true) {
    user.followers = count_field(*statistics, "subscriberCount");
  }
  emit.add(std::move(user));
  return std::nullopt;
}

}  // namespace

Status decode_youtube(const Event& event, Emitter& emit) {
  const auto declared = raw_string_field(event.payload, "kind");
  const std::string_view type = declared.value_or(resource_type_for(event.kind));
  if (type == "youtube#video") return decode_video(event.payload, emit);
  if (type == "youtube#commentThread") return decode_thread(event.payload, emit);
  if (type == "youtube#comment") return decode_comment_resource(event.payload, std::nullopt, emit);
  if (type == "youtube#channel") return decode_channel(event.payload, emit);
  return unknown_shape("payload.kind = " + describe_field(event.payload, "kind") +
                       " is not a youtube#video, commentThread, comment or channel");
}

}  // namespace smelt::decode
