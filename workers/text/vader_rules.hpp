#pragma once

#include <array>
#include <string_view>

// VADER's rule constants and word lists, as in the reference implementation
// (vader-sentiment 1.1.3, src/vaderSentiment.js; Hutto & Gilbert 2014). They
// are part of the model's rules, so a change here changes RULES_VERSION.
namespace smelt::text::vader {

/// Valence added by a booster word ("very good").
inline constexpr double B_INCR = 0.293;
/// Valence added by a dampener word ("slightly good").
inline constexpr double B_DECR = -0.293;
/// Valence added to an ALL-CAPS word in mixed-case text.
inline constexpr double C_INCR = 0.733;
/// Factor applied to a negated valence.
inline constexpr double N_SCALAR = -0.74;
/// Normalisation constant: compound = sum / sqrt(sum^2 + ALPHA).
inline constexpr double NORMALIZE_ALPHA = 15.0;
/// Emphasis per exclamation mark, counted up to EXCLAMATION_MAX.
inline constexpr double EXCLAMATION_BOOST = 0.292;
/// Exclamation marks past this count add nothing.
inline constexpr int EXCLAMATION_MAX = 4;
/// Emphasis per question mark when there are two or three.
inline constexpr double QUESTION_BOOST = 0.18;
/// Emphasis for four or more question marks.
inline constexpr double QUESTION_MAX_BOOST = 0.96;
/// Factor for sentiment before "but".
inline constexpr double BUT_BEFORE = 0.5;
/// Factor for sentiment after "but".
inline constexpr double BUT_AFTER = 1.5;

/// Negation words (the reference matches them case-sensitively).
inline constexpr std::array<std::string_view, 59> NEGATIONS = {
    "aint",     "arent",    "cannot",    "cant",    "couldnt", "darent",   "didnt",   "doesnt", "ain't",
    "aren't",   "can't",    "couldn't",  "daren't", "didn't",  "doesn't",  "dont",    "hadnt",  "hasnt",
    "havent",   "isnt",     "mightnt",   "mustnt",  "neither", "don't",    "hadn't",  "hasn't", "haven't",
    "isn't",    "mightn't", "mustn't",   "neednt",  "needn't", "never",    "none",    "nope",   "nor",
    "not",      "nothing",  "nowhere",   "oughtnt", "shant",   "shouldnt", "uhuh",    "wasnt",  "werent",
    "oughtn't", "shan't",   "shouldn't", "uh-uh",   "wasn't",  "weren't",  "without", "wont",   "wouldnt",
    "won't",    "wouldn't", "rarely",    "seldom",  "despite"};

/// Booster (intensifier) words, each adding B_INCR.
inline constexpr std::array<std::string_view, 46> BOOSTERS = {
    "absolutely",   "amazingly",     "awfully",    "completely", "considerably", "decidedly",
    "deeply",       "effing",        "enormously", "entirely",   "especially",   "exceptionally",
    "extremely",    "fabulously",    "flipping",   "flippin",    "fricking",     "frickin",
    "frigging",     "friggin",       "fully",      "fucking",    "greatly",      "hella",
    "highly",       "hugely",        "incredibly", "intensely",  "majorly",      "more",
    "most",         "particularly",  "purely",     "quite",      "really",       "remarkably",
    "so",           "substantially", "thoroughly", "totally",    "tremendously", "uber",
    "unbelievably", "unusually",     "utterly",    "very"};

/// Dampener words, each adding B_DECR. Two-word dampeners ("kind of",
/// "sort of", "just enough") only act through the idiom check.
inline constexpr std::array<std::string_view, 17> DAMPENERS = {
    "almost",       "barely", "hardly",   "kinda",    "kindof",   "kind-of", "less",   "little", "marginally",
    "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta",   "sortof", "sort-of"};

/// A multi-word dampener, matched as consecutive tokens.
struct Phrase {
  std::string_view first;
  std::string_view second;
};

/// The two-word dampeners of the reference's booster dictionary.
inline constexpr std::array<Phrase, 3> DAMPENER_PHRASES = {Phrase{"just", "enough"}, Phrase{"kind", "of"},
                                                           Phrase{"sort", "of"}};

/// An idiom whose valence replaces the word's own, matched as 2 or 3 tokens.
struct Idiom {
  std::array<std::string_view, 3> words;  ///< unused trailing entries are empty
  double valence;
};

/// The reference's special-case idioms, in its lookup order.
inline constexpr std::array<Idiom, 7> IDIOMS = {
    Idiom{{"the", "shit", ""}, 3.0},       Idiom{{"the", "bomb", ""}, 3.0},
    Idiom{{"bad", "ass", ""}, 1.5},        Idiom{{"yeah", "right", ""}, -2.0},
    Idiom{{"cut", "the", "mustard"}, 2.0}, Idiom{{"kiss", "of", "death"}, -1.5},
    Idiom{{"hand", "to", "mouth"}, -2.0}};

/// Punctuation runs the reference strips from one side of a word ("good!!!").
inline constexpr std::array<std::string_view, 17> STRIPPABLE_PUNCTUATION = {
    ".", "!", "?", ",", ";", ":", "-", "'", "\"", "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?"};

}  // namespace smelt::text::vader
