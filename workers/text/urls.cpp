// URL extraction for text::extract_urls, after twitter-text's extractUrl rules.

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "text/entities.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace smelt::text {

namespace {

constexpr std::size_t MAX_URL_BYTES = 4096;
constexpr std::size_t MAX_TCO_SLUG = 40;

// Country-code top-level domains (ISO 3166 codes delegated in the root zone).
constexpr std::string_view COUNTRY_TLDS[] = {
    "ac", "ad", "ae", "af", "ag", "ai", "al", "am", "an", "ao", "aq", "ar", "as", "at", "au", "aw", "ax",
    "az", "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bl", "bm", "bn", "bo", "bq", "br", "bs",
    "bt", "bv", "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn", "co",
    "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee", "eg", "eh",
    "er", "es", "et", "eu", "fi", "fj", "fk", "fm", "fo", "fr", "ga", "gb", "gd", "ge", "gf", "gg", "gh",
    "gi", "gl", "gm", "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm", "hn", "hr", "ht",
    "hu", "id", "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jm", "jo", "jp", "ke", "kg",
    "kh", "ki", "km", "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc", "li", "lk", "lr", "ls", "lt",
    "lu", "lv", "ly", "ma", "mc", "md", "me", "mf", "mg", "mh", "mk", "ml", "mm", "mn", "mo", "mp", "mq",
    "mr", "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na", "nc", "ne", "nf", "ng", "ni", "nl", "no",
    "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg", "ph", "pk", "pl", "pm", "pn", "pr", "ps", "pt",
    "pw", "py", "qa", "re", "ro", "rs", "ru", "rw", "sa", "sb", "sc", "sd", "se", "sg", "sh", "si", "sj",
    "sk", "sl", "sm", "sn", "so", "sr", "ss", "st", "su", "sv", "sx", "sy", "sz", "tc", "td", "tf", "tg",
    "th", "tj", "tk", "tl", "tm", "tn", "to", "tp", "tr", "tt", "tv", "tw", "tz", "ua", "ug", "uk", "um",
    "us", "uy", "uz", "va", "vc", "ve", "vg", "vi", "vn", "vu", "wf", "ws", "ye", "yt", "za", "zm", "zw"};

// Generic top-level domains recognised without a scheme: the original ones
// and the most registered new ones (a URL with a scheme may use any TLD).
constexpr std::string_view GENERIC_TLDS[] = {
    "academy",    "aero",      "agency",     "app",       "art",        "arpa",     "asia",
    "attorney",   "auto",      "baby",       "bank",      "bar",        "beauty",   "beer",
    "bike",       "biz",       "blog",       "business",  "buzz",       "cafe",     "capital",
    "care",       "cars",      "cat",        "center",    "church",     "city",     "click",
    "clinic",     "cloud",     "clothing",   "club",      "coffee",     "com",      "company",
    "consulting", "coop",      "dental",     "design",    "dev",        "digital",  "dog",
    "earth",      "eco",       "edu",        "education", "email",      "energy",   "enterprises",
    "estate",     "events",    "faith",      "family",    "farm",       "fashion",  "film",
    "finance",    "fitness",   "flights",    "food",      "fun",        "fund",     "gallery",
    "game",       "games",     "garden",     "gay",       "global",     "google",   "gov",
    "green",      "group",     "guru",       "hair",      "health",     "holiday",  "homes",
    "hotel",      "house",     "icu",        "inc",       "industries", "info",     "insure",
    "int",        "jewelry",   "jobs",       "kids",      "land",       "law",      "lawyer",
    "legal",      "life",      "link",       "live",      "llc",        "loans",    "love",
    "ltd",        "makeup",    "marketing",  "media",     "mil",        "mobi",     "money",
    "movie",      "museum",    "music",      "name",      "net",        "network",  "news",
    "ninja",      "one",       "online",     "org",       "page",       "partners", "party",
    "pet",        "photo",     "photos",     "pics",      "pizza",      "post",     "pro",
    "property",   "radio",     "realestate", "rent",      "restaurant", "rocks",    "sale",
    "school",     "services",  "shoes",      "shop",      "show",       "site",     "social",
    "solar",      "solutions", "space",      "store",     "studio",     "style",    "support",
    "taxi",       "team",      "tech",       "tel",       "tickets",    "tips",     "today",
    "tours",      "travel",    "university", "vet",       "video",      "vip",      "wedding",
    "wiki",       "win",       "wine",       "work",      "works",      "world",    "website",
    "xxx",        "xyz",       "yoga",       "youtube",   "zone",       "amazon",   "top",
    "deals",      "ventures"};

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool equals_ignoring_case(std::string_view a, std::string_view lower) {
  return a.size() == lower.size() &&
         std::equal(a.begin(), a.end(), lower.begin(), [](char x, char y) { return ascii_lower(x) == y; });
}

bool in_list(std::string_view tld, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(),
                     [tld](std::string_view t) { return equals_ignoring_case(tld, t); });
}

bool is_country_tld(std::string_view tld) { return tld.size() == 2 && in_list(tld, COUNTRY_TLDS); }
bool is_known_tld(std::string_view tld) { return is_country_tld(tld) || in_list(tld, GENERIC_TLDS); }

bool is_invalid_char(char32_t c) {
  return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF || (c >= 0x202A && c <= 0x202E);
}

// A character that may be part of a domain label: anything but ASCII
// punctuation, spaces and the invalid characters.
bool is_domain_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(static_cast<char>(c));
  return !unicode::is_twitter_space(c) && !is_invalid_char(c) && c != utf8::REPLACEMENT;
}

// Label characters of the ASCII domains found without a scheme.
bool is_ascii_label_char(char32_t c) {
  return c < 0x80 ? (is_ascii_alnum(static_cast<char>(c)) || c == '-') : unicode::is_latin_accent(c);
}

// twitter-text's validGeneralUrlPathChars.
bool is_path_char(char32_t c) {
  if (c < 0x80) {
    return is_ascii_alnum(static_cast<char>(c)) ||
           std::string_view("!*';:=+,.$/%#[]-_~@|&").find(static_cast<char>(c)) != std::string_view::npos;
  }
  return (c >= 0x400 && c <= 0x4FF) || c == 0x2013 || unicode::is_latin_accent(c);
}

// twitter-text's validUrlPathEndingChars (balanced parentheses aside).
bool is_path_end_char(char32_t c) {
  if (c < 0x80) {
    return is_ascii_alnum(static_cast<char>(c)) ||
           std::string_view("+-=_#/").find(static_cast<char>(c)) != std::string_view::npos;
  }
  return (c >= 0x400 && c <= 0x4FF) || unicode::is_latin_accent(c);
}

bool is_query_char(char c) {
  return is_ascii_alnum(c) || std::string_view("!?*'@();:&=+$/%#[]-_.,~|").find(c) != std::string_view::npos;
}

bool is_query_end_char(char c) {
  return is_ascii_alnum(c) || std::string_view("-_&=#/").find(c) != std::string_view::npos;
}

/// A label of a candidate domain: [begin, end) in the text.
struct Label {
  std::size_t begin;
  std::size_t end;
};

/// The labels of one dotted name; names with more labels are cut short.
struct Labels {
  static constexpr std::size_t CAPACITY = 16;
  std::array<Label, CAPACITY> items{};
  std::size_t size = 0;

  const Label* begin() const { return items.data(); }
  const Label* end() const { return items.data() + size; }
  const Label& operator[](std::size_t i) const { return items[i]; }
};

std::size_t skip_path_chars(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const auto d = utf8::decode(text, at);
    if (!is_path_char(d.code_point)) break;
    at += d.length;
  }
  return at;
}

// A balanced parenthesis group at text[at] == '(' with up to one nested
// level; returns its end, or nullopt.
std::optional<std::size_t> balanced_parens_end(std::string_view text, std::size_t at) {
  std::size_t i = skip_path_chars(text, at + 1);
  if (i < text.size() && text[i] == '(') {
    const std::size_t inner = i + 1;
    i = skip_path_chars(text, inner);
    if (i == inner || i >= text.size() || text[i] != ')') return std::nullopt;
    i = skip_path_chars(text, i + 1);
  } else if (i == at + 1) {
    return std::nullopt;
  }
  if (i >= text.size() || text[i] != ')') return std::nullopt;
  return i + 1;
}

// The path after '/' at text[at]: the longest run of path characters and
// balanced parentheses that ends on an ending character.
std::size_t path_end(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;  // "/" alone is a path
  for (std::size_t i = at + 1; i < text.size();) {
    if (text[i] == '(') {
      const auto group = balanced_parens_end(text, i);
      if (!group) break;
      i = end = *group;
      continue;
    }
    const auto d = utf8::decode(text, i);
    if (!is_path_char(d.code_point)) break;
    i += d.length;
    if (is_path_end_char(d.code_point)) end = i;
  }
  return end;
}

// The query after '?' at text[at], or `at` when no query character ends it.
std::size_t query_end(std::string_view text, std::size_t at) {
  std::size_t end = at;
  for (std::size_t i = at + 1; i < text.size() && is_query_char(text[i]); ++i) {
    if (is_query_end_char(text[i])) end = i + 1;
  }
  return end;
}

/// What follows the domain.
struct Tail {
  std::size_t end;
  bool has_path;
};

Tail parse_tail(std::string_view text, std::size_t at) {
  Tail tail{at, false};
  if (tail.end + 1 < text.size() && text[tail.end] == ':' &&
      (text[tail.end + 1] >= '0' && text[tail.end + 1] <= '9')) {
    ++tail.end;
    while (tail.end < text.size() && text[tail.end] >= '0' && text[tail.end] <= '9') ++tail.end;
  }
  if (tail.end < text.size() && text[tail.end] == '/') {
    tail.end = path_end(text, tail.end);
    tail.has_path = true;
  }
  if (tail.end < text.size() && text[tail.end] == '?') tail.end = query_end(text, tail.end);
  return tail;
}

// The labels of a dotted name starting at `at`, each a run of characters
// accepted by `is_label`.
template <typename IsLabelChar>
Labels dotted_labels(std::string_view text, std::size_t at, IsLabelChar is_label) {
  Labels labels;
  while (at < text.size() && labels.size < Labels::CAPACITY) {
    std::size_t end = at;
    while (end < text.size()) {
      const auto d = utf8::decode(text, end);
      if (!is_label(d.code_point)) break;
      end += d.length;
    }
    if (end == at) break;
    labels.items[labels.size++] = {at, end};
    if (end >= text.size() || text[end] != '.') break;
    at = end + 1;
  }
  return labels;
}

/// The top-level domain at the start of a label: its letters, which must be
/// followed by something other than [0-9A-Za-z@].
std::optional<std::size_t> tld_end(std::string_view text, const Label& label, bool any_letters) {
  const std::string_view rest = text.substr(label.begin, label.end - label.begin);
  if (rest.size() > 4 && equals_ignoring_case(rest.substr(0, 4), "xn--")) return label.end;
  std::size_t end = label.begin;
  while (end < label.end) {
    const auto d = utf8::decode(text, end);
    const bool letter = d.code_point < 0x80 ? is_ascii_alpha(static_cast<char>(d.code_point))
                                            : (any_letters && unicode::is_letter_or_mark(d.code_point));
    if (!letter) break;
    end += d.length;
  }
  if (end == label.begin) return std::nullopt;
  if (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == '@')) return std::nullopt;
  const std::string_view tld = text.substr(label.begin, end - label.begin);
  const bool ascii = std::all_of(tld.begin(), tld.end(), [](char c) { return is_ascii_alpha(c); });
  if (is_known_tld(tld) || (any_letters && (!ascii || tld.size() >= 2))) return end;
  return std::nullopt;
}

bool edge_ok(std::string_view text, const Label& label) {
  const auto bad = [](char c) { return c == '-' || c == '_'; };
  return !bad(text[label.begin]) && !bad(text[label.end - 1]);
}

/// The domain made of labels[0..count-1] plus a TLD at the start of
/// labels[count]; returns the end of the TLD, choosing as many labels as fit.
std::optional<std::size_t> domain_end(std::string_view text, const Labels& labels, bool any_tld) {
  for (std::size_t count = labels.size - 1; count >= 1; --count) {
    const bool labels_ok = std::all_of(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(count),
                                       [&](const Label& l) { return edge_ok(text, l); });
    const Label& name = labels[count - 1];
    const bool name_ok = text.substr(name.begin, name.end - name.begin).find('_') == std::string_view::npos;
    if (labels_ok && name_ok) {
      if (auto end = tld_end(text, labels[count], any_tld)) return end;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> scheme_length(std::string_view text, std::size_t at) {
  for (std::string_view scheme : {std::string_view("https://"), std::string_view("http://")}) {
    if (text.size() - at >= scheme.size() && equals_ignoring_case(text.substr(at, scheme.size()), scheme)) {
      return scheme.size();
    }
  }
  return std::nullopt;
}

// Before a URL: not a letter, digit, '@', '$', '#' (ASCII or full width) or
// an invalid character; without a scheme, not '-', '_', '.' or '/' either.
bool preceding_ok(std::string_view text, std::size_t at, bool has_scheme) {
  if (at == 0) return true;
  const char32_t c = utf8::decode_before(text, at).code_point;
  if (c < 0x80) {
    const char ch = static_cast<char>(c);
    if (is_ascii_alnum(ch) || ch == '@' || ch == '$' || ch == '#') return false;
    return has_scheme || std::string_view("-_./").find(ch) == std::string_view::npos;
  }
  return c != 0xFF20 && c != 0xFF03 && !is_invalid_char(c);
}

std::optional<Entity> url_with_scheme(std::string_view text, std::size_t at) {
  const auto scheme = scheme_length(text, at);
  if (!scheme || !preceding_ok(text, at, true)) return std::nullopt;
  const auto labels =
      dotted_labels(text, at + *scheme, [](char32_t c) { return is_domain_char(c) || c == '-' || c == '_'; });
  if (labels.size < 2) return std::nullopt;
  const auto domain = domain_end(text, labels, true);
  if (!domain) return std::nullopt;
  std::size_t end = parse_tail(text, *domain).end;
  // t.co links end with their slug: "http://t.co/abc's" is "http://t.co/abc".
  const std::size_t host = at + *scheme;
  if (text.size() - host > 5 && equals_ignoring_case(text.substr(host, 5), "t.co/")) {
    std::size_t slug_end = host + 5;
    while (slug_end < end && is_ascii_alnum(text[slug_end])) ++slug_end;
    if (slug_end - host - 5 > MAX_TCO_SLUG) return std::nullopt;
    if (slug_end > host + 5) end = slug_end;
  }
  if (end - at > MAX_URL_BYTES) return std::nullopt;
  return Entity{text.substr(at, end - at), at, end};
}

std::optional<Entity> url_without_scheme(std::string_view text, std::size_t at) {
  if (!preceding_ok(text, at, false)) return std::nullopt;
  const auto labels = dotted_labels(text, at, is_ascii_label_char);
  if (labels.size < 2) return std::nullopt;
  const auto domain = domain_end(text, labels, false);
  if (!domain) return std::nullopt;
  const Tail tail = parse_tail(text, *domain);
  const auto dots = std::count(text.begin() + static_cast<std::ptrdiff_t>(at),
                               text.begin() + static_cast<std::ptrdiff_t>(*domain), '.');
  const Label& tld =
      *std::find_if(labels.begin(), labels.end(), [&](const Label& l) { return l.end >= *domain; });
  const std::string_view tld_text = text.substr(tld.begin, *domain - tld.begin);
  const bool short_country = dots == 1 && is_country_tld(tld_text);
  const bool special = equals_ignoring_case(tld_text, "co") || equals_ignoring_case(tld_text, "tv");
  if (short_country && !special && !tail.has_path) return std::nullopt;
  if (tail.end - at > MAX_URL_BYTES) return std::nullopt;
  return Entity{text.substr(at, tail.end - at), at, tail.end};
}

std::size_t ascii_label_end(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const auto d = utf8::decode(text, at);
    if (!is_ascii_label_char(d.code_point)) break;
    at += d.length;
  }
  return at;
}

bool starts_label(std::string_view text, std::size_t at) {
  const auto d = utf8::decode(text, at);
  if (!is_ascii_label_char(d.code_point) || d.code_point == '-') return false;
  return at == 0 || !is_ascii_label_char(utf8::decode_before(text, at).code_point);
}

}  // namespace

std::vector<Entity> extract_urls(std::string_view text) {
  std::vector<Entity> out;
  if (text.find('.') == std::string_view::npos) return out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_alnum(c)) {
      ++i;
      continue;
    }
    std::optional<Entity> url;
    if (c == 'h' || c == 'H') url = url_with_scheme(text, i);
    if (url) {
      out.push_back(*url);
      i = url->end;
      continue;
    }
    if (starts_label(text, i)) {
      const std::size_t label_end = ascii_label_end(text, i);
      if (label_end < text.size() && text[label_end] == '.') url = url_without_scheme(text, i);
      if (url) out.push_back(*url);
      i = url ? url->end : label_end;
      continue;
    }
    i += utf8::decode(text, i).length;
  }
  return out;
}

}  // namespace smelt::text
