#include "text/language.hpp"

#include <algorithm>
#include <array>
#include <utility>

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

std::string detect_language(std::string_view text) {
  if (count_letters(text) < MIN_DETECTION_LETTERS) return std::string(UNDETERMINED_LANGUAGE);
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
