#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/entities.hpp"
#include "text/language.hpp"
#include "text/lexicon.hpp"
#include "text/multilingual.hpp"
#include "text/sentiment.hpp"

// Text features of one post in one call: sentiment, entities (hashtags with
// their grouping key, mentions, cashtags, URLs) and language. Platform data
// (entity lists, language field) is used when given; the text fills the gaps.
namespace smelt::text {

/// The platforms smelt reads.
enum class Platform { unknown, x, reddit, youtube, instagram, tiktok };

/// "x" (or "twitter"), "reddit", "youtube", "instagram", "tiktok"; nullopt otherwise.
std::optional<Platform> parse_platform(std::string_view name);

/// The canonical name of a platform ("unknown" for Platform::unknown).
std::string_view platform_name(Platform platform);

/// What the platform already knows about a post. An entity list that is set
/// (even to an empty list) replaces extraction from the text for that kind.
struct Hints {
  Platform platform = Platform::unknown;  ///< where the post comes from
  std::string language;                   ///< the platform's language field, "" if none
  std::vector<std::string> context_languages;  ///< languages of related posts, most relevant first:
                                               ///< the commented post's, the author's recent ones
  std::optional<std::vector<std::string>>
      hashtags;  ///< X entities.hashtags[].tag, TikTok hashtag_names, YouTube tags
  std::optional<std::vector<std::string>> mentions;  ///< X entities.mentions[].username
  std::optional<std::vector<std::string>> cashtags;  ///< X entities.cashtags[].tag
  std::optional<std::vector<std::string>> urls;      ///< X entities.urls[].expanded_url
};

/// A hashtag as written and its grouping key.
struct Hashtag {
  std::string tag;         ///< original spelling without '#': "Café"
  std::string normalized;  ///< normalize_hashtag(tag): "café"
};

/// Where an entity list came from.
enum class EntitySource { platform, text };

/// Whether a post's sentiment could be scored, and why not.
enum class SentimentStatus {
  scored,                 ///< scored by the model of its language
  no_text,                ///< the post has no text
  unsupported_language,   ///< smelt has no model for the post's language
  undetermined_language   ///< the language is unknown ("und") and the text has words
};

/// "scored", "no_text", "unsupported_language", "undetermined_language".
std::string_view sentiment_status_name(SentimentStatus status);

/// All features of one post.
struct Features {
  Sentiment sentiment;                               ///< scores and category; all 0 unless scored
  SentimentStatus sentiment_status = SentimentStatus::no_text;  ///< scored or why not
  std::string_view sentiment_model;                  ///< "<name>/<version>" when scored; owned by the Analyzer
  std::vector<Hashtag> hashtags;                     ///< in order, duplicates kept
  std::vector<std::string> mentions;                 ///< screen names without '@'
  std::vector<std::string> cashtags;                 ///< tickers without '$'
  std::vector<std::string> urls;                     ///< as written (or as the platform expanded them)
  Language language;                                 ///< code and source
  EntitySource hashtag_source = EntitySource::text;  ///< platform list or extraction
};

/// Options for an Analyzer.
struct AnalyzerOptions {
  Rules rules = Rules::social;  ///< sentiment rule set
  bool detect_language = true;  ///< run detection when the platform gives no language; when off,
                                ///< a post without a language field is scored as English
};

/// Hashtags from a platform's list: a leading '#' or '＃' is dropped, empty
/// entries are skipped, each gets its normalised key.
std::vector<Hashtag> hashtags_from_list(const std::vector<std::string>& tags);

/// Hashtags extracted from text with the twitter-text rules.
std::vector<Hashtag> hashtags_from_text(std::string_view text);

/// Computes features. Immutable after construction: one Analyzer can serve
/// every thread of a process.
class Analyzer {
 public:
  /// An analyzer over a loaded lexicon that scores English only (posts in
  /// other languages are unscored).
  explicit Analyzer(std::shared_ptr<const Lexicon> lexicon, AnalyzerOptions options = {});
  /// An analyzer that scores English and every language in `languages`.
  Analyzer(std::shared_ptr<const Lexicon> lexicon, std::shared_ptr<const LanguageLexicons> languages,
           AnalyzerOptions options = {});

  /// The features of one post.
  Features analyze(std::string_view text, const Hints& hints = {}) const;

  /// The English sentiment scorer (model name and version, explanations).
  const SentimentScorer& scorer() const { return scorer_; }
  /// The English lexicon (also the emoji and emoticon valences of every language).
  const Lexicon& lexicon() const { return *lexicon_; }

  /// The language lexicon that scores a language tag, or nullptr when the
  /// tag is English, undetermined or unsupported.
  const LanguageLexicon* language_lexicon(std::string_view language) const;

  /// The model each language key is scored with ("<name>/<version>"):
  /// "en" and "und" (emoji and emoticons only) use the English scorer.
  std::vector<std::pair<std::string, std::string>> sentiment_models() const;

  /// The sentiment of a text in a language (a BCP 47 tag or "und"), with its
  /// status and model.
  void score(std::string_view text, std::string_view language, Features& features) const;

 private:
  Language language_of(std::string_view text, const Entities& entities, const Hints& hints) const;

  SentimentScorer scorer_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const LanguageLexicons> languages_;
  std::vector<std::string> language_models_;  // parallel to languages_->languages()
  std::string english_model_;
  AnalyzerOptions options_;
};

}  // namespace smelt::text
