#pragma once

// Internal to the generator: one writer per platform and entity. Each writes
// the envelope's "payload" member (and "includes" where the API has them)
// into an open envelope object.

#include <cstdint>
#include <string>

#include "generate/json_writer.hpp"
#include "generate/platforms.hpp"

namespace smelt::generate {

/// X: an API v2 tweet with includes.users (and includes.places), or a v1.1 status with its user.
void write_x_post(JsonWriter& w, const Scene& scene, const Post& post);
/// X: a reply, in the shape (v2 or v1.1) of the post it answers.
void write_x_comment(JsonWriter& w, const Scene& scene, const Comment& comment);
/// X: a v2 user (or now and then a v1.1 user).
void write_x_user(JsonWriter& w, const Scene& scene, const User& user);

/// Reddit: a t3 listing child (link).
void write_reddit_post(JsonWriter& w, const Scene& scene, const Post& post);
/// Reddit: a t1 listing child (comment).
void write_reddit_comment(JsonWriter& w, const Scene& scene, const Comment& comment);
/// Reddit: a t2 account.
void write_reddit_user(JsonWriter& w, const Scene& scene, const User& user);

/// YouTube Data API v3: a youtube#video.
void write_youtube_post(JsonWriter& w, const Scene& scene, const Post& post);
/// YouTube Data API v3: a youtube#commentThread.
void write_youtube_comment(JsonWriter& w, const Scene& scene, const Comment& comment);
/// YouTube Data API v3: a youtube#channel.
void write_youtube_user(JsonWriter& w, const Scene& scene, const User& user);

/// Instagram Graph API: an IG media.
void write_instagram_post(JsonWriter& w, const Scene& scene, const Post& post);
/// Instagram Graph API: an IG comment.
void write_instagram_comment(JsonWriter& w, const Scene& scene, const Comment& comment);
/// Instagram Graph API: an IG user.
void write_instagram_user(JsonWriter& w, const Scene& scene, const User& user);

/// TikTok Research API: a video.
void write_tiktok_post(JsonWriter& w, const Scene& scene, const Post& post);
/// TikTok Research API: a comment.
void write_tiktok_comment(JsonWriter& w, const Scene& scene, const Comment& comment);
/// TikTok Research API: user info.
void write_tiktok_user(JsonWriter& w, const Scene& scene, const User& user);

/// A stable pseudo-random number tied to a value (so a post keeps its quirks across observations).
std::uint64_t stable_hash(std::uint64_t value, std::uint64_t salt) noexcept;

/// `"name":"<RFC 3339 with milliseconds>"`
void write_time_ms(JsonWriter& w, std::string_view name, std::int64_t epoch_ms);

/// `"name":"<RFC 3339, whole seconds>"`
void write_time_seconds(JsonWriter& w, std::string_view name, std::int64_t epoch_ms);

/// A numeric id written as a bare JSON number from its decimal text.
void write_number_text(JsonWriter& w, std::string_view digits);

/// Appends an avatar URL for a user on a given host path.
void write_avatar_url(JsonWriter& w, std::string_view name, std::string_view host, const User& user);

}  // namespace smelt::generate
