#include "text/sentiment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "text/emoji.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"
#include "text/vader_rules.hpp"

namespace smelt::text {

namespace {

/// One token, as offsets into the scratch buffers so they survive growth.
struct Token {
  std::uint32_t begin = 0;  // into Scratch::source
  std::uint32_t length = 0;
  std::uint32_t lower_begin = 0;  // into Scratch::lower
  std::uint32_t lower_length = 0;
  const WordInfo* info = nullptr;
  double emoji_valence = 0.0;
  bool emoji = false;         // an emoji cluster (social rules only)
  bool emoji_scored = false;  // an emoji with a valence
  bool upper = false;         // Python's str.isupper() as the reference has it
};

/// Per-thread buffers, reused so scoring allocates nothing in steady state.
struct Scratch {
  std::string source;
  std::string lower;
  std::vector<Token> tokens;
  std::vector<double> sentiments;
};

Scratch& scratch() {
  thread_local Scratch buffers;
  return buffers;
}

bool is_ascii_punctuation(char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// The reference's is_upper_python: no ASCII lowercase letter and at least one
// ASCII uppercase letter (/^[^a-z]*[A-Z]+[^a-z]*$/).
bool is_upper_python(std::string_view word) {
  bool upper = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

bool is_strippable(std::string_view punctuation) {
  return std::find(vader::STRIPPABLE_PUNCTUATION.begin(), vader::STRIPPABLE_PUNCTUATION.end(), punctuation) !=
         vader::STRIPPABLE_PUNCTUATION.end();
}

// The reference removes one listed punctuation run from one side of a word
// ("good!!!" -> "good") when the rest has no ASCII punctuation and is longer
// than one UTF-16 unit; anything else ("(good)", "good!!!!") stays as it is.
std::string_view strip_punctuation(std::string_view token) {
  std::size_t lead = 0;
  while (lead < token.size() && is_ascii_punctuation(token[lead])) ++lead;
  if (lead == token.size()) return token;
  std::size_t trail = 0;
  while (is_ascii_punctuation(token[token.size() - 1 - trail])) ++trail;
  if ((lead > 0) == (trail > 0)) return token;
  const std::string_view core = token.substr(lead, token.size() - lead - trail);
  if (std::any_of(core.begin(), core.end(), is_ascii_punctuation) || utf8::utf16_length(core) <= 1)
    return token;
  return is_strippable(lead > 0 ? token.substr(0, lead) : token.substr(token.size() - trail)) ? core : token;
}

std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// Social rules, when the reference's stripping leaves a word alone: strip all
// leading and trailing punctuation ("good!!!!", "(good)", "#blessed") unless
// that leaves two characters or fewer, which is how VADER 3.3 keeps
// emoticons such as ":)" or "<3" whole.
std::string_view strip_all_punctuation(std::string_view token) {
  std::size_t lead = 0;
  while (lead < token.size() && is_ascii_punctuation(token[lead])) ++lead;
  std::size_t end = token.size();
  while (end > lead && is_ascii_punctuation(token[end - 1])) --end;
  const std::string_view core = token.substr(lead, end - lead);
  return code_point_count(core) <= 2 ? token : core;
}

bool is_emoji_start(char32_t c) { return emoji::is_start(c); }

std::size_t emoji_cluster_length(std::string_view text, std::size_t offset) {
  return emoji::cluster_length(text, offset);
}

// Social rules: typographic apostrophes become "'" and every emoji cluster is
// set apart by spaces so it scores as a token of its own.
void prepare_social(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size() * 2 + 2);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t ascii_end = i;
    while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) ++ascii_end;
    out.append(text.substr(i, ascii_end - i));
    if (ascii_end == text.size()) break;
    i = ascii_end;
    const auto d = utf8::decode(text, i);
    if (d.code_point == 0x2019 || d.code_point == 0x02BC) {
      out.push_back('\'');
      i += d.length;
    } else if (is_emoji_start(d.code_point)) {
      const std::size_t length = emoji_cluster_length(text, i);
      out.push_back(' ');
      out.append(text.substr(i, length));
      out.push_back(' ');
      i += length;
    } else {
      out.append(text.substr(i, d.length));
      i += d.length;
    }
  }
}

// JavaScript's toLowerCase, close enough for lexicon lookups: simple
// lowercase mappings plus the one full mapping that matters (İ -> i̇).
void append_lower(std::string_view word, std::string& out) {
  const bool ascii =
      std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    const std::size_t at = out.size();
    out.resize(at + word.size());
    std::transform(word.begin(), word.end(), out.begin() + static_cast<std::ptrdiff_t>(at),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; });
    return;
  }
  for (std::size_t i = 0; i < word.size();) {
    const auto d = utf8::decode(word, i);
    if (d.code_point == 0x130) {
      out.append("i\xCC\x87");
    } else {
      utf8::append(out, unicode::to_lower(d.code_point));
    }
    i += d.length;
  }
}

bool is_typographic(char32_t c) { return emoji::is_typographic(c); }

// JavaScript's Number.prototype.toFixed: the nearest multiple of 10^-digits,
// ties away from zero.
double round_like_js(double value, int digits) {
  const long double scale = std::pow(10.0L, digits);
  const long double scaled = std::fabs(static_cast<long double>(value)) * scale;
  long double whole = std::floor(scaled);
  if (scaled - whole >= 0.5L) whole += 1.0L;
  const double rounded = static_cast<double>(whole / scale);
  return value < 0 ? -rounded : rounded;
}

/// One scoring pass over one text.
class Pass {
 public:
  Pass(const Lexicon& lexicon, Rules rules, Scratch& buffers)
      : lexicon_(lexicon), social_(rules == Rules::social), s_(buffers) {}

  void run(std::string_view text) {
    tokenize(text);
    cap_differential_ = cap_differential();
    s_.sentiments.clear();
    for (std::size_t i = 0; i < s_.tokens.size(); ++i) s_.sentiments.push_back(valence_at(i));
    but_check();
  }

  Sentiment result(std::string_view text) const;
  std::string_view text_of(const Token& t) const {
    return std::string_view(s_.source).substr(t.begin, t.length);
  }

 private:
  void tokenize(std::string_view text);
  void add_token(std::string_view piece, std::size_t offset);
  bool cap_differential() const;
  double valence_at(std::size_t i) const;
  double modify_by_preceding(double valence, std::size_t i) const;
  double scalar_inc_dec(const Token& word, double valence) const;
  double never_check(double valence, std::size_t start, std::size_t i) const;
  double idioms_check(double valence, std::size_t i) const;
  double least_check(double valence, std::size_t i) const;
  void but_check();

  std::string_view lower_of(const Token& t) const {
    return std::string_view(s_.lower).substr(t.lower_begin, t.lower_length);
  }
  // Rule words match the text as written under the reference rules and
  // case-insensitively under the social rules.
  std::string_view rule_text(std::size_t i) const {
    return social_ ? lower_of(s_.tokens[i]) : text_of(s_.tokens[i]);
  }
  bool in_lexicon(const Token& t) const {
    return t.emoji_scored || (t.info != nullptr && t.info->in_lexicon);
  }
  bool is_booster(const Token& t) const { return t.info != nullptr && t.info->booster != 0.0; }
  bool negated(std::size_t i) const;
  std::optional<double> idiom_at(std::size_t first, std::size_t count) const;
  bool dampener_phrase_at(std::size_t first) const;

  const Lexicon& lexicon_;
  bool social_;
  Scratch& s_;
  bool cap_differential_ = false;
};

void Pass::tokenize(std::string_view text) {
  if (social_) {
    prepare_social(text, s_.source);
  } else {
    s_.source.assign(text);
  }
  s_.tokens.clear();
  s_.lower.clear();
  s_.lower.reserve(s_.source.size() * 2 + 8);
  const std::string_view source = s_.source;
  std::size_t start = 0;
  for (std::size_t i = 0; i < source.size();) {
    const auto byte = static_cast<unsigned char>(source[i]);
    if (byte < 0x80) {
      if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) {
        add_token(source.substr(start, i - start), start);
        start = i + 1;
      }
      ++i;
      continue;
    }
    const auto d = utf8::decode(source, i);
    if (unicode::is_js_whitespace(d.code_point)) {
      add_token(source.substr(start, i - start), start);
      start = i + d.length;
    }
    i += d.length;
  }
  add_token(source.substr(start), start);
}

void Pass::add_token(std::string_view piece, std::size_t offset) {
  if (piece.empty()) return;
  Token token;
  const auto first = utf8::decode(piece, 0);
  token.emoji = social_ && is_emoji_start(first.code_point);
  if (!token.emoji && utf8::utf16_length(piece) <= 1) return;
  std::string_view word = token.emoji ? piece : strip_punctuation(piece);
  if (social_ && !token.emoji && word.size() == piece.size()) word = strip_all_punctuation(piece);
  token.begin = static_cast<std::uint32_t>(offset + static_cast<std::size_t>(word.data() - piece.data()));
  token.length = static_cast<std::uint32_t>(word.size());
  token.lower_begin = static_cast<std::uint32_t>(s_.lower.size());
  append_lower(word, s_.lower);
  token.lower_length = static_cast<std::uint32_t>(s_.lower.size() - token.lower_begin);
  if (token.emoji) {
    const double* valence =
        is_typographic(first.code_point) ? nullptr : lexicon_.find_emoji(first.code_point);
    token.emoji_scored = valence != nullptr;
    token.emoji_valence = valence != nullptr ? *valence : 0.0;
  } else {
    token.info = lexicon_.find(lower_of(token));
    token.upper = is_upper_python(word);
  }
  s_.tokens.push_back(token);
}

// True when some but not all tokens are ALL CAPS.
bool Pass::cap_differential() const {
  const auto upper = static_cast<std::size_t>(
      std::count_if(s_.tokens.begin(), s_.tokens.end(), [](const Token& t) { return t.upper; }));
  return upper > 0 && upper < s_.tokens.size();
}

double Pass::valence_at(std::size_t i) const {
  const Token& token = s_.tokens[i];
  const bool kind_of =
      i + 1 < s_.tokens.size() && lower_of(token) == "kind" && lower_of(s_.tokens[i + 1]) == "of";
  if (kind_of || is_booster(token) || !in_lexicon(token)) return 0.0;
  double valence = token.emoji_scored ? token.emoji_valence : token.info->valence;
  if (token.upper && cap_differential_) valence += valence > 0 ? vader::C_INCR : -vader::C_INCR;
  valence = modify_by_preceding(valence, i);
  return least_check(valence, i);
}

// Boosters, negations and idioms among the three words before word i.
double Pass::modify_by_preceding(double valence, std::size_t i) const {
  for (std::size_t start = 0; start < 3; ++start) {
    if (i <= start || in_lexicon(s_.tokens[i - start - 1])) continue;
    double scalar = scalar_inc_dec(s_.tokens[i - start - 1], valence);
    if (start == 1 && scalar != 0) {
      scalar = scalar * 0.95;
    } else if (start == 2 && scalar != 0) {
      scalar = scalar * 0.9;
    }
    valence = valence + scalar;
    valence = never_check(valence, start, i);
    if (start == 2) valence = idioms_check(valence, i);
  }
  return valence;
}

double Pass::scalar_inc_dec(const Token& word, double valence) const {
  if (!is_booster(word)) return 0.0;
  double scalar = word.info->booster;
  if (valence < 0) scalar *= -1;
  if (cap_differential_ && word.upper) scalar += valence > 0 ? vader::C_INCR : -vader::C_INCR;
  return scalar;
}

bool Pass::negated(std::size_t i) const {
  const Token& token = s_.tokens[i];
  const std::string_view word = rule_text(i);
  const bool listed = token.info != nullptr && token.info->negation && word == lower_of(token);
  return listed || word.find("n't") != std::string_view::npos;
}

double Pass::never_check(double valence, std::size_t start, std::size_t i) const {
  const auto is = [this](std::size_t k, std::string_view w) { return rule_text(k) == w; };
  if (start == 0) {
    if (negated(i - 1)) valence = valence * vader::N_SCALAR;
  } else if (start == 1) {
    if (is(i - 2, "never") && (is(i - 1, "so") || is(i - 1, "this"))) {
      valence = valence * 1.5;
    } else if (negated(i - 2)) {
      valence = valence * vader::N_SCALAR;
    }
  } else {
    if ((is(i - 3, "never") && (is(i - 2, "so") || is(i - 2, "this"))) || is(i - 1, "so") ||
        is(i - 1, "this")) {
      valence = valence * 1.25;
    } else if (negated(i - 3)) {
      valence = valence * vader::N_SCALAR;
    }
  }
  return valence;
}

std::optional<double> Pass::idiom_at(std::size_t first, std::size_t count) const {
  const WordInfo* info = s_.tokens[first].info;
  if (info == nullptr || !info->idiom) return std::nullopt;
  for (const auto& idiom : vader::IDIOMS) {
    const std::size_t length = idiom.words[2].empty() ? 2 : 3;
    if (length != count) continue;
    bool equal = true;
    for (std::size_t k = 0; k < count && equal; ++k) equal = rule_text(first + k) == idiom.words[k];
    if (equal) return idiom.valence;
  }
  return std::nullopt;
}

bool Pass::dampener_phrase_at(std::size_t first) const {
  const WordInfo* info = s_.tokens[first].info;
  if (info == nullptr || !info->idiom) return false;
  return std::any_of(vader::DAMPENER_PHRASES.begin(), vader::DAMPENER_PHRASES.end(),
                     [&](const vader::Phrase& p) {
                       return rule_text(first) == p.first && rule_text(first + 1) == p.second;
                     });
}

// The reference's special-case idioms around word i (i >= 3).
double Pass::idioms_check(double valence, std::size_t i) const {
  // onezero, twoonezero, twoone, threetwoone, threetwo; the first match wins.
  const std::pair<std::size_t, std::size_t> before[] = {
      {i - 1, 2}, {i - 2, 3}, {i - 2, 2}, {i - 3, 3}, {i - 3, 2}};
  for (const auto& [first, count] : before) {
    if (auto idiom = idiom_at(first, count)) {
      valence = *idiom;
      break;
    }
  }
  const std::size_t n = s_.tokens.size();
  if (n - 1 > i) {
    if (auto idiom = idiom_at(i, 2)) valence = *idiom;
  }
  if (n - 1 > i + 1) {
    if (auto idiom = idiom_at(i, 3)) valence = *idiom;
  }
  if (dampener_phrase_at(i - 3) || dampener_phrase_at(i - 2)) valence = valence + vader::B_DECR;
  return valence;
}

// "least" before a word negates it, unless it reads "at least" or "very least".
double Pass::least_check(double valence, std::size_t i) const {
  if (i == 0 || lower_of(s_.tokens[i - 1]) != "least" || in_lexicon(s_.tokens[i - 1])) return valence;
  if (i > 1) {
    const std::string_view before = lower_of(s_.tokens[i - 2]);
    return (before != "at" && before != "very") ? valence * vader::N_SCALAR : valence;
  }
  return valence * vader::N_SCALAR;
}

// Sentiment before the first "but" counts half, after it one and a half.
void Pass::but_check() {
  const auto find = [this](std::string_view word) {
    for (std::size_t i = 0; i < s_.tokens.size(); ++i) {
      if (rule_text(i) == word) return static_cast<std::ptrdiff_t>(i);
    }
    return std::ptrdiff_t{-1};
  };
  std::ptrdiff_t but = find("but");
  if (but < 0 && !social_) but = find("BUT");
  if (but < 0) return;
  for (std::size_t i = 0; i < s_.sentiments.size(); ++i) {
    if (static_cast<std::ptrdiff_t>(i) < but) {
      s_.sentiments[i] = s_.sentiments[i] * vader::BUT_BEFORE;
    } else if (static_cast<std::ptrdiff_t>(i) > but) {
      s_.sentiments[i] = s_.sentiments[i] * vader::BUT_AFTER;
    }
  }
}

double punctuation_emphasis(std::string_view text) {
  const auto exclamations =
      std::min<std::ptrdiff_t>(std::count(text.begin(), text.end(), '!'), vader::EXCLAMATION_MAX);
  const auto questions = std::count(text.begin(), text.end(), '?');
  double question_boost = 0;
  if (questions > 1) {
    question_boost =
        questions <= 3 ? static_cast<double>(questions) * vader::QUESTION_BOOST : vader::QUESTION_MAX_BOOST;
  }
  return static_cast<double>(exclamations) * vader::EXCLAMATION_BOOST + question_boost;
}

double normalize(double score) {
  const double normalized = score / std::sqrt(score * score + vader::NORMALIZE_ALPHA);
  return std::clamp(normalized, -1.0, 1.0);
}

/// Positive weight (each positive valence + 1), negative weight (each
/// negative valence - 1) and the number of neutral tokens.
struct Weights {
  double positive = 0;
  double negative = 0;
  double neutral = 0;
};

Weights weigh(const std::vector<double>& sentiments, double emphasis) {
  Weights w;
  for (double s : sentiments) {
    if (s > 0) {
      w.positive += s + 1;
    } else if (s < 0) {
      w.negative += s - 1;
    } else {
      w.neutral += 1;
    }
  }
  if (w.positive > std::fabs(w.negative)) {
    w.positive += emphasis;
  } else if (w.positive < std::fabs(w.negative)) {
    w.negative -= emphasis;
  }
  return w;
}

// The sum of valences, pushed away from zero by the punctuation emphasis.
double emphasized_sum(const std::vector<double>& sentiments, double emphasis) {
  double sum = 0;
  for (double s : sentiments) sum += s;
  if (sum > 0) return sum + emphasis;
  if (sum < 0) return sum - emphasis;
  return sum;
}

Sentiment Pass::result(std::string_view text) const { return combine_valences(s_.sentiments, text); }

}  // namespace

std::string_view category_name(Category category) {
  switch (category) {
    case Category::positive:
      return "positive";
    case Category::negative:
      return "negative";
    case Category::neutral:
      break;
  }
  return "neutral";
}

Sentiment combine_valences(const std::vector<double>& valences, std::string_view text) {
  if (valences.empty()) return {};
  const double emphasis = punctuation_emphasis(text);
  const Weights w = weigh(valences, emphasis);
  const double total = w.positive + std::fabs(w.negative) + w.neutral;
  Sentiment out;
  out.compound = round_like_js(normalize(emphasized_sum(valences, emphasis)), 4);
  out.positive = round_like_js(std::fabs(w.positive / total), 3);
  out.negative = round_like_js(std::fabs(w.negative / total), 3);
  out.neutral = round_like_js(std::fabs(w.neutral / total), 3);
  out.category = categorize(out.compound);
  return out;
}

Category categorize(double compound) {
  if (compound >= POSITIVE_THRESHOLD) return Category::positive;
  if (compound <= NEGATIVE_THRESHOLD) return Category::negative;
  return Category::neutral;
}

SentimentScorer::SentimentScorer(std::shared_ptr<const Lexicon> lexicon, Rules rules)
    : lexicon_(std::move(lexicon)),
      rules_(rules),
      model_name_(rules == Rules::social ? MODEL_NAME : REFERENCE_MODEL_NAME),
      model_version_(std::string(RULES_VERSION) + "+" +
                     (rules == Rules::social ? lexicon_->data_version() : lexicon_->vader_version())) {}

Sentiment SentimentScorer::score(std::string_view text) const {
  Pass pass(*lexicon_, rules_, scratch());
  pass.run(text);
  return pass.result(text);
}

std::vector<TokenValence> SentimentScorer::explain(std::string_view text) const {
  Scratch& buffers = scratch();
  Pass pass(*lexicon_, rules_, buffers);
  pass.run(text);
  std::vector<TokenValence> out;
  out.reserve(buffers.tokens.size());
  for (std::size_t i = 0; i < buffers.tokens.size(); ++i) {
    out.push_back({std::string(pass.text_of(buffers.tokens[i])), buffers.sentiments[i]});
  }
  return out;
}

}  // namespace smelt::text
