#pragma once

// What the fuzz targets share: the invariant every string that reaches a COPY
// stream must hold, and one Analyzer loaded once per process.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/features.hpp"
#include "text/utf8.hpp"

namespace smelt::fuzz {

/// Stops the process (libFuzzer saves the input) when `text` is not valid
/// UTF-8 or holds a NUL: PostgreSQL would refuse it and block the batch.
inline void require_storable(std::string_view text, const char* what) {
  if (text.find('\0') != std::string_view::npos || !text::utf8::is_valid(text)) {
    std::fprintf(stderr, "not storable text in %s (%zu bytes)\n", what, text.size());
    std::abort();
  }
}

inline void require_storable(const std::string& text, const char* what) {
  require_storable(std::string_view(text), what);
}

inline void require_storable(const std::optional<std::string>& text, const char* what) {
  if (text) require_storable(*text, what);
}

inline void require_storable(const std::vector<std::string>& texts, const char* what) {
  for (const auto& text : texts) require_storable(text, what);
}

/// The analyzer the decoders and the text features use in production: the
/// packaged lexicons of every language, loaded once.
inline const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
                                     std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

}  // namespace smelt::fuzz
