#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "decode/rows.hpp"
#include "text/feature_cache.hpp"
#include "text/features.hpp"

// Turns bronze events (smelt's envelope around one platform API object) into
// staging rows: posts, comments and users, with their text features.
namespace smelt::decode {

/// Decodes envelopes of every platform. Holds one reused JSON parser and a
/// cache of recent posts' text features, so one Decoder serves one thread; the Analyzer may be shared by many Decoders
/// and must outlive them.
///
/// An event that cannot be decoded never throws: it appends one DecodeError
/// (and no rows) to Rows::errors. A secondary entity that fails inside a
/// good event (one of X's includes.users without an id) appends an error
/// beside the event's rows.
class Decoder {
 public:
  /// A decoder that scores text with `analyzer`.
  explicit Decoder(const text::Analyzer& analyzer);

  /// Decodes one envelope (bronze.events.raw) and appends its rows, or its
  /// errors, to `out`, stamped with the bronze coordinates of `ref`.
  DecodeResult decode(std::string_view raw, const BronzeRef& ref, Rows& out);

  /// The sentiment model each language is scored with, as a JSON object
  /// {"en": "<model name>/<model version>", "es": ...}: what sentiment_model
  /// holds for a scored post in that language.
  const std::string& sentiment_models() const noexcept { return sentiment_models_; }

 private:
  const text::Analyzer& analyzer_;
  text::FeatureCache post_features_;  ///< posts come again and again with the same text
  std::string sentiment_models_;
  simdjson::dom::parser parser_;
  std::string scratch_;  ///< a copy with integers beyond 64 bits quoted, when needed
};

}  // namespace smelt::decode
