#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The rows the decoders produce: one struct per decode staging table created
// by smelt.create_decode_staging() (pg_temp.stg_posts, stg_comments,
// stg_users), field for field in column order. std::optional is SQL NULL;
// timestamps are microseconds since the Unix epoch (UTC). Every string is
// valid UTF-8 without NUL characters. docs/decoding.md maps each platform's
// fields to these columns.
namespace smelt::decode {

/// Where a bronze row sits: its ingest batch and Kafka coordinates, plus the
/// envelope fields ingest already extracted. Unset envelope fields are read
/// from the envelope itself.
struct BronzeRef {
  std::int64_t batch_id = 0;                   ///< bronze.events.batch_id
  std::int32_t kafka_partition = 0;            ///< bronze.events.kafka_partition
  std::int64_t kafka_offset = 0;               ///< bronze.events.kafka_offset
  std::optional<std::int64_t> observed_at_us;  ///< bronze.events.observed_at, if already known
  std::string_view source;                     ///< bronze.events.source, "" to read the envelope's
  std::string_view kind;                       ///< bronze.events.kind, "" to read the envelope's
};

/// One observation of a post (a row of pg_temp.stg_posts).
struct PostRow {
  std::string source;                             ///< "x", "instagram", "tiktok", "youtube", "reddit"
  std::string post_id;                            ///< the platform's id, exact digits for numeric ids
  std::optional<std::string> author_id;           ///< NULL when the platform hides the author
  std::optional<std::string> author_username;     ///< handle without '@'
  std::int64_t created_at_us = 0;                 ///< when the post was published
  std::int64_t observed_at_us = 0;                ///< envelope observed_at
  std::optional<std::string> text;                ///< title and body joined where both exist
  std::string language = "und";                   ///< platform's own or detected; "und" when unknown
  std::optional<std::string> region;              ///< ISO 3166 country code of a geotag or region field
  std::optional<std::string> url;                 ///< the post's own page
  std::optional<std::int64_t> likes;              ///< cumulative; NULL when not reported
  std::optional<std::int64_t> shares;             ///< cumulative; NULL when not reported
  std::optional<std::int64_t> comments;           ///< cumulative; NULL when not reported
  std::optional<std::int64_t> views;              ///< cumulative; NULL when not reported
  std::optional<std::int64_t> impressions;        ///< cumulative; NULL when not reported
  std::vector<std::string> hashtags;              ///< as written, without '#'
  std::vector<std::string> hashtags_normalized;   ///< grouping keys, same order as hashtags
  std::vector<std::string> mentions;              ///< handles without '@'
  std::vector<std::string> cashtags;              ///< tickers without '$'
  std::vector<std::string> urls;                  ///< links in the text (expanded where the platform did)
  std::optional<double> sentiment_compound;       ///< [-1, 1]; NULL when there is no text
  std::optional<std::string> sentiment_category;  ///< "positive", "neutral", "negative"; NULL with compound
  std::optional<std::string> sentiment_model;     ///< "<model name>/<model version>"; NULL with compound
  std::string sentiment_status = "no_text";       ///< scored, no_text, unsupported_language, undetermined_language
  std::int64_t batch_id = 0;                      ///< bronze batch
  std::int32_t kafka_partition = 0;               ///< bronze Kafka partition
  std::int64_t kafka_offset = 0;                  ///< bronze Kafka offset
};

/// One observation of a comment (a row of pg_temp.stg_comments).
struct CommentRow {
  std::string source;                             ///< platform name
  std::string comment_id;                         ///< the platform's id
  std::optional<std::string> post_id;             ///< the post the comment belongs to
  std::optional<std::string> author_id;           ///< NULL when the platform hides the author
  std::optional<std::string> author_username;     ///< handle without '@'
  std::int64_t created_at_us = 0;                 ///< when the comment was written
  std::int64_t observed_at_us = 0;                ///< envelope observed_at
  std::optional<std::string> text;                ///< the comment's text
  std::string language = "und";                   ///< platform's own or detected; "und" when unknown
  std::optional<std::int64_t> likes;              ///< cumulative; NULL when not reported
  std::vector<std::string> hashtags;              ///< as written, without '#'
  std::vector<std::string> hashtags_normalized;   ///< grouping keys, same order as hashtags
  std::vector<std::string> mentions;              ///< handles without '@'
  std::optional<double> sentiment_compound;       ///< [-1, 1]; NULL when there is no text
  std::optional<std::string> sentiment_category;  ///< "positive", "neutral", "negative"
  std::optional<std::string> sentiment_model;     ///< "<model name>/<model version>"
  std::string sentiment_status = "no_text";       ///< scored, no_text, unsupported_language, undetermined_language
  std::int64_t batch_id = 0;                      ///< bronze batch
  std::int32_t kafka_partition = 0;               ///< bronze Kafka partition
  std::int64_t kafka_offset = 0;                  ///< bronze Kafka offset
};

/// One observation of an account (a row of pg_temp.stg_users).
struct UserRow {
  std::string source;                       ///< platform name
  std::string user_id;                      ///< the platform's id (username where it has no other)
  std::optional<std::string> username;      ///< handle without '@'
  std::optional<std::string> display_name;  ///< free-form name
  std::optional<std::int64_t> followers;    ///< followers or subscribers
  std::optional<std::int64_t> following;    ///< accounts followed
  std::optional<bool> verified;             ///< the platform's verification badge
  std::optional<std::string> region;        ///< ISO 3166 country code the platform reports
  std::int64_t observed_at_us = 0;          ///< envelope observed_at
  std::int64_t batch_id = 0;                ///< bronze batch
  std::int32_t kafka_partition = 0;         ///< bronze Kafka partition
  std::int64_t kafka_offset = 0;            ///< bronze Kafka offset
};

/// Why an event, or one entity inside it, yielded no row.
enum class ErrorReason : std::uint8_t {
  invalid_json,    ///< the raw bytes are not JSON (or not an object)
  bad_envelope,    ///< source, kind, observed_at or payload missing or malformed
  unknown_source,  ///< source is none of the five platforms
  unknown_kind,    ///< kind is not post, comment or user
  unknown_shape,   ///< the payload is not an object this platform sends for that kind
  missing_id,      ///< the entity has no usable id
  bad_timestamp    ///< the creation time is missing or cannot be read
};

/// The reason's name as logged and recorded: "invalid_json", "missing_id", ...
std::string_view reason_name(ErrorReason reason);

/// An entity the decoder could not turn into a row, with where it came from.
struct DecodeError {
  std::string source;                               ///< platform name, "" when unknown
  std::string kind;                                 ///< envelope kind, "" when unknown
  std::int64_t batch_id = 0;                        ///< bronze batch
  std::int32_t kafka_partition = 0;                 ///< bronze Kafka partition
  std::int64_t kafka_offset = 0;                    ///< bronze Kafka offset
  ErrorReason reason = ErrorReason::unknown_shape;  ///< what went wrong
  std::string detail;  ///< the field and up to 60 bytes of its value; valid UTF-8
};

/// Rows decoded from a batch of events, ready for COPY. Reuse one across
/// batches: clear() keeps the vectors' capacity.
struct Rows {
  std::vector<PostRow> posts;        ///< for pg_temp.stg_posts
  std::vector<CommentRow> comments;  ///< for pg_temp.stg_comments
  std::vector<UserRow> users;        ///< for pg_temp.stg_users
  std::vector<DecodeError> errors;   ///< entities that yielded no row

  /// Empties every list.
  void clear() noexcept;
};

/// What one call to Decoder::decode appended.
struct DecodeResult {
  std::uint32_t posts = 0;     ///< post rows appended
  std::uint32_t comments = 0;  ///< comment rows appended
  std::uint32_t users = 0;     ///< user rows appended
  std::uint32_t errors = 0;    ///< errors appended

  /// True when nothing in the event failed.
  bool ok() const noexcept { return errors == 0; }
  /// Rows of every kind appended.
  std::uint32_t rows() const noexcept { return posts + comments + users; }
};

}  // namespace smelt::decode
