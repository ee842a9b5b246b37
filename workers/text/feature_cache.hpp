#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/features.hpp"

// The features of recently analyzed texts. A post is observed again and
// again while its counters move (six times on average in a generated
// stream), each time with the same text and platform data; analysis is by
// far the costliest part of decoding, and pure, so a decoder remembers it.
namespace smelt::text {

/// Remembers Analyzer::analyze results by text and hints. Two generations
/// of at most `capacity` entries each: when the current one is full it
/// becomes the previous one (the older one is dropped), and a hit in the
/// previous generation moves to the current one, so texts seen again and
/// again stay while one-off texts age out. One cache serves one thread.
class FeatureCache {
 public:
  /// A cache of at most 2 x `capacity` entries.
  explicit FeatureCache(std::size_t capacity = 8192) : capacity_(capacity) {}

  /// analyzer.analyze(text, hints), computed once per distinct
  /// (text, hints) while it stays cached.
  Features analyze(const Analyzer& analyzer, std::string_view text, const Hints& hints);

  /// Lookups answered from the cache, and all lookups.
  std::size_t hits() const noexcept { return hits_; }
  std::size_t lookups() const noexcept { return lookups_; }

 private:
  std::size_t capacity_;
  std::unordered_map<std::string, Features> current_;
  std::unordered_map<std::string, Features> previous_;
  std::string key_;  ///< reused buffer
  std::size_t hits_ = 0;
  std::size_t lookups_ = 0;
};

}  // namespace smelt::text
