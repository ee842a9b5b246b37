#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon.hpp"

// Rule-based sentiment in the VADER family (Hutto & Gilbert, ICWSM 2014): a
// valence lexicon plus rules for negation, boosters and dampeners, ALL-CAPS
// emphasis, "but" shifts, exclamation and question marks and idioms. The
// reference rules reproduce the npm package vader-sentiment 1.1.3; the social
// rules (the default) add emoji valences and fix the reference's blind spots
// on social text (docs/text-features.md lists each difference).
namespace smelt::text {

/// Name of the model under the default (social) rules.
inline constexpr std::string_view MODEL_NAME = "vader-cpp";
/// Name of the model under the reference rules.
inline constexpr std::string_view REFERENCE_MODEL_NAME = "vader-cpp-reference";
/// Version of smelt's scoring rules; bump it whenever scores can change.
inline constexpr std::string_view RULES_VERSION = "1.0.0";
/// The full model version with the stock data (rules + lexicon package +
/// emoji data); Lexicon::data_version() adds a hash for modified data files.
inline constexpr std::string_view MODEL_VERSION = "1.0.0+vader-sentiment-1.1.3+esr-1.0";

/// compound >= this is positive (VADER's published threshold).
inline constexpr double POSITIVE_THRESHOLD = 0.05;
/// compound <= this is negative (VADER's published threshold).
inline constexpr double NEGATIVE_THRESHOLD = -0.05;

/// The sentiment class of a text.
enum class Category { negative, neutral, positive };

/// Which rule set scores the text.
enum class Rules {
  social,    ///< reference rules + emoji, case-insensitive rule words, typographic apostrophes
  reference  ///< exactly the npm package vader-sentiment 1.1.3
};

/// The scores of one text.
struct Sentiment {
  double compound = 0.0;                  ///< normalised sum of valences in [-1, 1], 4 decimals
  double positive = 0.0;                  ///< share of positive weight, 3 decimals
  double neutral = 0.0;                   ///< share of neutral words, 3 decimals
  double negative = 0.0;                  ///< share of negative weight, 3 decimals
  Category category = Category::neutral;  ///< from compound and the thresholds
};

/// One token as the scorer saw it, for explaining a score.
struct TokenValence {
  std::string token;  ///< the token after punctuation stripping
  double valence;     ///< its valence after all rules, 0 for neutral words
};

/// "positive", "neutral" or "negative".
std::string_view category_name(Category category);

/// The category for a compound score (>= 0.05 positive, <= -0.05 negative).
Category categorize(double compound);

/// The scores of a text from the final valence of each of its tokens (0 for
/// neutral tokens): exclamation and question-mark emphasis, VADER's
/// normalisation (sum / sqrt(sum^2 + 15)) and the pos/neu/neg shares.
Sentiment combine_valences(const std::vector<double>& valences, std::string_view text);

/// Scores texts. Cheap to copy (shares the lexicon) and safe to use from many
/// threads at once.
class SentimentScorer {
 public:
  /// A scorer over a loaded lexicon.
  explicit SentimentScorer(std::shared_ptr<const Lexicon> lexicon, Rules rules = Rules::social);

  /// Scores one text (any length, any bytes; ill-formed UTF-8 is tolerated).
  Sentiment score(std::string_view text) const;

  /// The tokens and their final valences, in order, for explaining a score.
  std::vector<TokenValence> explain(std::string_view text) const;

  /// "vader-cpp" or "vader-cpp-reference".
  const std::string& model_name() const { return model_name_; }
  /// RULES_VERSION plus the data it uses: Lexicon::data_version() under the
  /// social rules, Lexicon::vader_version() under the reference rules.
  const std::string& model_version() const { return model_version_; }
  /// The rule set in use.
  Rules rules() const { return rules_; }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  Rules rules_;
  std::string model_name_;
  std::string model_version_;
};

}  // namespace smelt::text
