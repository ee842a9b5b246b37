#include "text/language.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "text/language_words.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

#ifdef SMELT_HAVE_CLD2
#include <cld2/public/compact_lang_det.h>
#endif

namespace smelt::text {

namespace {

// Codes that say "no language": undetermined, no linguistic content, and X's
// media-only, mentions-only, hashtags-only, cashtags-only and short-text codes.
constexpr std::array<std::string_view, 8> NO_LANGUAGE = {"", "und", "zxx", "qme", "qam", "qht", "qct", "qst"};

// Deprecated ISO 639 codes still emitted by platforms and CLD2.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> LEGACY_CODES = {
    {{"in", "id"}, {"iw", "he"}, {"ji", "yi"}, {"jw", "jv"}}};

std::string lower_primary_subtag(std::string_view tag) {
  std::string out(tag);
  for (char& c : out) {
    if (c == '-' || c == '_') {
      c = '-';
      break;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

std::string modernize(std::string code) {
  const auto dash = code.find('-');
  const std::string_view primary = std::string_view(code).substr(0, dash);
  for (const auto& [old_code, new_code] : LEGACY_CODES) {
    if (primary == old_code)
      return std::string(new_code) + (dash == std::string::npos ? "" : code.substr(dash));
  }
  return code;
}

std::size_t count_letters(std::string_view text) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    if (unicode::is_letter_or_mark(d.code_point)) ++letters;
    i += d.length;
  }
  return letters;
}

#ifdef SMELT_HAVE_CLD2
std::string cld2_detect(std::string_view text) {
  const std::string valid = utf8::sanitize(text);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguageSummary(valid.data(), static_cast<int>(valid.size()),
                                                              true, top3, percent3, &text_bytes, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return std::string(UNDETERMINED_LANGUAGE);
  }
  return modernize(CLD2::LanguageCode(language));
}
#endif

}  // namespace

std::string platform_language(std::string_view field) {
  const std::string code = lower_primary_subtag(field);
  if (std::find(NO_LANGUAGE.begin(), NO_LANGUAGE.end(), code) != NO_LANGUAGE.end()) return {};
  return modernize(code);
}

std::string detect_language(std::string_view text, std::size_t min_letters) {
  if (count_letters(text) < min_letters) return std::string(UNDETERMINED_LANGUAGE);
#ifdef SMELT_HAVE_CLD2
  return cld2_detect(text);
#else
  return std::string(UNDETERMINED_LANGUAGE);
#endif
}

bool language_detection_available() {
#ifdef SMELT_HAVE_CLD2
  return true;
#else
  return false;
#endif
}

}  // namespace smelt::text

// --- short texts ------------------------------------------------------------

namespace smelt::text {

namespace {

enum class Script : std::uint8_t {
  latin, kana, hangul, han, arabic, devanagari, cyrillic, greek, hebrew, thai, georgian, armenian,
  bengali, tamil, telugu, gujarati, gurmukhi, kannada, malayalam, sinhala, khmer, lao, myanmar, ethiopic,
  other, count
};

struct ScriptRange {
  char32_t first;
  char32_t last;
  Script script;
};

constexpr ScriptRange SCRIPT_RANGES[] = {
    {0x0041, 0x024F, Script::latin},      {0x1E00, 0x1EFF, Script::latin},      {0x0370, 0x03FF, Script::greek},
    {0x1F00, 0x1FFF, Script::greek},      {0x0400, 0x052F, Script::cyrillic},   {0x0530, 0x058F, Script::armenian},
    {0x0590, 0x05FF, Script::hebrew},     {0x0600, 0x06FF, Script::arabic},     {0x0750, 0x077F, Script::arabic},
    {0x08A0, 0x08FF, Script::arabic},     {0xFB50, 0xFDFF, Script::arabic},     {0xFE70, 0xFEFF, Script::arabic},
    {0x0900, 0x097F, Script::devanagari}, {0x0980, 0x09FF, Script::bengali},    {0x0A00, 0x0A7F, Script::gurmukhi},
    {0x0A80, 0x0AFF, Script::gujarati},   {0x0B80, 0x0BFF, Script::tamil},      {0x0C00, 0x0C7F, Script::telugu},
    {0x0C80, 0x0CFF, Script::kannada},    {0x0D00, 0x0D7F, Script::malayalam},  {0x0D80, 0x0DFF, Script::sinhala},
    {0x0E00, 0x0E7F, Script::thai},       {0x0E80, 0x0EFF, Script::lao},        {0x1000, 0x109F, Script::myanmar},
    {0x10A0, 0x10FF, Script::georgian},   {0x1100, 0x11FF, Script::hangul},     {0x1200, 0x139F, Script::ethiopic},
    {0x1780, 0x17FF, Script::khmer},      {0x3040, 0x30FF, Script::kana},       {0x31F0, 0x31FF, Script::kana},
    {0xFF66, 0xFF9F, Script::kana},       {0x3130, 0x318F, Script::hangul},     {0xAC00, 0xD7AF, Script::hangul},
    {0x3400, 0x4DBF, Script::han},        {0x4E00, 0x9FFF, Script::han},        {0xF900, 0xFAFF, Script::han},
    {0x20000, 0x2FA1F, Script::han}};

Script script_of(char32_t c) {
  for (const auto& range : SCRIPT_RANGES) {
    if (c >= range.first && c <= range.last) return range.script;
  }
  return Script::other;
}

// Scripts written by one language in practice, and the main language of the
// scripts several languages share (used only when nothing else decides).
struct ScriptLanguage {
  Script script;
  std::string_view language;
  bool unique;
};

constexpr ScriptLanguage SCRIPT_LANGUAGES[] = {
    {Script::kana, "ja", true},       {Script::hangul, "ko", true},     {Script::thai, "th", true},
    {Script::greek, "el", true},      {Script::hebrew, "he", true},     {Script::georgian, "ka", true},
    {Script::armenian, "hy", true},   {Script::tamil, "ta", true},      {Script::telugu, "te", true},
    {Script::gujarati, "gu", true},   {Script::gurmukhi, "pa", true},   {Script::kannada, "kn", true},
    {Script::malayalam, "ml", true},  {Script::sinhala, "si", true},    {Script::khmer, "km", true},
    {Script::lao, "lo", true},        {Script::myanmar, "my", true},    {Script::bengali, "bn", false},
    {Script::arabic, "ar", false},    {Script::devanagari, "hi", false}, {Script::han, "", false},
    {Script::cyrillic, "ru", false},  {Script::ethiopic, "am", false}};

const ScriptLanguage* script_language(Script script) {
  for (const auto& entry : SCRIPT_LANGUAGES) {
    if (entry.script == script) return &entry;
  }
  return nullptr;
}

struct ScriptCounts {
  std::array<std::size_t, static_cast<std::size_t>(Script::count)> letters{};
  std::size_t total = 0;

  Script dominant() const {
    // Kana decides for Japanese even among more kanji (Han) letters.
    if (letters[static_cast<std::size_t>(Script::kana)] > 0) return Script::kana;
    const auto it = std::max_element(letters.begin(), letters.end());
    return static_cast<Script>(it - letters.begin());
  }
};

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts counts;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    i += d.length;
    if (!unicode::is_letter_or_mark(d.code_point)) continue;
    ++counts.letters[static_cast<std::size_t>(script_of(d.code_point))];
    ++counts.total;
  }
  return counts;
}

// The languages a script can be written in, to tell whether a context
// language fits the text.
bool language_fits_script(std::string_view language, Script script) {
  const std::string primary(language.substr(0, language.find('-')));
  for (const auto& entry : SCRIPT_LANGUAGES) {
    if (entry.language == primary) return entry.script == script || (primary == "ja" && script == Script::han);
  }
  if (primary == "fa" || primary == "ur") return script == Script::arabic;
  if (primary == "mr" || primary == "ne") return script == Script::devanagari;
  if (primary == "uk" || primary == "bg" || primary == "sr" || primary == "kk" || primary == "be") {
    return script == Script::cyrillic;
  }
  if (primary == "hi") return language == "hi-Latn" ? script == Script::latin : script == Script::devanagari;
  return script == Script::latin;
}

struct Vote {
  std::string_view language;
  int score = 0;
};

// Letters that belong to few Latin-script languages.
struct LetterCue {
  char32_t letter;
  std::string_view language;
  int weight;
};

constexpr LetterCue LETTER_CUES[] = {
    {U'ñ', "es", 2}, {U'¿', "es", 2}, {U'¡', "es", 2}, {U'ã', "pt", 2}, {U'õ', "pt", 2}, {U'ç', "pt", 1},
    {U'ç', "fr", 1}, {U'ç', "tr", 1}, {U'ß', "de", 2}, {U'ä', "de", 1}, {U'ö', "de", 1}, {U'ö', "tr", 1},
    {U'ü', "de", 1}, {U'ü', "tr", 1}, {U'ğ', "tr", 2}, {U'ş', "tr", 2}, {U'ı', "tr", 2}, {U'œ', "fr", 2},
    {U'è', "fr", 1}, {U'è', "it", 1}, {U'ê', "fr", 1}, {U'ê', "pt", 1}, {U'à', "fr", 1}, {U'à', "it", 1},
    {U'ù', "fr", 1}, {U'ù', "it", 1}, {U'ò', "it", 1}, {U'ì', "it", 1}, {U'û', "fr", 1}, {U'î', "fr", 1}};

std::array<Vote, language_words::LATIN.size()> vote_words(std::string_view text) {
  std::array<Vote, language_words::LATIN.size()> votes;
  for (std::size_t k = 0; k < votes.size(); ++k) votes[k].language = language_words::LATIN[k].tag;
  std::string word;
  const auto count_word = [&] {
    if (word.empty()) return;
    for (std::size_t k = 0; k < votes.size(); ++k) {
      const auto& words = language_words::LATIN[k].words;
      if (std::find(words.begin(), words.end(), word) != words.end()) ++votes[k].score;
    }
    word.clear();
  };
  for (std::size_t i = 0; i <= text.size();) {
    if (i == text.size()) {
      count_word();
      break;
    }
    const auto d = utf8::decode(text, i);
    i += d.length;
    for (const auto& cue : LETTER_CUES) {
      if (unicode::to_lower(d.code_point) != cue.letter) continue;
      for (auto& vote : votes) vote.score += vote.language == cue.language ? cue.weight : 0;
    }
    if (unicode::is_letter_or_mark(d.code_point)) {
      utf8::append(word, unicode::to_lower(d.code_point));
    } else if (d.code_point == '\'' || d.code_point == 0x2019) {
      word.push_back('\'');
    } else {
      count_word();
    }
  }
  return votes;
}

// The clear winner of the function-word vote, or "" when there is none.
std::string_view words_winner(std::string_view text) {
  auto votes = vote_words(text);
  std::sort(votes.begin(), votes.end(), [](const Vote& a, const Vote& b) { return a.score > b.score; });
  if (votes[0].score == 0 || votes[0].score == votes[1].score) return {};
  return votes[0].language;
}

bool has_function_words(std::string_view language) {
  return std::any_of(language_words::LATIN.begin(), language_words::LATIN.end(),
                     [&](const language_words::Words& w) { return w.tag == language; });
}

std::string context_fit(std::span<const std::string> context, Script script) {
  for (const auto& language : context) {
    const std::string code = platform_language(language);
    if (!code.empty() && language_fits_script(code, script)) return code;
  }
  return {};
}

}  // namespace

Language identify_language(std::string_view prose, std::span<const std::string> context_languages) {
  const ScriptCounts counts = count_scripts(prose);
  if (counts.total == 0) return {};
  const Script script = counts.dominant();
  const ScriptLanguage* by_script = script_language(script);
  if (by_script != nullptr && by_script->unique) return {std::string(by_script->language), LanguageSource::script};
  const std::string_view words = script == Script::latin ? words_winner(prose) : std::string_view();
  if (words == "hi-Latn") return {std::string(words), LanguageSource::words};
  if (std::string detected = detect_language(prose); detected != UNDETERMINED_LANGUAGE) {
    // On short texts CLD2 drifts to close neighbours (Spanish read as
    // Galician, Indonesian as Malay); function words of a language it was
    // not offered decide then.
    if (!words.empty() && !has_function_words(detected)) return {std::string(words), LanguageSource::words};
    return {std::move(detected), LanguageSource::detected};
  }
  if (!words.empty()) return {std::string(words), LanguageSource::words};
  if (std::string context = context_fit(context_languages, script); !context.empty()) {
    return {std::move(context), LanguageSource::context};
  }
  // Kanji alone is Japanese or Chinese: only CLD2 (long texts) or context tell.
  if (by_script != nullptr && !by_script->language.empty()) {
    return {std::string(by_script->language), LanguageSource::script};
  }
  return {};
}

}  // namespace smelt::text
