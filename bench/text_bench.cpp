// Throughput of smelt's text features on typical post text, one thread (one
// core). The acceptance figures are BM_SentimentAndEntities (English) and
// BM_MultilingualSentimentAndEntities (twelve languages): at least 200,000
// posts per second per core for sentiment plus entity extraction.
//
//   ninja -C build-text text_bench && build-text/bench/text_bench

#include <benchmark/benchmark.h>

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "text/entities.hpp"
#include "text/features.hpp"
#include "text/language.hpp"
#include "text/lexicon.hpp"
#include "text/multilingual.hpp"
#include "text/normalize.hpp"
#include "text/sentiment.hpp"

namespace {

using smelt::text::Analyzer;
using smelt::text::Lexicon;

// Posts shaped like what the platforms send: 40 to 280 characters, with
// hashtags, mentions, URLs, emoji and the odd cashtag.
constexpr std::array<std::string_view, 24> POSTS = {
    "Just finished my morning run, feeling great! #running #fitness 🏃‍♀️",
    "The new update is awesome, everything loads so much faster. Thanks @AppTeam! https://t.co/x7Yq2LmN0p",
    "Traffic on the bridge is terrible AGAIN today. 45 minutes to go two miles. #commute #fail",
    "RT @newsdesk: Storm warning for the coast tonight, stay safe everyone "
    "https://example.com/weather/alerts",
    "Can't believe how good this pizza is 😍😍 @TonysPizza you nailed it #foodie #NYC",
    "$AAPL up 3% after earnings, not bad at all. $MSFT flat. https://t.co/ab12CD34ef",
    "My flight got cancelled and nobody at the desk could help. Worst airline ever @AirlineCo",
    "Happy birthday to my wonderful sister!!! Love you so much ❤️🎂",
    "ugh mondays... why is the coffee machine broken AGAIN 😩",
    "The concert was amazing, the crowd was incredible and the band played for three hours #livemusic",
    "Customer service kept me on hold for two hours and then hung up. Not happy. #badservice",
    "New blog post: 10 tips for better sleep https://example.org/blog/sleep-tips via @HealthMag",
    "lol this cat video made my day 😂😂 https://t.co/Qw3rTy7UiO",
    "Honestly the product is great but the delivery was a disaster, never ordering again",
    "Grateful for all the support this year 🙏 #thankful #blessed",
    "Is it just me or is the new logo kind of ugly?? #rebrand",
    "Watching the game with friends tonight ⚽ Let's go!!! #WorldCup @FIFAWorldCup",
    "This movie was boring and way too long. 2/10 would not recommend.",
    "Loving the colors of autumn in the park 🍂🍁 #autumn #nature #photography",
    "The app crashes every time I open the camera. Please fix this @support",
    "Congrats to the graduating class of 2025! So proud of you all 🎓 #classof2025",
    "Cheap flights to Lisbon this weekend, who wants to come? ✈️ https://example.com/deals?city=lisbon",
    "I don’t like the new design at all. Bring back the old one!",
    "Nothing beats fresh bread from the bakery around the corner 🥖 #smalltown",
};

// Long captions, as Instagram and YouTube send them (300 to 600 bytes).
constexpr std::array<std::string_view, 6> CAPTIONS = {
    "Sunday brunch at our favourite little place by the river 🥞☕ The pancakes were fluffy, the coffee was "
    "strong "
    "and the staff remembered our names. Honestly one of the best mornings we've had in a long time. If "
    "you're in "
    "town this weekend, go early because the line gets crazy after ten! #brunch #sundayfunday #foodie "
    "#coffee "
    "#weekendvibes @riverside_cafe",
    "New video is up!!! In this one I test the three most popular budget cameras so you don't have to. "
    "Spoiler: "
    "the cheapest one is surprisingly good in daylight but really struggles at night. Full specs, sample "
    "photos "
    "and links in the description 👇 https://example.com/reviews/budget-cameras-2025 #camera #review "
    "#photography",
    "I don’t usually post about work but today was hard. Our team lost a major client after two years of "
    "late nights and missed weekends. I'm proud of what we built and grateful for the people I built it "
    "with, "
    "but it still hurts. Tomorrow we start again. 💪 #startup #founderlife #resilience",
    "GIVEAWAY TIME 🎉🎉 To celebrate 100k followers we are giving away three of our bestselling hoodies! To "
    "enter: "
    "1) follow @cozythreads 2) like this post 3) tag two friends who need a hoodie. Winners announced "
    "Friday. "
    "Good luck everyone and thank you SO much for the support ❤️ #giveaway #contest #fashion",
    "The hike was brutal. Four hours uphill in the rain, my boots soaked through and the view at the top was "
    "nothing but fog. Would I do it again? Absolutely. Some days the mountain wins and that's okay "
    "🏔️🌧️ "
    "#hiking #outdoors #mountains #nofilter",
    "Customer service update: we know many of you are still waiting for orders placed during the sale. We're "
    "sorry. A warehouse problem delayed shipping by about a week and we should have told you sooner. Every "
    "delayed order gets free shipping on the next one. Questions? support@example.com or "
    "https://example.com/help",
};

// Posts in the twelve languages smelt scores, two each, with the language the
// platform gives (X `lang`): typical length, hashtags, mentions, emoji, URLs.
struct LanguagePost {
  std::string_view language;
  std::string_view text;
};

constexpr std::array<LanguagePost, 24> MULTILINGUAL_POSTS = {{
    {"en", "Can't believe how good this pizza is 😍😍 @TonysPizza you nailed it #foodie #NYC"},
    {"en", "Customer service kept me on hold for two hours and then hung up. Not happy. #badservice"},
    {"es", "¡Qué partidazo anoche! El equipo jugó increíble, estoy feliz 🎉 #LaLiga @RealMadrid"},
    {"es", "Llevo una semana esperando el pedido y nadie contesta, pésimo servicio https://t.co/ab12CD34ef"},
    {"pt", "Adorei o show de ontem, que energia maravilhosa 😍 #musica @rockinrio"},
    {"pt", "O app trava toda hora, que raiva. Já desinstalei #fail"},
    {"fr", "Super soirée avec les copains, le resto était délicieux 🍷 #Paris"},
    {"fr", "Encore une grève, train annulé, je suis dégoûté @SNCF #galère"},
    {"de", "Endlich Wochenende! Das Wetter ist herrlich und der Kaffee schmeckt super ☀️ #Berlin"},
    {"de", "Der Kundenservice ist eine Katastrophe, seit drei Wochen keine Antwort @Telekom_hilft"},
    {"it", "Che bella giornata al mare, il tramonto era stupendo 🌅 #estate #Sicilia"},
    {"it", "Ennesimo ritardo del treno, sono stufo e arrabbiato @trenitalia"},
    {"ar", "مباراة رائعة اليوم، الفريق لعب بشكل ممتاز 👏 #الهلال"},
    {"ar", "الخدمة سيئة جدا والتوصيل متأخر، تجربة مزعجة @amazon"},
    {"ja", "今日のライブ最高だった！本当に楽しかった😍 #ライブ"},
    {"ja", "電車が遅れて会議に遅刻、最悪の朝😩 #通勤"},
    {"id", "Makanannya enak banget, harganya juga murah 😋 #kuliner #Jakarta"},
    {"id", "Aplikasinya error terus, kecewa banget sama update terbaru @gojekindonesia"},
    {"tr", "Harika bir konserdi, herkese teşekkürler ❤️ #İstanbul"},
    {"tr", "Kargo hâlâ gelmedi, berbat bir hizmet @yurticikargo"},
    {"hi", "आज का मैच शानदार था, टीम ने कमाल कर दिया 🏏 #IndiaCricket"},
    {"hi", "इंटरनेट फिर से बंद है, बहुत परेशान हूँ @JioCare"},
    {"hi-Latn", "Aaj ka match ekdum zabardast tha yaar, maza aa gaya 🏏 #INDvsAUS"},
    {"hi-Latn", "Delivery phir se late, bahut bekaar service hai @flipkart"},
}};

const std::shared_ptr<const smelt::text::LanguageLexicons>& languages() {
  static const auto loaded =
      std::make_shared<const smelt::text::LanguageLexicons>(smelt::text::LanguageLexicons::load_default());
  return loaded;
}

const std::shared_ptr<const Lexicon>& lexicon() {
  static const auto loaded = std::make_shared<const Lexicon>(Lexicon::load_default());
  return loaded;
}

std::size_t corpus_bytes() {
  std::size_t bytes = 0;
  for (auto post : POSTS) bytes += post.size();
  return bytes;
}

void report(benchmark::State& state) {
  const auto rounds = static_cast<std::int64_t>(state.iterations());
  state.SetItemsProcessed(rounds * static_cast<std::int64_t>(POSTS.size()));
  state.SetBytesProcessed(rounds * static_cast<std::int64_t>(corpus_bytes()));
}

// The acceptance figure: sentiment (social rules) + hashtags with grouping
// keys, mentions, cashtags and URLs, without language detection.
void BM_SentimentAndEntities(benchmark::State& state) {
  const Analyzer analyzer(lexicon(), {smelt::text::Rules::social, false});
  for (auto _ : state) {
    for (auto post : POSTS) benchmark::DoNotOptimize(analyzer.analyze(post));
  }
  report(state);
}
BENCHMARK(BM_SentimentAndEntities);

// The same on long captions, for scale: time grows with the length of the text.
void BM_SentimentAndEntitiesLongCaptions(benchmark::State& state) {
  const Analyzer analyzer(lexicon(), {smelt::text::Rules::social, false});
  std::size_t bytes = 0;
  for (auto caption : CAPTIONS) bytes += caption.size();
  for (auto _ : state) {
    for (auto caption : CAPTIONS) benchmark::DoNotOptimize(analyzer.analyze(caption));
  }
  const auto rounds = static_cast<std::int64_t>(state.iterations());
  state.SetItemsProcessed(rounds * static_cast<std::int64_t>(CAPTIONS.size()));
  state.SetBytesProcessed(rounds * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_SentimentAndEntitiesLongCaptions);

void BM_Sentiment(benchmark::State& state) {
  const smelt::text::SentimentScorer scorer(lexicon(), smelt::text::Rules::social);
  for (auto _ : state) {
    for (auto post : POSTS) benchmark::DoNotOptimize(scorer.score(post));
  }
  report(state);
}
BENCHMARK(BM_Sentiment);

void BM_SentimentReferenceRules(benchmark::State& state) {
  const smelt::text::SentimentScorer scorer(lexicon(), smelt::text::Rules::reference);
  for (auto _ : state) {
    for (auto post : POSTS) benchmark::DoNotOptimize(scorer.score(post));
  }
  report(state);
}
BENCHMARK(BM_SentimentReferenceRules);

void BM_Entities(benchmark::State& state) {
  for (auto _ : state) {
    for (auto post : POSTS) benchmark::DoNotOptimize(smelt::text::extract_entities(post));
  }
  report(state);
}
BENCHMARK(BM_Entities);

void BM_HashtagNormalization(benchmark::State& state) {
  constexpr std::array<std::string_view, 4> TAGS = {"WorldCup", "Café", "ＣＡＦＥ", "ﾊｯｼｭﾀｸﾞ"};
  for (auto _ : state) {
    for (auto tag : TAGS) benchmark::DoNotOptimize(smelt::text::normalize_hashtag(tag));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(TAGS.size()));
}
BENCHMARK(BM_HashtagNormalization);

void BM_LanguageDetection(benchmark::State& state) {
  for (auto _ : state) {
    for (auto post : POSTS) benchmark::DoNotOptimize(smelt::text::detect_language(post));
  }
  report(state);
}
BENCHMARK(BM_LanguageDetection);

void BM_AllFeaturesWithLanguage(benchmark::State& state) {
  const Analyzer analyzer(lexicon());
  for (auto _ : state) {
    for (auto post : POSTS) benchmark::DoNotOptimize(analyzer.analyze(post));
  }
  report(state);
}
BENCHMARK(BM_AllFeaturesWithLanguage);

void report_multilingual(benchmark::State& state) {
  std::size_t bytes = 0;
  for (const auto& post : MULTILINGUAL_POSTS) bytes += post.text.size();
  const auto rounds = static_cast<std::int64_t>(state.iterations());
  state.SetItemsProcessed(rounds * static_cast<std::int64_t>(MULTILINGUAL_POSTS.size()));
  state.SetBytesProcessed(rounds * static_cast<std::int64_t>(bytes));
}

// The acceptance figure on a multilingual corpus: each post is scored by the
// lexicon of the language its platform gives, plus entity extraction.
void BM_MultilingualSentimentAndEntities(benchmark::State& state) {
  const Analyzer analyzer(lexicon(), languages());
  std::vector<smelt::text::Hints> hints(MULTILINGUAL_POSTS.size());
  for (std::size_t i = 0; i < hints.size(); ++i) hints[i].language = MULTILINGUAL_POSTS[i].language;
  for (auto _ : state) {
    for (std::size_t i = 0; i < hints.size(); ++i) {
      benchmark::DoNotOptimize(analyzer.analyze(MULTILINGUAL_POSTS[i].text, hints[i]));
    }
  }
  report_multilingual(state);
}
BENCHMARK(BM_MultilingualSentimentAndEntities);

// Sentiment only, per language lexicon.
void BM_MultilingualSentiment(benchmark::State& state) {
  const Analyzer analyzer(lexicon(), languages());
  smelt::text::Features features;
  for (auto _ : state) {
    for (const auto& post : MULTILINGUAL_POSTS) {
      analyzer.score(post.text, post.language, features);
      benchmark::DoNotOptimize(features.sentiment);
    }
  }
  report_multilingual(state);
}
BENCHMARK(BM_MultilingualSentiment);

// Everything, with the language identified from the text (no platform field).
void BM_MultilingualAllFeaturesWithLanguage(benchmark::State& state) {
  const Analyzer analyzer(lexicon(), languages());
  for (auto _ : state) {
    for (const auto& post : MULTILINGUAL_POSTS) benchmark::DoNotOptimize(analyzer.analyze(post.text));
  }
  report_multilingual(state);
}
BENCHMARK(BM_MultilingualAllFeaturesWithLanguage);

void BM_LanguageLexiconsLoad(benchmark::State& state) {
  const auto dir = smelt::text::locate_node_modules();
  for (auto _ : state) benchmark::DoNotOptimize(smelt::text::LanguageLexicons::load(dir));
}
BENCHMARK(BM_LanguageLexiconsLoad)->Unit(benchmark::kMillisecond);

void BM_LexiconLoad(benchmark::State& state) {
  const auto paths = smelt::text::locate_lexicon();
  for (auto _ : state) benchmark::DoNotOptimize(Lexicon::load(paths));
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
