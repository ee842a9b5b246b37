#include "refresh/lexicon_options.hpp"

#include <CLI/CLI.hpp>

namespace smelt::refresh {

void add_lexicon_options(CLI::App& command, text::LexiconSearch& search) {
  command.add_option("--lexicon", search.vader, "vader_lexicon.txt the sentiment scores come from")
      ->envname("SMELT_LEXICON");
  command.add_option("--emoji-lexicon", search.emoji, "Emoji_Sentiment_Data_v1.0.csv for emoji sentiment")
      ->envname("SMELT_EMOJI_LEXICON");
}

std::unique_ptr<text::Analyzer> load_analyzer(const text::LexiconSearch& search) {
  auto lexicon = std::make_shared<const text::Lexicon>(text::Lexicon::load_default(search));
  auto languages = std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default());
  return std::make_unique<text::Analyzer>(lexicon, languages, text::AnalyzerOptions{});
}

}  // namespace smelt::refresh
