#include "text/normalize.hpp"

#include <algorithm>
#include <vector>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace smelt::text {

namespace {

// Hangul syllable arithmetic (Unicode 3.12).
constexpr char32_t S_BASE = 0xAC00;
constexpr char32_t L_BASE = 0x1100;
constexpr char32_t V_BASE = 0x1161;
constexpr char32_t T_BASE = 0x11A7;
constexpr char32_t L_COUNT = 19;
constexpr char32_t V_COUNT = 21;
constexpr char32_t T_COUNT = 28;
constexpr char32_t N_COUNT = V_COUNT * T_COUNT;
constexpr char32_t S_COUNT = L_COUNT * N_COUNT;

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    out.push_back(d.code_point);
    i += d.length;
  }
  return out;
}

std::string to_utf8(const std::vector<char32_t>& cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) utf8::append(out, c);
  return out;
}

void decompose_one(char32_t c, std::vector<char32_t>& out) {
  if (c >= S_BASE && c < S_BASE + S_COUNT) {
    const char32_t index = c - S_BASE;
    out.push_back(L_BASE + index / N_COUNT);
    out.push_back(V_BASE + (index % N_COUNT) / T_COUNT);
    if (index % T_COUNT != 0) out.push_back(T_BASE + index % T_COUNT);
    return;
  }
  const auto mapping = unicode::decomposition(c);
  if (mapping.empty()) {
    out.push_back(c);
  } else {
    out.insert(out.end(), mapping.begin(), mapping.end());
  }
}

// Canonical ordering: a stable sort of each run of non-starters by class.
void reorder(std::vector<char32_t>& cps) {
  for (std::size_t i = 0; i < cps.size();) {
    if (unicode::combining_class(cps[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < cps.size() && unicode::combining_class(cps[end]) != 0) ++end;
    std::stable_sort(
        cps.begin() + static_cast<std::ptrdiff_t>(i), cps.begin() + static_cast<std::ptrdiff_t>(end),
        [](char32_t a, char32_t b) { return unicode::combining_class(a) < unicode::combining_class(b); });
    i = end;
  }
}

char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= L_BASE && first < L_BASE + L_COUNT && second >= V_BASE && second < V_BASE + V_COUNT) {
    return S_BASE + ((first - L_BASE) * V_COUNT + (second - V_BASE)) * T_COUNT;
  }
  if (first >= S_BASE && first < S_BASE + S_COUNT && (first - S_BASE) % T_COUNT == 0 && second > T_BASE &&
      second < T_BASE + T_COUNT) {
    return first + (second - T_BASE);
  }
  return unicode::compose(first, second);
}

// Canonical composition (UAX #15): each character joins the last starter
// unless a character of the same or higher class sits between them.
std::vector<char32_t> compose(const std::vector<char32_t>& cps) {
  std::vector<char32_t> out;
  out.reserve(cps.size());
  std::ptrdiff_t starter = -1;
  int last_class = -1;
  for (char32_t c : cps) {
    const int cc = unicode::combining_class(c);
    if (starter >= 0 && (last_class < cc || last_class == 0)) {
      if (const char32_t composite = compose_pair(out[static_cast<std::size_t>(starter)], c);
          composite != 0) {
        out[static_cast<std::size_t>(starter)] = composite;
        continue;
      }
    }
    if (cc == 0) starter = static_cast<std::ptrdiff_t>(out.size());
    last_class = cc;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string nfkc(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::vector<char32_t> decomposed;
  decomposed.reserve(text.size());
  for (char32_t c : code_points(text)) decompose_one(c, decomposed);
  reorder(decomposed);
  return to_utf8(compose(decomposed));
}

std::string case_fold(std::string_view text) {
  if (is_ascii(text)) return ascii_lower(text);
  std::vector<char32_t> folded;
  folded.reserve(text.size());
  for (char32_t c : code_points(text)) {
    const auto mapping = unicode::case_fold(c);
    if (mapping.empty()) {
      folded.push_back(c);
    } else {
      folded.insert(folded.end(), mapping.begin(), mapping.end());
    }
  }
  return to_utf8(folded);
}

std::string normalize_hashtag(std::string_view tag) {
  if (tag.starts_with('#')) {
    tag.remove_prefix(1);
  } else if (tag.starts_with("\xEF\xBC\x83")) {  // U+FF03 FULLWIDTH NUMBER SIGN
    tag.remove_prefix(3);
  }
  if (is_ascii(tag)) return ascii_lower(tag);
  return nfkc(case_fold(nfkc(tag)));
}

}  // namespace smelt::text
