#pragma once

#include <memory>

#include "text/features.hpp"
#include "text/lexicon.hpp"

namespace CLI {
class App;
}  // namespace CLI

// The text analyzer of the commands that decode bronze (refresh, scheduler,
// backfill), configured the way smelt text is.
namespace smelt::refresh {

/// Adds --lexicon and --emoji-lexicon (env SMELT_LEXICON and
/// SMELT_EMOJI_LEXICON, as for smelt text) to a command.
void add_lexicon_options(CLI::App& command, text::LexiconSearch& search);

/// The analyzer decoding scores text with: the lexicon files found through
/// `search` (see text::locate_lexicon), the social rule set and language
/// detection. Throws smelt::Error when a lexicon file is missing.
std::unique_ptr<text::Analyzer> load_analyzer(const text::LexiconSearch& search);

}  // namespace smelt::refresh
