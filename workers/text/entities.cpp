#include "text/entities.hpp"

#include <algorithm>
#include <initializer_list>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace smelt::text {

namespace {

constexpr std::string_view FULLWIDTH_NUMBER_SIGN = "\xEF\xBC\x83";    // ＃
constexpr std::string_view FULLWIDTH_COMMERCIAL_AT = "\xEF\xBC\xA0";  // ＠
constexpr char32_t VARIATION_SELECTOR_15 = 0xFE0E;
constexpr char32_t VARIATION_SELECTOR_16 = 0xFE0F;
constexpr char32_t COMBINING_KEYCAP = 0x20E3;
constexpr std::size_t MAX_SCREEN_NAME = 20;
constexpr std::size_t MAX_LIST_SLUG = 25;
constexpr std::size_t MAX_CASHTAG_LETTERS = 6;
constexpr std::size_t MAX_CASHTAG_SUFFIX = 2;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool is_name_char(char c) { return is_ascii_alnum(c) || c == '_'; }

// Length of the sign at text[i] when it is one of the two given forms, else 0.
std::size_t sign_at(std::string_view text, std::size_t i, char ascii, std::string_view fullwidth) {
  if (text[i] == ascii) return 1;
  if (text[i] != fullwidth[0]) return 0;
  return text.substr(i).starts_with(fullwidth) ? fullwidth.size() : 0;
}

bool starts_with_any(std::string_view rest, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [rest](std::string_view p) { return rest.starts_with(p); });
}

// twitter-text's punctuation class (cashtag terminators).
bool is_twitter_punctuation(char c) {
  return std::string_view("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$").find(c) != std::string_view::npos;
}

// --- hashtags -------------------------------------------------------------

// The character before the sign must start at or after `from` (where the
// previous match ended) and be a boundary: FE0E, FE0F, or anything that is
// neither a hashtag character nor '&'.
bool hashtag_boundary(std::string_view text, std::size_t sign, std::size_t from) {
  if (sign == 0) return true;
  const auto prev = utf8::decode_before(text, sign);
  if (sign - prev.length < from) return false;
  const char32_t c = prev.code_point;
  return c == VARIATION_SELECTOR_15 || c == VARIATION_SELECTOR_16 ||
         (!unicode::is_hashtag_char(c) && c != '&');
}

// End of the hashtag body starting at `begin`, or `begin` when there is no
// valid body (it needs at least one letter or mark).
std::size_t hashtag_body_end(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  bool has_letter = false;
  while (end < text.size()) {
    const auto d = utf8::decode(text, end);
    if (!unicode::is_hashtag_char(d.code_point)) break;
    has_letter = has_letter || unicode::is_letter_or_mark(d.code_point);
    end += d.length;
  }
  return has_letter ? end : begin;
}

// --- mentions -------------------------------------------------------------

bool blocks_mention(char32_t c) {
  return c < 0x80 ? (is_name_char(static_cast<char>(c)) ||
                     std::string_view("!#$%&*@").find(static_cast<char>(c)) != std::string_view::npos)
                  : c == 0xFF20;
}

// "RT@user", "rt:@user": an RT marker right before the sign, itself after the
// start or a character outside [A-Za-z0-9_+~.-].
bool after_retweet_marker(std::string_view text, std::size_t sign, std::size_t from) {
  std::size_t end = sign;
  if (end > 0 && text[end - 1] == ':') --end;
  if (end < 2 || (text[end - 2] | 0x20) != 'r' || (text[end - 1] | 0x20) != 't') return false;
  const std::size_t rt = end - 2;
  if (rt == 0) return from == 0;
  const char before = text[rt - 1];
  return rt - 1 >= from && !is_name_char(before) &&
         std::string_view("+~.-").find(before) == std::string_view::npos;
}

bool mention_boundary(std::string_view text, std::size_t sign, std::size_t from) {
  if (sign == 0) return true;
  const auto prev = utf8::decode_before(text, sign);
  if (sign - prev.length >= from && !blocks_mention(prev.code_point)) return true;
  return after_retweet_marker(text, sign, from);
}

// End of an optional list slug "/name" at `at` (returns `at` when absent).
std::size_t list_slug_end(std::string_view text, std::size_t at) {
  if (at + 1 >= text.size() || text[at] != '/' || !is_ascii_alpha(text[at + 1])) return at;
  std::size_t end = at + 2;
  while (end < text.size() && end - at - 1 < MAX_LIST_SLUG && (is_name_char(text[end]) || text[end] == '-'))
    ++end;
  return end;
}

bool mention_rejected_by_next(std::string_view rest) {
  if (rest.empty()) return false;
  if (starts_with_any(rest, {"@", FULLWIDTH_COMMERCIAL_AT, "://"})) return true;
  return unicode::is_latin_accent(utf8::decode(rest, 0).code_point);
}

// --- cashtags -------------------------------------------------------------

bool cashtag_terminator(std::string_view text, std::size_t at) {
  if (at >= text.size()) return true;
  if (is_twitter_punctuation(text[at])) return true;
  return unicode::is_js_whitespace(utf8::decode(text, at).code_point);
}

std::size_t count_letters(std::string_view text, std::size_t at, std::size_t limit) {
  std::size_t n = 0;
  while (at + n < text.size() && n <= limit && is_ascii_alpha(text[at + n])) ++n;
  return n;
}

// End of the cashtag whose letters start at `begin`, or `begin` when none.
std::size_t cashtag_end(std::string_view text, std::size_t begin) {
  const std::size_t letters = count_letters(text, begin, MAX_CASHTAG_LETTERS);
  if (letters == 0 || letters > MAX_CASHTAG_LETTERS) return begin;
  const std::size_t end = begin + letters;
  if (end < text.size() && (text[end] == '.' || text[end] == '_')) {
    const std::size_t suffix = count_letters(text, end + 1, MAX_CASHTAG_SUFFIX);
    if (suffix >= 1 && suffix <= MAX_CASHTAG_SUFFIX && cashtag_terminator(text, end + 1 + suffix)) {
      return end + 1 + suffix;
    }
  }
  return cashtag_terminator(text, end) ? end : begin;
}

bool cashtag_boundary(std::string_view text, std::size_t sign, std::size_t from) {
  if (sign == 0) return true;
  const auto prev = utf8::decode_before(text, sign);
  return sign - prev.length >= from && unicode::is_twitter_space(prev.code_point);
}

bool overlaps(const Entity& entity, const std::vector<Entity>& urls) {
  return std::any_of(urls.begin(), urls.end(), [&entity](const Entity& url) {
    return entity.begin < url.end && url.begin < entity.end;
  });
}

void remove_overlapping(std::vector<Entity>& entities, const std::vector<Entity>& urls) {
  if (urls.empty()) return;
  std::erase_if(entities, [&urls](const Entity& e) { return overlaps(e, urls); });
}

}  // namespace

std::vector<Entity> extract_hashtags(std::string_view text) {
  std::vector<Entity> out;
  std::size_t from = 0;  // where the previous match ended (the regex's lastIndex)
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t sign = sign_at(text, i, '#', FULLWIDTH_NUMBER_SIGN);
    if (sign == 0 || !hashtag_boundary(text, i, from)) continue;
    const std::size_t body = i + sign;
    if (body < text.size()) {
      const char32_t next = utf8::decode(text, body).code_point;
      if (next == VARIATION_SELECTOR_16 || next == COMBINING_KEYCAP) continue;
    }
    const std::size_t end = hashtag_body_end(text, body);
    if (end == body) continue;
    from = end;
    if (!starts_with_any(text.substr(end), {"#", FULLWIDTH_NUMBER_SIGN, "://"})) {
      out.push_back({text.substr(body, end - body), i, end});
    }
    i = end - 1;
  }
  return out;
}

std::vector<Entity> extract_mentions(std::string_view text) {
  std::vector<Entity> out;
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t sign = sign_at(text, i, '@', FULLWIDTH_COMMERCIAL_AT);
    if (sign == 0 || !mention_boundary(text, i, from)) continue;
    const std::size_t name = i + sign;
    std::size_t name_end = name;
    while (name_end < text.size() && name_end - name < MAX_SCREEN_NAME && is_name_char(text[name_end]))
      ++name_end;
    if (name_end == name) continue;
    const std::size_t end = list_slug_end(text, name_end);
    from = end;
    if (end == name_end && !mention_rejected_by_next(text.substr(end))) {
      out.push_back({text.substr(name, name_end - name), i, name_end});
    }
    i = end - 1;
  }
  return out;
}

std::vector<Entity> extract_cashtags(std::string_view text) {
  std::vector<Entity> out;
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || !cashtag_boundary(text, i, from)) continue;
    const std::size_t end = cashtag_end(text, i + 1);
    if (end == i + 1) continue;
    out.push_back({text.substr(i + 1, end - i - 1), i, end});
    from = end;
    i = end - 1;
  }
  return out;
}

Entities extract_entities(std::string_view text) {
  Entities out;
  out.urls = extract_urls(text);
  out.hashtags = extract_hashtags(text);
  out.mentions = extract_mentions(text);
  out.cashtags = extract_cashtags(text);
  remove_overlapping(out.hashtags, out.urls);
  remove_overlapping(out.mentions, out.urls);
  remove_overlapping(out.cashtags, out.urls);
  return out;
}

}  // namespace smelt::text
