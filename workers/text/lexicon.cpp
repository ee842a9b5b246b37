#include "text/lexicon.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/error.hpp"
#include "text/unicode.hpp"
#include "text/vader_rules.hpp"

namespace smelt::text {

namespace {

constexpr std::string_view VADER_RELATIVE = "node_modules/vader-sentiment/vader_lexicon.txt";
constexpr std::string_view EMOJI_RELATIVE = "node_modules/sentiment/build/Emoji_Sentiment_Data_v1.0.csv";
constexpr std::string_view SYSTEM_DIR = "/usr/share/smelt";
constexpr std::size_t INITIAL_CAPACITY = 1U << 14U;

std::filesystem::path executable_directory() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path find_file(const std::string& explicit_path, const char* env_name,
                                std::string_view relative, std::string_view what) {
  if (!explicit_path.empty()) {
    if (std::filesystem::is_regular_file(explicit_path)) return explicit_path;
    throw Error(ExitCode::usage, std::string(what) + " not found at " + explicit_path);
  }
  if (const char* env = std::getenv(env_name); env != nullptr && *env != '\0') {
    if (std::filesystem::is_regular_file(env)) return env;
    throw Error(ExitCode::usage, std::string(what) + " not found at " + env + " (from " + env_name + ")");
  }
  std::vector<std::filesystem::path> candidates;
  if (auto dir = executable_directory(); !dir.empty()) candidates.push_back(dir.parent_path() / relative);
  candidates.push_back(std::filesystem::path(SMELT_SOURCE_DIR) / relative);
  candidates.push_back(std::filesystem::path(SYSTEM_DIR) / std::filesystem::path(relative).filename());
  std::string tried;
  for (const auto& candidate : candidates) {
    if (std::filesystem::is_regular_file(candidate)) return candidate.lexically_normal();
    tried += (tried.empty() ? "" : ", ") + candidate.lexically_normal().string();
  }
  throw Error(ExitCode::failure, std::string(what) + " not found; tried " + env_name + " and " + tried +
                                     ". Run scripts/setup.sh (it installs the npm packages in package.json)");
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::failure, "cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

std::string_view next_line(std::string_view& rest) {
  const auto end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view next_field(std::string_view& rest, char separator) {
  const auto end = rest.find(separator);
  std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return field;
}

template <typename T>
bool parse_number(std::string_view text, T& value, int base = 10) {
  const char* end = text.data() + text.size();
  if constexpr (std::is_floating_point_v<T>) {
    return std::from_chars(text.data(), end, value).ptr == end && !text.empty();
  } else {
    return std::from_chars(text.data(), end, value, base).ptr == end && !text.empty();
  }
}

std::string hash_suffix(std::uint64_t hash) {
  char buffer[17];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, hash, 16);
  return std::string(buffer, result.ptr).substr(0, 8);
}

// Laplace-smoothed sentiment score of the Emoji Sentiment Ranking (Kralj Novak
// et al. 2015): p(+) - p(-), with p(c) = (n_c + 1) / (N + 3).
double emoji_score(double occurrences, double negative, double positive) {
  return (positive + 1.0) / (occurrences + 3.0) - (negative + 1.0) / (occurrences + 3.0);
}

struct EmojiRow {
  char32_t code_point;
  double occurrences;
  double negative;
  double positive;
};

// Emoji,Unicode codepoint,Occurrences,Position,Negative,Neutral,Positive,...
std::optional<EmojiRow> parse_emoji_row(std::string_view line) {
  std::array<std::string_view, 7> fields;
  for (auto& field : fields) field = next_field(line, ',');
  std::uint32_t code_point = 0;
  EmojiRow row{};
  if (!fields[1].starts_with("0x") || !parse_number(fields[1].substr(2), code_point, 16) ||
      !parse_number(fields[2], row.occurrences) || !parse_number(fields[4], row.negative) ||
      !parse_number(fields[6], row.positive)) {
    return std::nullopt;
  }
  row.code_point = static_cast<char32_t>(code_point);
  return row;
}

}  // namespace

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

LexiconPaths locate_lexicon(const LexiconSearch& search) {
  return {find_file(search.vader, "SMELT_LEXICON", VADER_RELATIVE, "VADER lexicon (vader_lexicon.txt)"),
          find_file(search.emoji, "SMELT_EMOJI_LEXICON", EMOJI_RELATIVE,
                    "emoji lexicon (Emoji_Sentiment_Data_v1.0.csv)")};
}

Lexicon Lexicon::load_default(const LexiconSearch& search) { return load(locate_lexicon(search)); }

Lexicon Lexicon::load(const LexiconPaths& paths) {
  Lexicon lexicon;
  lexicon.paths_ = paths;
  lexicon.rehash(INITIAL_CAPACITY);
  const std::string vader = read_file(paths.vader);
  const std::string emoji = read_file(paths.emoji);
  lexicon.load_vader(vader);
  lexicon.add_rule_words();
  lexicon.load_emoji(emoji);
  lexicon.vader_version_ = "vader-sentiment-1.1.3";
  if (fnv1a(vader) != VADER_LEXICON_FNV1A) lexicon.vader_version_ += "+lexicon-" + hash_suffix(fnv1a(vader));
  lexicon.data_version_ = lexicon.vader_version_ + "+esr-1.0";
  if (fnv1a(emoji) != EMOJI_LEXICON_FNV1A) lexicon.data_version_ += "+emoji-" + hash_suffix(fnv1a(emoji));
  return lexicon;
}

void Lexicon::load_vader(std::string_view content) {
  std::size_t line_number = 0;
  while (!content.empty()) {
    std::string_view line = next_line(content);
    ++line_number;
    if (line.empty()) continue;
    const std::string_view token = next_field(line, '\t');
    double valence = 0.0;
    if (token.empty() || !parse_number(next_field(line, '\t'), valence)) {
      throw Error(ExitCode::failure,
                  paths_.vader.string() + ":" + std::to_string(line_number) + ": expected token<TAB>valence");
    }
    WordInfo& info = insert(token);
    if (!info.in_lexicon) ++word_count_;
    info.in_lexicon = true;
    info.valence = valence;  // a later duplicate wins, as in the reference
  }
}

void Lexicon::add_rule_words() {
  for (auto word : vader::BOOSTERS) insert(word).booster = vader::B_INCR;
  for (auto word : vader::DAMPENERS) insert(word).booster = vader::B_DECR;
  for (auto word : vader::NEGATIONS) insert(word).negation = true;
  for (const auto& idiom : vader::IDIOMS) insert(idiom.words[0]).idiom = true;
  for (const auto& phrase : vader::DAMPENER_PHRASES) insert(phrase.first).idiom = true;
}

void Lexicon::load_emoji(std::string_view content) {
  next_line(content);  // header
  std::size_t line_number = 1;
  while (!content.empty()) {
    const std::string_view line = next_line(content);
    ++line_number;
    if (line.empty()) continue;
    const auto row = parse_emoji_row(line);
    if (!row) {
      throw Error(ExitCode::failure, paths_.emoji.string() + ":" + std::to_string(line_number) +
                                         ": expected emoji,codepoint,occurrences,position,negative,neutral,"
                                         "positive,...");
    }
    if (row->occurrences < EMOJI_MIN_OCCURRENCES || !unicode::is_pictographic(row->code_point)) continue;
    const double score = emoji_score(row->occurrences, row->negative, row->positive);
    const double valence = std::round(EMOJI_VALENCE_SCALE * score * 10.0) / 10.0;
    if (valence != 0.0) emoji_.push_back({row->code_point, valence});
  }
  std::sort(emoji_.begin(), emoji_.end(),
            [](const Emoji& a, const Emoji& b) { return a.code_point < b.code_point; });
}

WordInfo& Lexicon::insert(std::string_view key) {
  if ((used_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
  const std::uint64_t hash = fnv1a(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.key_length == 0) {
      slot.hash = hash;
      slot.key_offset = static_cast<std::uint32_t>(keys_.size());
      slot.key_length = static_cast<std::uint32_t>(key.size());
      keys_.append(key);
      ++used_;
      return slot.info;
    }
    if (slot.hash == hash && std::string_view(keys_).substr(slot.key_offset, slot.key_length) == key) {
      return slot.info;
    }
  }
}

void Lexicon::rehash(std::size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  const std::size_t mask = capacity - 1;
  for (const Slot& slot : old) {
    if (slot.key_length == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].key_length != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

const WordInfo* Lexicon::find(std::string_view lower_token) const {
  if (lower_token.empty()) return nullptr;
  const std::uint64_t hash = fnv1a(lower_token);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.key_length == 0) return nullptr;
    if (slot.hash == hash && slot.key_length == lower_token.size() &&
        std::equal(lower_token.begin(), lower_token.end(), keys_.begin() + slot.key_offset)) {
      return &slot.info;
    }
  }
}

const double* Lexicon::find_emoji(char32_t code_point) const {
  auto it = std::lower_bound(emoji_.begin(), emoji_.end(), code_point,
                             [](const Emoji& e, char32_t value) { return e.code_point < value; });
  return (it != emoji_.end() && it->code_point == code_point) ? &it->valence : nullptr;
}

}  // namespace smelt::text
