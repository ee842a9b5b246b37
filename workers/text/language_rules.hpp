#pragma once

#include <array>
#include <span>
#include <string_view>

// The rule words of smelt's lexicon scorers for languages other than English:
// negations, intensifiers, dampeners and contrast words ("but"), and where a
// negation stands relative to the word it turns. They are grammar, written
// for smelt from the languages' grammars, not learnt from any data set; a
// change here changes LANGUAGE_RULES_VERSION.
namespace smelt::text::rules {

/// How a language's text is cut into words.
enum class Segmentation {
  words,         ///< letters and digits between spaces and punctuation
  longest_match  ///< no spaces (Japanese): the longest lexicon entry at each position
};

/// The rule words of one language. Words are lowercase.
struct LanguageRules {
  std::string_view tag;                      ///< "es", "hi-Latn"
  Segmentation segmentation;                 ///< how words are found
  std::span<const std::string_view> negations;   ///< turn the sentiment of a nearby word
  std::span<const std::string_view> boosters;    ///< intensify the next sentiment word
  std::span<const std::string_view> dampeners;   ///< soften the next sentiment word
  std::span<const std::string_view> contrasts;   ///< "but": what follows weighs more
  int negation_before;                       ///< a negation this many words before turns a word
  int negation_after;                        ///< a negation this many words after turns a word
  int stem_suffix;                           ///< look words up by their longest known stem followed by
                                             ///< at most this many letters (0: exact words only)
  bool elision;                              ///< split "l'amour" at the apostrophe
};

inline constexpr std::array<std::string_view, 9> ES_NEGATIONS = {
    "no", "nunca", "jamás", "jamas", "ni", "tampoco", "nada", "ningún", "ninguna"};
inline constexpr std::array<std::string_view, 12> ES_BOOSTERS = {
    "muy", "mucho", "muchísimo", "tan", "súper", "super", "demasiado", "realmente", "totalmente",
    "sumamente", "re", "bien"};
inline constexpr std::array<std::string_view, 4> ES_DAMPENERS = {"poco", "algo", "apenas", "casi"};
inline constexpr std::array<std::string_view, 3> ES_CONTRASTS = {"pero", "aunque", "sino"};

inline constexpr std::array<std::string_view, 9> PT_NEGATIONS = {
    "não", "nao", "nunca", "jamais", "nem", "tampouco", "nenhum", "nenhuma", "nada"};
inline constexpr std::array<std::string_view, 11> PT_BOOSTERS = {
    "muito", "muita", "super", "tão", "demais", "bem", "realmente", "totalmente", "extremamente", "mega",
    "bastante"};
inline constexpr std::array<std::string_view, 3> PT_DAMPENERS = {"pouco", "meio", "quase"};
inline constexpr std::array<std::string_view, 4> PT_CONTRASTS = {"mas", "porém", "porem", "embora"};

inline constexpr std::array<std::string_view, 7> FR_NEGATIONS = {
    "ne", "n", "pas", "jamais", "rien", "aucun", "aucune"};
inline constexpr std::array<std::string_view, 11> FR_BOOSTERS = {
    "très", "tres", "trop", "vraiment", "super", "tellement", "si", "hyper", "totalement", "extrêmement",
    "grave"};
inline constexpr std::array<std::string_view, 3> FR_DAMPENERS = {"peu", "assez", "presque"};
inline constexpr std::array<std::string_view, 3> FR_CONTRASTS = {"mais", "pourtant", "cependant"};

inline constexpr std::array<std::string_view, 13> DE_NEGATIONS = {
    "nicht", "nie", "niemals", "kein", "keine", "keines", "keinem", "keinen", "keiner", "keinesfalls",
    "keineswegs", "ohne", "nichts"};
inline constexpr std::array<std::string_view, 12> DE_BOOSTERS = {
    "sehr", "so", "total", "echt", "wirklich", "extrem", "super", "voll", "richtig", "besonders", "äußerst",
    "ziemlich"};
inline constexpr std::array<std::string_view, 3> DE_DAMPENERS = {"etwas", "kaum", "bisschen"};
inline constexpr std::array<std::string_view, 4> DE_CONTRASTS = {"aber", "jedoch", "sondern", "trotzdem"};

inline constexpr std::array<std::string_view, 7> IT_NEGATIONS = {
    "non", "mai", "nessuno", "nessuna", "niente", "nulla", "né"};
inline constexpr std::array<std::string_view, 9> IT_BOOSTERS = {
    "molto", "tanto", "troppo", "davvero", "super", "proprio", "veramente", "così", "assolutamente"};
inline constexpr std::array<std::string_view, 3> IT_DAMPENERS = {"poco", "quasi", "abbastanza"};
inline constexpr std::array<std::string_view, 3> IT_CONTRASTS = {"ma", "però", "tuttavia"};

inline constexpr std::array<std::string_view, 9> AR_NEGATIONS = {
    "لا", "ليس", "ليست", "لم", "لن", "ما", "مش", "مو", "بدون"};
inline constexpr std::array<std::string_view, 7> AR_BOOSTERS = {
    "جدا", "جداً", "كثير", "كثيرا", "مرة", "للغاية", "أكثر"};
inline constexpr std::array<std::string_view, 1> AR_DAMPENERS = {"قليلا"};
inline constexpr std::array<std::string_view, 3> AR_CONTRASTS = {"لكن", "بس", "ولكن"};

inline constexpr std::array<std::string_view, 5> JA_NEGATIONS = {"ない", "なかった", "ません", "じゃない", "ではない"};
inline constexpr std::array<std::string_view, 7> JA_BOOSTERS = {
    "とても", "すごく", "本当に", "めちゃくちゃ", "めっちゃ", "超", "かなり"};
inline constexpr std::array<std::string_view, 2> JA_DAMPENERS = {"少し", "ちょっと"};
inline constexpr std::array<std::string_view, 3> JA_CONTRASTS = {"でも", "けど", "しかし"};

inline constexpr std::array<std::string_view, 10> ID_NEGATIONS = {
    "tidak", "tak", "nggak", "ngga", "gak", "ga", "enggak", "bukan", "belum", "jangan"};
inline constexpr std::array<std::string_view, 9> ID_BOOSTERS = {
    "sangat", "banget", "sekali", "amat", "paling", "terlalu", "bener", "benar", "parah"};
inline constexpr std::array<std::string_view, 2> ID_DAMPENERS = {"agak", "kurang"};
inline constexpr std::array<std::string_view, 4> ID_CONTRASTS = {"tapi", "tetapi", "namun", "padahal"};

inline constexpr std::array<std::string_view, 4> TR_NEGATIONS = {"değil", "yok", "hiç", "asla"};
inline constexpr std::array<std::string_view, 5> TR_BOOSTERS = {"çok", "en", "gerçekten", "aşırı", "fazla"};
inline constexpr std::array<std::string_view, 2> TR_DAMPENERS = {"biraz", "az"};
inline constexpr std::array<std::string_view, 3> TR_CONTRASTS = {"ama", "fakat", "ancak"};

inline constexpr std::array<std::string_view, 4> HI_NEGATIONS = {"नहीं", "न", "मत", "ना"};
inline constexpr std::array<std::string_view, 6> HI_BOOSTERS = {"बहुत", "बेहद", "काफ़ी", "काफी", "सबसे", "बिल्कुल"};
inline constexpr std::array<std::string_view, 1> HI_DAMPENERS = {"थोड़ा"};
inline constexpr std::array<std::string_view, 3> HI_CONTRASTS = {"लेकिन", "पर", "मगर"};

inline constexpr std::array<std::string_view, 8> HI_LATN_NEGATIONS = {
    "nahi", "nahin", "nahee", "nhi", "nai", "na", "mat", "not"};
inline constexpr std::array<std::string_view, 14> HI_LATN_BOOSTERS = {
    "bahut", "bohot", "bahot", "bohut", "bhot", "ekdum", "bilkul", "kaafi", "kafi", "sabse", "itna",
    "itni", "very", "so"};
inline constexpr std::array<std::string_view, 2> HI_LATN_DAMPENERS = {"thoda", "thodi"};
inline constexpr std::array<std::string_view, 5> HI_LATN_CONTRASTS = {"lekin", "magar", "par", "but", "pr"};

/// The rule words of every language scored by a lexicon of its own.
inline constexpr std::array<LanguageRules, 11> LANGUAGES = {{
    {"es", Segmentation::words, ES_NEGATIONS, ES_BOOSTERS, ES_DAMPENERS, ES_CONTRASTS, 3, 0, 4, false},
    {"pt", Segmentation::words, PT_NEGATIONS, PT_BOOSTERS, PT_DAMPENERS, PT_CONTRASTS, 3, 0, 4, false},
    {"fr", Segmentation::words, FR_NEGATIONS, FR_BOOSTERS, FR_DAMPENERS, FR_CONTRASTS, 3, 1, 4, true},
    {"de", Segmentation::words, DE_NEGATIONS, DE_BOOSTERS, DE_DAMPENERS, DE_CONTRASTS, 3, 2, 4, false},
    {"it", Segmentation::words, IT_NEGATIONS, IT_BOOSTERS, IT_DAMPENERS, IT_CONTRASTS, 3, 0, 4, true},
    {"ar", Segmentation::words, AR_NEGATIONS, AR_BOOSTERS, AR_DAMPENERS, AR_CONTRASTS, 3, 0, 4, false},
    {"ja", Segmentation::longest_match, JA_NEGATIONS, JA_BOOSTERS, JA_DAMPENERS, JA_CONTRASTS, 0, 1, 0,
     false},
    {"id", Segmentation::words, ID_NEGATIONS, ID_BOOSTERS, ID_DAMPENERS, ID_CONTRASTS, 3, 0, 4, false},
    {"tr", Segmentation::words, TR_NEGATIONS, TR_BOOSTERS, TR_DAMPENERS, TR_CONTRASTS, 0, 2, 8, false},
    {"hi", Segmentation::words, HI_NEGATIONS, HI_BOOSTERS, HI_DAMPENERS, HI_CONTRASTS, 2, 2, 1, false},
    {"hi-Latn", Segmentation::words, HI_LATN_NEGATIONS, HI_LATN_BOOSTERS, HI_LATN_DAMPENERS,
     HI_LATN_CONTRASTS, 2, 2, 0, false},
}};

}  // namespace smelt::text::rules
