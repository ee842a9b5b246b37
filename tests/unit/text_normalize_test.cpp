// UTF-8 handling, Unicode properties and normalisation of hashtags.

#include <gtest/gtest.h>

#include <string>

#include "text/normalize.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace smelt::text {
namespace {

TEST(TextUtf8, DecodesAndReplacesIllFormedBytes) {
  EXPECT_EQ(utf8::decode("é", 0).code_point, U'é');
  EXPECT_EQ(utf8::decode("é", 0).length, 2U);
  EXPECT_EQ(utf8::decode("😀", 0).code_point, U'😀');
  EXPECT_EQ(utf8::decode("\xFF", 0).code_point, utf8::REPLACEMENT);
  EXPECT_EQ(utf8::decode("\xC0\xAF", 0).length, 1U);      // overlong
  EXPECT_EQ(utf8::decode("\xED\xA0\x80", 0).length, 1U);  // surrogate
  EXPECT_EQ(utf8::decode("\xE2\x82", 0).length, 1U);      // truncated
  EXPECT_EQ(utf8::decode_before("a😀", 5).code_point, U'😀');
  EXPECT_EQ(utf8::sanitize("ok\xFFok"), "ok\xEF\xBF\xBDok");
  EXPECT_TRUE(utf8::is_valid("héllo 😀"));
  EXPECT_FALSE(utf8::is_valid("h\xC3"));
}

TEST(TextUtf8, CountsUtf16UnitsLikeJavaScript) {
  EXPECT_EQ(utf8::utf16_length("abc"), 3U);
  EXPECT_EQ(utf8::utf16_length("é"), 1U);
  EXPECT_EQ(utf8::utf16_length("😀"), 2U);
}

TEST(TextUnicode, Properties) {
  EXPECT_TRUE(unicode::is_letter_or_mark(U'ß'));
  EXPECT_TRUE(unicode::is_letter_or_mark(0x0301));  // combining acute
  EXPECT_FALSE(unicode::is_letter_or_mark(U'5'));
  EXPECT_TRUE(unicode::is_hashtag_char(U'٣'));  // Arabic-Indic digit
  EXPECT_TRUE(unicode::is_hashtag_char(0x200C));
  EXPECT_FALSE(unicode::is_hashtag_char(U'-'));
  EXPECT_TRUE(unicode::is_pictographic(U'😀'));
  EXPECT_TRUE(unicode::is_pictographic(U'❤'));
  EXPECT_FALSE(unicode::is_pictographic(U'A'));
  EXPECT_TRUE(unicode::is_js_whitespace(0x3000));
  EXPECT_FALSE(unicode::is_js_whitespace(0x180E));
  EXPECT_EQ(unicode::to_lower(U'Þ'), U'þ');
  EXPECT_STREQ(unicode::version(), "15.0.0");
}

TEST(TextNormalize, Nfkc) {
  EXPECT_EQ(nfkc("ｈａｓｈｔａｇ１２３"), "hashtag123");    // full-width forms
  EXPECT_EQ(nfkc("e\u0301"), "é");                          // composition
  EXPECT_EQ(nfkc("ﬁne"), "fine");                           // ligature
  EXPECT_EQ(nfkc("ﾊﾟﾋﾟ"), "パピ");                          // half-width katakana with sound marks
  EXPECT_EQ(nfkc("\u1100\u1161\u11A8"), "각");              // Hangul jamo compose
  EXPECT_EQ(nfkc("x\u0327\u0301"), nfkc("x\u0301\u0327"));  // canonical order of marks
  EXPECT_EQ(nfkc("①"), "1");
  EXPECT_EQ(nfkc("plain ascii"), "plain ascii");
}

TEST(TextNormalize, CaseFold) {
  EXPECT_EQ(case_fold("HashTag"), "hashtag");
  EXPECT_EQ(case_fold("Straße"), "strasse");
  EXPECT_EQ(case_fold("ΣΊΣΥΦΟΣ"), "σίσυφοσ");
  EXPECT_EQ(case_fold("МОСКВА"), "москва");
}

TEST(TextNormalize, HashtagGroupingKey) {
  EXPECT_EQ(normalize_hashtag("Café"), "café");
  EXPECT_EQ(normalize_hashtag("CAFE\u0301"), "café");
  EXPECT_EQ(normalize_hashtag("ＣＡＦＥ\u0301"), "café");
  EXPECT_EQ(normalize_hashtag("#WorldCup"), "worldcup");
  EXPECT_EQ(normalize_hashtag("＃ｈａｓｈｔａｇ"), "hashtag");
  EXPECT_EQ(normalize_hashtag("ﾊｯｼｭﾀｸﾞ"), "ハッシュタグ");
  EXPECT_EQ(normalize_hashtag("Ⅻ"), "xii");
  EXPECT_EQ(normalize_hashtag("漢字"), "漢字");
}

}  // namespace
}  // namespace smelt::text
