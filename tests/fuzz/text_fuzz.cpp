// libFuzzer target: the text features. The input is made storable the way
// the decoders make every platform string storable (NULs dropped, invalid
// UTF-8 replaced), then goes through entity extraction, hashtag
// normalisation, language identification and sentiment in every language
// the first byte picks as the platform's language field. Entities must be
// slices of the text on character boundaries, every output storable text,
// and scores within their ranges.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/json_fields.hpp"
#include "fuzz_support.hpp"
#include "text/entities.hpp"
#include "text/language.hpp"
#include "text/multilingual.hpp"
#include "text/normalize.hpp"

namespace {

using smelt::fuzz::require_storable;

constexpr std::string_view LANGUAGE_FIELDS[] = {"", "en", "es", "pt", "de", "fr", "it", "hi", "ar", "und", "qme", "zxx",
                                               "ja", "en-GB", "pt-BR", "x"};

void check_entities(std::string_view text, const std::vector<smelt::text::Entity>& entities) {
  for (const auto& entity : entities) {
    if (entity.begin > entity.end || entity.end > text.size()) std::abort();
    require_storable(text.substr(entity.begin, entity.end - entity.begin), "entity span");
    require_storable(entity.value, "entity value");
  }
}

bool in_unit_range(double value) { return value >= -1.0 && value <= 1.0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto mode = data[0];
  const std::string text = smelt::decode::clean_text(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  require_storable(text, "cleaned input");

  const auto entities = smelt::text::extract_entities(text);
  check_entities(text, entities.hashtags);
  check_entities(text, entities.mentions);
  check_entities(text, entities.cashtags);
  check_entities(text, entities.urls);
  for (const auto& hashtag : entities.hashtags) require_storable(smelt::text::normalize_hashtag(hashtag.value), "hashtag key");
  require_storable(smelt::text::nfkc(text), "nfkc");
  require_storable(smelt::text::case_fold(text), "case fold");
  require_storable(smelt::text::romanize_devanagari(text), "romanized");

  const auto language = smelt::text::identify_language(text);
  require_storable(language.code, "language code");

  smelt::text::Hints hints;
  hints.language = std::string(LANGUAGE_FIELDS[mode % std::size(LANGUAGE_FIELDS)]);
  hints.platform = static_cast<smelt::text::Platform>((mode >> 4) % 6);
  if (mode & 0x40) hints.hashtags = std::vector<std::string>{text};
  const auto features = smelt::fuzz::analyzer().analyze(text, hints);
  require_storable(features.language.code, "analyzed language");
  for (const auto& hashtag : features.hashtags) {
    require_storable(hashtag.tag, "hashtag");
    require_storable(hashtag.normalized, "hashtag normalized");
  }
  require_storable(features.mentions, "mentions");
  require_storable(features.cashtags, "cashtags");
  require_storable(features.urls, "urls");
  const auto& sentiment = features.sentiment;
  if (!in_unit_range(sentiment.compound) || sentiment.positive < 0.0 || sentiment.positive > 1.0 ||
      sentiment.negative < 0.0 || sentiment.negative > 1.0 || sentiment.neutral < 0.0 || sentiment.neutral > 1.0) {
    std::abort();
  }
  return 0;
}
