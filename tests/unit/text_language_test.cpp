// Language: the platform's field first, CLD2 otherwise, "und" when unsure.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/language.hpp"

namespace smelt::text {
namespace {

TEST(TextLanguage, PlatformFieldsAreNormalised) {
  EXPECT_EQ(platform_language("en"), "en");
  EXPECT_EQ(platform_language("EN"), "en");
  EXPECT_EQ(platform_language("pt-BR"), "pt-BR");
  EXPECT_EQ(platform_language("zh_Hant"), "zh-Hant");
  EXPECT_EQ(platform_language("in"), "id");  // legacy Indonesian code X still sends
  EXPECT_EQ(platform_language("iw"), "he");
}

TEST(TextLanguage, PlatformCodesWithoutALanguageAreIgnored) {
  for (const char* code : {"", "und", "zxx", "qme", "qam", "qht", "qct", "qst"}) {
    EXPECT_EQ(platform_language(code), "") << code;
  }
}

TEST(TextLanguage, ShortTextIsUndetermined) {
  EXPECT_EQ(detect_language("ok!"), "und");
  EXPECT_EQ(detect_language("lol 😂😂"), "und");
  EXPECT_EQ(detect_language("12345 678 !!!"), "und");
}

TEST(TextLanguage, DetectsCommonLanguages) {
  if (!language_detection_available()) GTEST_SKIP() << "built without CLD2";
  EXPECT_EQ(detect_language("The weather is lovely today and we are going to the beach with the kids."),
            "en");
  EXPECT_EQ(detect_language("Ceci est un texte en français qui parle de la cuisine et du service."), "fr");
  EXPECT_EQ(detect_language("Hoy hace muy buen tiempo y vamos a la playa con los niños."), "es");
  EXPECT_EQ(detect_language("Heute ist das Wetter schön und wir fahren mit den Kindern an den Strand."),
            "de");
  EXPECT_EQ(detect_language("今日はとても良い天気なので、子供たちと一緒に海に行きます。"), "ja");
}


// Short texts: the script, the function words, then related posts.

TEST(TextLanguageShort, ScriptNamesItsLanguage) {
  EXPECT_EQ(identify_language("最高の一日").code, "ja");  // kana decides among kanji
  EXPECT_EQ(identify_language("最高の一日").source, LanguageSource::script);
  EXPECT_EQ(identify_language("정말 좋아요").code, "ko");
  EXPECT_EQ(identify_language("อร่อยมาก").code, "th");
  EXPECT_EQ(identify_language("Καλημέρα").code, "el");
}

TEST(TextLanguageShort, FunctionWordsTellShortLatinTexts) {
  EXPECT_EQ(identify_language("I love it").code, "en");
  EXPECT_EQ(identify_language("I love it").source, LanguageSource::words);
  EXPECT_EQ(identify_language("Me encanta, qué bien").code, "es");
  EXPECT_EQ(identify_language("Muito bom, obrigado").code, "pt");
  EXPECT_EQ(identify_language("C'est trop bien").code, "fr");
  EXPECT_EQ(identify_language("Das ist nicht gut").code, "de");
  EXPECT_EQ(identify_language("Non mi piace per niente").code, "it");
  EXPECT_EQ(identify_language("Enak banget, suka").code, "id");
  EXPECT_EQ(identify_language("Bu çok güzel").code, "tr");
}

TEST(TextLanguageShort, RomanisedHindiIsTold) {
  EXPECT_EQ(identify_language("bahut accha hai yaar").code, "hi-Latn");
  EXPECT_EQ(identify_language("Ye movie bilkul bakwas thi, paisa barbaad kar diya mera").code, "hi-Latn");
  EXPECT_EQ(identify_language("बहुत अच्छा").code, "hi");  // Devanagari alone
}

TEST(TextLanguageShort, ContextDecidesWhenTheTextCannot) {
  EXPECT_EQ(identify_language("lol").code, "und");
  const std::vector<std::string> spanish = {"es"};
  EXPECT_EQ(identify_language("lol", spanish).code, "es");
  EXPECT_EQ(identify_language("lol", spanish).source, LanguageSource::context);
  // Kanji alone is Japanese or Chinese: undetermined unless the context says.
  EXPECT_EQ(identify_language("最高").code, "und");
  const std::vector<std::string> japanese = {"ja"};
  EXPECT_EQ(identify_language("最高", japanese).code, "ja");
  // A context language that does not fit the script is ignored.
  const std::vector<std::string> english = {"en"};
  EXPECT_EQ(identify_language("Ужасно", english).code, "ru");
  EXPECT_EQ(identify_language("😂😂", english).code, "und");  // no letters: nothing to tell
}

}  // namespace
}  // namespace smelt::text
