#pragma once

#include <span>
#include <string>
#include <string_view>

// The language of a post: the platform's own field when it names a language,
// otherwise detection with CLD2 (Debian's libcld2), "und" when unsure.
namespace smelt::text {

/// BCP 47's "undetermined".
inline constexpr std::string_view UNDETERMINED_LANGUAGE = "und";
/// Texts with fewer letters than this (after removing URLs, mentions,
/// hashtags and cashtags) are too short to detect and report "und".
inline constexpr std::size_t MIN_DETECTION_LETTERS = 15;

/// Where a post's language came from.
enum class LanguageSource {
  platform,      ///< the platform's language field
  detected,      ///< CLD2, reliable
  undetermined,  ///< no field and detection unsure (language is "und")
  script,        ///< the writing system names one language (kana: ja, hangul: ko, ...)
  words,         ///< a short Latin-script text's function words and letters
  context        ///< the language of related posts (the author's, the commented post's)
};

/// A language tag and its source.
struct Language {
  std::string code = std::string(UNDETERMINED_LANGUAGE);  ///< BCP 47: "en", "pt", "zh-Hant", "und"
  LanguageSource source = LanguageSource::undetermined;   ///< how it was found
};

/// A platform language field as a BCP 47 tag, or "" when it names no
/// language ("", "und", X's "qme", "qam", "qht", "qct", "qst", "zxx").
/// Lowercases the primary subtag and maps legacy codes (in -> id, iw -> he).
std::string platform_language(std::string_view field);

/// Detects the language of plain text with CLD2. Returns "und" when the text
/// has fewer than `min_letters` letters, when CLD2 is not sure, or when smelt
/// was built without CLD2. The caller removes URLs and mentions.
std::string detect_language(std::string_view text, std::size_t min_letters = MIN_DETECTION_LETTERS);

/// The language of a post's prose (URLs, mentions, hashtags removed) from
/// every signal the text has, for texts of any length: the script when it
/// belongs to one language, CLD2 when the text is long enough and CLD2 is
/// sure, the function words of a short Latin-script text (this is how
/// romanised Hindi, "hi-Latn", is told from English), then
/// `context_languages` (most relevant first: the commented post's language,
/// the author's recent ones) when they fit the script, then the main language
/// of a script several languages share (Arabic: ar, Devanagari: hi,
/// Cyrillic: ru; kanji alone stays "und": Japanese or Chinese). "und" with
/// source undetermined when nothing fits.
Language identify_language(std::string_view prose, std::span<const std::string> context_languages = {});

/// True when smelt was built with CLD2.
bool language_detection_available();

}  // namespace smelt::text
