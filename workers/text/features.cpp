#include "text/features.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "text/normalize.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace smelt::text {

namespace {

constexpr std::array<std::pair<std::string_view, Platform>, 6> PLATFORM_NAMES = {
    {{"x", Platform::x},
     {"twitter", Platform::x},
     {"reddit", Platform::reddit},
     {"youtube", Platform::youtube},
     {"instagram", Platform::instagram},
     {"tiktok", Platform::tiktok}}};

std::string without_prefix(std::string_view value, std::string_view ascii, std::string_view fullwidth) {
  if (value.starts_with(ascii)) value.remove_prefix(ascii.size());
  if (value.starts_with(fullwidth)) value.remove_prefix(fullwidth.size());
  return std::string(value);
}

std::vector<std::string> values_of(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  out.reserve(entities.size());
  for (const auto& e : entities) out.emplace_back(e.value);
  return out;
}

std::vector<std::string> cleaned(const std::vector<std::string>& values, std::string_view ascii,
                                 std::string_view fullwidth) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const auto& v : values) {
    std::string value = without_prefix(v, ascii, fullwidth);
    if (!value.empty()) out.push_back(std::move(value));
  }
  return out;
}

// The text CLD2 sees: the post without URLs, mentions, hashtags and cashtags,
// which carry no language and skew short texts.
std::string prose_of(std::string_view text, const Entities& entities) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto* list : {&entities.urls, &entities.mentions, &entities.hashtags, &entities.cashtags}) {
    for (const auto& e : *list) spans.emplace_back(e.begin, e.end);
  }
  std::sort(spans.begin(), spans.end());
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& [begin, end] : spans) {
    if (begin < at) continue;
    out.append(text.substr(at, begin - at));
    out.push_back(' ');
    at = end;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

// The language whose lexicon knows the most words of the text, when one
// knows strictly more than every other (English counts with VADER's words).
std::string lexicon_vote(const LanguageLexicons& languages, const Lexicon& english, std::string_view prose) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= prose.size();) {
    const auto d = i < prose.size() ? utf8::decode(prose, i) : utf8::Decoded{U' ', 1};
    i += d.length;
    if (unicode::is_letter_or_mark(d.code_point)) {
      utf8::append(word, unicode::to_lower(d.code_point));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  std::vector<std::pair<std::string_view, int>> votes;
  int english_votes = 0;
  for (const auto& w : words) {
    const WordInfo* info = english.find(w);
    english_votes += info != nullptr && info->in_lexicon ? 1 : 0;
  }
  votes.emplace_back("en", english_votes);
  for (const auto& language : languages.languages()) {
    if (language.english_words()) continue;  // romanised Hindi borrows English words
    int n = 0;
    for (const auto& w : words) {
      const LanguageWord* entry = language.find(w);
      n += entry != nullptr && entry->sentiment ? 1 : 0;
    }
    votes.emplace_back(language.tag(), n);
  }
  std::sort(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (votes[0].second == 0 || votes[0].second == votes[1].second) return {};
  return std::string(votes[0].first);
}

}  // namespace

std::optional<Platform> parse_platform(std::string_view name) {
  for (const auto& [key, platform] : PLATFORM_NAMES) {
    if (key == name) return platform;
  }
  return std::nullopt;
}

std::string_view platform_name(Platform platform) {
  for (const auto& [key, value] : PLATFORM_NAMES) {
    if (value == platform) return key;
  }
  return "unknown";
}

std::vector<Hashtag> hashtags_from_list(const std::vector<std::string>& tags) {
  std::vector<Hashtag> out;
  out.reserve(tags.size());
  for (auto& tag : cleaned(tags, "#", "\xEF\xBC\x83")) {
    std::string normalized = normalize_hashtag(tag);
    out.push_back({std::move(tag), std::move(normalized)});
  }
  return out;
}

std::vector<Hashtag> hashtags_from_text(std::string_view text) {
  std::vector<std::string> tags = values_of(extract_entities(text).hashtags);
  return hashtags_from_list(tags);
}

std::string_view sentiment_status_name(SentimentStatus status) {
  switch (status) {
    case SentimentStatus::scored:
      return "scored";
    case SentimentStatus::unsupported_language:
      return "unsupported_language";
    case SentimentStatus::undetermined_language:
      return "undetermined_language";
    case SentimentStatus::no_text:
      break;
  }
  return "no_text";
}

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon, AnalyzerOptions options)
    : Analyzer(std::move(lexicon), nullptr, options) {}

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon, std::shared_ptr<const LanguageLexicons> languages,
                   AnalyzerOptions options)
    : scorer_(lexicon, options.rules),
      lexicon_(std::move(lexicon)),
      languages_(std::move(languages)),
      english_model_(scorer_.model_name() + "/" + scorer_.model_version()),
      options_(options) {
  if (languages_ == nullptr) return;
  for (const auto& language : languages_->languages()) {
    language_models_.push_back(language.model_name() + "/" + language.model_version());
  }
}

const LanguageLexicon* Analyzer::language_lexicon(std::string_view language) const {
  if (languages_ == nullptr) return nullptr;
  return languages_->find(sentiment_language_key(language));
}

std::vector<std::pair<std::string, std::string>> Analyzer::sentiment_models() const {
  std::vector<std::pair<std::string, std::string>> out = {{"en", english_model_}};
  if (options_.rules == Rules::reference) return out;
  out.emplace_back(std::string(UNDETERMINED_LANGUAGE), english_model_);
  if (languages_ == nullptr) return out;
  for (std::size_t i = 0; i < language_models_.size(); ++i) {
    out.emplace_back(languages_->languages()[i].tag(), language_models_[i]);
  }
  return out;
}

namespace {

bool has_letters(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    if (unicode::is_letter_or_mark(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

}  // namespace

void Analyzer::score(std::string_view text, std::string_view language, Features& features) const {
  features.sentiment = {};
  features.sentiment_model = {};
  if (text.empty()) {
    features.sentiment_status = SentimentStatus::no_text;
    return;
  }
  // Most posts are "en", "es", ...: only longer tags need the key computed.
  const bool plain = language.size() == 2 && std::islower(static_cast<unsigned char>(language[0])) != 0 &&
                     std::islower(static_cast<unsigned char>(language[1])) != 0;
  const std::string key = plain ? std::string(language) : sentiment_language_key(language);
  const bool english = options_.rules == Rules::reference || key == "en" ||
                       (key == UNDETERMINED_LANGUAGE && !has_letters(text));
  if (english) {
    features.sentiment = scorer_.score(text);
    features.sentiment_model = english_model_;
    features.sentiment_status = SentimentStatus::scored;
    return;
  }
  if (key == UNDETERMINED_LANGUAGE) {
    features.sentiment_status = SentimentStatus::undetermined_language;
    return;
  }
  const LanguageLexicon* lexicon = languages_ == nullptr ? nullptr : languages_->find(key);
  if (lexicon == nullptr) {
    features.sentiment_status = SentimentStatus::unsupported_language;
    return;
  }
  features.sentiment = score_language(*lexicon, *lexicon_, text);
  features.sentiment_model = language_models_[static_cast<std::size_t>(lexicon - languages_->languages().data())];
  features.sentiment_status = SentimentStatus::scored;
}

Features Analyzer::analyze(std::string_view text, const Hints& hints) const {
  Features features;
  const Entities entities = extract_entities(text);
  if (hints.hashtags) {
    features.hashtags = hashtags_from_list(*hints.hashtags);
    features.hashtag_source = EntitySource::platform;
  } else {
    features.hashtags = hashtags_from_list(values_of(entities.hashtags));
  }
  features.mentions =
      hints.mentions ? cleaned(*hints.mentions, "@", "\xEF\xBC\xA0") : values_of(entities.mentions);
  features.cashtags = hints.cashtags ? cleaned(*hints.cashtags, "$", "") : values_of(entities.cashtags);
  features.urls = hints.urls ? cleaned(*hints.urls, "", "") : values_of(entities.urls);
  features.language = language_of(text, entities, hints);
  const bool assume_english = !options_.detect_language && features.language.source != LanguageSource::platform;
  score(text, assume_english ? std::string_view("en") : std::string_view(features.language.code), features);
  return features;
}

Language Analyzer::language_of(std::string_view text, const Entities& entities, const Hints& hints) const {
  if (std::string code = platform_language(hints.language); !code.empty()) {
    return {std::move(code), LanguageSource::platform};
  }
  if (!options_.detect_language) return {};
  const std::string prose = prose_of(text, entities);
  Language language = identify_language(prose, hints.context_languages);
  // A short text no step could place, or placed by CLD2 in a language smelt
  // has no model for: the sentiment lexicons are word lists of their
  // languages too ("incrível", "wunderschön", "最悪").
  const bool unplaced = language.source == LanguageSource::undetermined ||
                        (language.source == LanguageSource::detected && language_lexicon(language.code) == nullptr &&
                         sentiment_language_key(language.code) != "en");
  if (unplaced && languages_ != nullptr) {
    if (std::string voted = lexicon_vote(*languages_, *lexicon_, prose); !voted.empty()) {
      return {std::move(voted), LanguageSource::words};
    }
  }
  return language;
}

}  // namespace smelt::text
