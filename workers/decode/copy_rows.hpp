#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "decode/rows.hpp"

// Staging rows as PostgreSQL COPY text (tab-separated, \N for NULL, one line
// per row), in the column order of the tables smelt.create_decode_staging()
// creates, so a buffer can go to `copy pg_temp.stg_posts from stdin` as is.
namespace smelt::decode {

// clang-format off
/// pg_temp.stg_posts columns, in COPY order.
inline constexpr std::array<std::string_view, 27> POST_COLUMNS = {
    "source", "post_id", "author_id", "author_username", "created_at", "observed_at",
    "text", "language", "region", "url",
    "likes", "shares", "comments", "views", "impressions",
    "hashtags", "hashtags_normalized", "mentions", "cashtags", "urls",
    "sentiment_compound", "sentiment_category", "sentiment_model", "sentiment_status",
    "batch_id", "kafka_partition", "kafka_offset"};

/// pg_temp.stg_comments columns, in COPY order.
inline constexpr std::array<std::string_view, 20> COMMENT_COLUMNS = {
    "source", "comment_id", "post_id", "author_id", "author_username", "created_at", "observed_at",
    "text", "language", "likes",
    "hashtags", "hashtags_normalized", "mentions",
    "sentiment_compound", "sentiment_category", "sentiment_model", "sentiment_status",
    "batch_id", "kafka_partition", "kafka_offset"};

/// pg_temp.stg_users columns, in COPY order.
inline constexpr std::array<std::string_view, 12> USER_COLUMNS = {
    "source", "user_id", "username", "display_name", "followers", "following", "verified", "region",
    "observed_at", "batch_id", "kafka_partition", "kafka_offset"};
// clang-format on

/// Appends one line for pg_temp.stg_posts.
void append_copy_row(std::string& out, const PostRow& row);
/// Appends one line for pg_temp.stg_comments.
void append_copy_row(std::string& out, const CommentRow& row);
/// Appends one line for pg_temp.stg_users.
void append_copy_row(std::string& out, const UserRow& row);

/// Appends a text[] value in COPY text format: the array literal
/// {"a","b"} (every element quoted, '"' and '\' backslash-escaped inside
/// it), then COPY's own escaping of '\', tab, newline and CR on top. An
/// empty span is the empty array {}; write NULL with pg::append_copy_null.
void append_copy_text_array(std::string& out, std::span<const std::string> values);

/// Appends a double in COPY text format, shortest form that reads back equal.
void append_copy_double(std::string& out, double value);

}  // namespace smelt::decode
