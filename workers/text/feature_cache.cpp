#include "text/feature_cache.hpp"

#include <cstdint>
#include <utility>

namespace smelt::text {
namespace {

/// Appends a length-prefixed field, so that no two different field lists
/// make the same key.
void append_field(std::string& key, std::string_view field) {
  const auto size = static_cast<std::uint32_t>(field.size());
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.append(field);
}

void append_list(std::string& key, const std::optional<std::vector<std::string>>& list) {
  if (!list) {
    key.push_back('\0');  // unset: extracted from the text
    return;
  }
  key.push_back('\1');
  append_field(key, std::to_string(list->size()));
  for (const auto& item : *list) append_field(key, item);
}

void make_key(std::string& key, std::string_view text, const Hints& hints) {
  key.clear();
  key.push_back(static_cast<char>(hints.platform));
  append_field(key, hints.language);
  append_field(key, std::to_string(hints.context_languages.size()));
  for (const auto& language : hints.context_languages) append_field(key, language);
  append_list(key, hints.hashtags);
  append_list(key, hints.mentions);
  append_list(key, hints.cashtags);
  append_list(key, hints.urls);
  append_field(key, text);
}

}  // namespace

Features FeatureCache::analyze(const Analyzer& analyzer, std::string_view text, const Hints& hints) {
  ++lookups_;
  make_key(key_, text, hints);
  if (auto found = current_.find(key_); found != current_.end()) {
    ++hits_;
    return found->second;
  }
  Features features;
  if (auto found = previous_.find(key_); found != previous_.end()) {
    ++hits_;
    features = std::move(found->second);
    previous_.erase(found);
  } else {
    features = analyzer.analyze(text, hints);
  }
  if (current_.size() >= capacity_) {
    previous_ = std::move(current_);
    current_.clear();
  }
  current_.emplace(key_, features);
  return features;
}

}  // namespace smelt::text
