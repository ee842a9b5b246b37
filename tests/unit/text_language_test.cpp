// Language: the platform's field first, CLD2 otherwise, "und" when unsure.

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace smelt::text
