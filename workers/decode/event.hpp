#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decode/json_fields.hpp"
#include "decode/rows.hpp"
#include "text/feature_cache.hpp"
#include "text/features.hpp"

// What the platform decoders share: the resolved envelope of one event, the
// failure values they return, and the Emitter that appends rows.
namespace smelt::decode {

/// One event's envelope, checked and resolved.
struct Event {
  std::string_view source;          ///< "x", "instagram", "tiktok", "youtube" or "reddit"
  std::string_view kind;            ///< "post", "comment" or "user"
  std::int64_t observed_at_us = 0;  ///< envelope observed_at (or the bronze column)
  object payload;                   ///< the platform's API object
  std::optional<object> includes;   ///< envelope includes (X API v2 expansions)
};

/// Why the main entity of an event yields no row.
struct Failure {
  ErrorReason reason = ErrorReason::unknown_shape;  ///< recorded reason
  std::string detail;                               ///< which field, which value
};

/// The outcome of decoding one entity: nullopt when it decoded.
using Status = std::optional<Failure>;

/// "`path` missing" or "`path` = <value> is not an id".
Failure missing_id(object parent, std::string_view key, std::string_view path);

/// "`path` = <value> is not a timestamp" (or "missing").
Failure bad_timestamp(object parent, std::string_view key, std::string_view path);

/// An unknown shape, with a free-form detail.
Failure unknown_shape(std::string detail);

/// Appends the rows of one event to a Rows: each new row carries the
/// event's source, observed_at and bronze coordinates; analyze() adds text
/// features and sentiment.
class Emitter {
 public:
  /// An emitter for `event` from bronze row `ref`, appending to `out`;
  /// post features come from `posts` when given (posts are observed again
  /// and again with the same text).
  Emitter(const Event& event, const BronzeRef& ref, const text::Analyzer& analyzer, Rows& out,
          text::FeatureCache* posts = nullptr);

  /// A new post row, stamped.
  PostRow& post();
  /// A new comment row, stamped.
  CommentRow& comment();
  /// Stamps a user row and appends it.
  void add(UserRow row);

  /// Fills language, entities and sentiment of a post from its text and the
  /// platform's hints (hints.platform is set here).
  void analyze(PostRow& row, text::Hints hints) const;
  /// Fills language, hashtags, mentions and sentiment of a comment.
  void analyze(CommentRow& row, text::Hints hints) const;

  /// Records a secondary entity of the event that yields no row.
  void fail(const Failure& failure);

  /// The event being decoded.
  const Event& event() const noexcept { return event_; }

 private:
  text::Features features(const std::optional<std::string>& text, text::Hints hints,
                          text::FeatureCache* cache) const;
  template <class Row>
  void apply_common(Row& row, text::Features& features) const;

  const Event& event_;
  const BronzeRef& ref_;
  const text::Analyzer& analyzer_;
  Rows& out_;
  text::FeatureCache* posts_;
};

}  // namespace smelt::decode
