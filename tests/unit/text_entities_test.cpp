// Entity extraction edge cases, following the rules of twitter-text.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/entities.hpp"

namespace smelt::text {
namespace {

std::vector<std::string> values(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const auto& e : entities) out.emplace_back(e.value);
  return out;
}

using Strings = std::vector<std::string>;

Strings hashtags(std::string_view text) { return values(extract_entities(text).hashtags); }
Strings mentions(std::string_view text) { return values(extract_entities(text).mentions); }
Strings cashtags(std::string_view text) { return values(extract_entities(text).cashtags); }
Strings urls(std::string_view text) { return values(extract_entities(text).urls); }

TEST(TextHashtags, AsciiLettersDigitsAndUnderscore) {
  EXPECT_EQ(hashtags("a #hashtag here"), Strings{"hashtag"});
  EXPECT_EQ(hashtags("this is #hashtag1 and #1hashtag"), (Strings{"hashtag1", "1hashtag"}));
  EXPECT_EQ(hashtags("#snake_case_tag"), Strings{"snake_case_tag"});
}

TEST(TextHashtags, DigitsOnlyIsNotAHashtag) {
  EXPECT_EQ(hashtags("On the #16 bus"), Strings{});
  EXPECT_EQ(hashtags("#0"), Strings{});
  EXPECT_EQ(hashtags("#2024 was #2024good"), Strings{"2024good"});
  EXPECT_EQ(hashtags("#_ #1_2 #122 #\u3003"), Strings{});             // joiners and digits need a letter
  EXPECT_EQ(hashtags("#१२३४ #महात्मा_१२३४"), Strings{"महात्मा_१२३४"});  // Devanagari digits
}

TEST(TextHashtags, UnicodeScripts) {
  EXPECT_EQ(hashtags("Working remotely #café #mañana #münchen"), (Strings{"café", "mañana", "münchen"}));
  EXPECT_EQ(hashtags("What is #트위터 anyway?"), Strings{"트위터"});
  EXPECT_EQ(hashtags("Hashtags in #русский!"), Strings{"русский"});
  EXPECT_EQ(hashtags("#カタカナ #ひらがな #漢字"), (Strings{"カタカナ", "ひらがな", "漢字"}));
  EXPECT_EQ(hashtags("#السياسة #برنامه_نویسی"), (Strings{"السياسة", "برنامه_نویسی"}));
  EXPECT_EQ(hashtags("#עַל־יְדֵי #וכו׳"), (Strings{"עַל־יְדֵי", "וכו׳"}));    // Hebrew marks, maqaf, geresh
  EXPECT_EQ(hashtags("#การเมือง #ผู้เริ่ม"), (Strings{"การเมือง", "ผู้เริ่ม"}));  // Thai combining marks
  EXPECT_EQ(hashtags("#Μαχάτμα_Γκάντι ήταν"), Strings{"Μαχάτμα_Γκάντι"});
  EXPECT_EQ(hashtags("#il·lusió"), Strings{"il·lusió"});  // middle dot
  EXPECT_EQ(hashtags("#میخواهم"), Strings{"میخواهم"});    // zero-width non-joiner inside
  EXPECT_EQ(hashtags("#ශ්‍රීලංකා"),
            Strings{"ශ්‍රීලංකා"});  // zero-width joiner inside
  EXPECT_EQ(hashtags("#\U00020021 #A\U000104A0"), (Strings{"\U00020021", "A\U000104A0"}));  // astral planes
}

TEST(TextHashtags, FullWidthNumberSign) {
  EXPECT_EQ(hashtags("全角英数字ハッシュタグ ＃ｈａｓｈｔａｇ１２３"), Strings{"ｈａｓｈｔａｇ１２３"});
  EXPECT_EQ(hashtags("できましたよー！＃日本語ハッシュタグ。"), Strings{"日本語ハッシュタグ"});
  EXPECT_EQ(hashtags("できましたよー！#日本語ハッシュタグ。"), Strings{"日本語ハッシュタグ"});
}

TEST(TextHashtags, NotAfterALetterOrDigit) {
  EXPECT_EQ(hashtags("日本語ハッシュタグ#日本語ハッシュタグ"), Strings{});
  EXPECT_EQ(hashtags("abc#def"), Strings{});
  EXPECT_EQ(hashtags("1#def"), Strings{});
  EXPECT_EQ(hashtags("snake_#def"), Strings{});
  EXPECT_EQ(hashtags("&#39; is an entity"), Strings{});  // HTML entities are not hashtags
}

TEST(TextHashtags, AdjacentSigns) {
  // twitter-text accepts a '#' as the character before the sign, so "##tag"
  // yields "tag"; a hashtag followed by another '#' is dropped whole.
  EXPECT_EQ(hashtags("##tag"), Strings{"tag"});
  EXPECT_EQ(hashtags("#tag#more"), Strings{});
  EXPECT_EQ(hashtags("#tag＃more"), Strings{});
  EXPECT_EQ(hashtags("#one #two"), (Strings{"one", "two"}));
  EXPECT_EQ(hashtags("#"), Strings{});
  EXPECT_EQ(hashtags("# spaced"), Strings{});
  EXPECT_EQ(hashtags("#\xEF\xB8\x8F\xE2\x83\xA3 keycap"), Strings{});  // "#️⃣" is an emoji
}

TEST(TextHashtags, Punctuation) {
  EXPECT_EQ(hashtags("#hashtag: #hashtag; #hashtag, #hashtag. #hashtag! #hashtag?"), Strings(6, "hashtag"));
  EXPECT_EQ(hashtags(":#hashtag ;#hashtag ,#hashtag .#hashtag !#hashtag ?#hashtag"), Strings(6, "hashtag"));
  EXPECT_EQ(hashtags("(#hashtag1 )#hashtag2 [#hashtag3 ]#hashtag4 ’#hashtag5’#hashtag6"),
            (Strings{"hashtag1", "hashtag2", "hashtag3", "hashtag4", "hashtag5", "hashtag6"}));
  EXPECT_EQ(hashtags("#hashtag\ntest\n#hashtag2"), (Strings{"hashtag", "hashtag2"}));
  EXPECT_EQ(hashtags("#日本語ハッシュタグ。"), Strings{"日本語ハッシュタグ"});
  EXPECT_EQ(hashtags("Love it 😍#foodie"), Strings{"foodie"});  // after an emoji
}

TEST(TextHashtags, UrlsAreNotHashtags) {
  EXPECT_EQ(hashtags("#http://twitter.com #https://twitter.com"), Strings{});
  EXPECT_EQ(hashtags("http://twitter.com/#hashtag twitter.com/#hashtag"), Strings{});
  EXPECT_EQ(hashtags("see https://example.com/page#section #real"), Strings{"real"});
  EXPECT_EQ(extract_hashtags("http://twitter.com/#hashtag"), (std::vector<Entity>{{"hashtag", 19, 27}}));
}

TEST(TextHashtags, OffsetsCoverTheSign) {
  const auto found = extract_hashtags("One #two three ＃four");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].begin, 4U);
  EXPECT_EQ(found[0].end, 8U);
  EXPECT_EQ(found[1].begin, 15U);
  EXPECT_EQ(found[1].end, 22U);
}

TEST(TextMentions, Basics) {
  EXPECT_EQ(mentions("@username reply"), Strings{"username"});
  EXPECT_EQ(mentions("mention @user_name and @12345"), (Strings{"user_name", "12345"}));
  EXPECT_EQ(mentions("の@usernameに到着を待っている"), Strings{"username"});
  EXPECT_EQ(mentions("＠fullwidth at"), Strings{"fullwidth"});
  EXPECT_EQ(mentions("@username\n@mention"), (Strings{"username", "mention"}));
}

TEST(TextMentions, RetweetMarkers) {
  EXPECT_EQ(mentions("RT@username RT:@mention RT @test"), (Strings{"username", "mention", "test"}));
  EXPECT_EQ(mentions("rt@username Rt:@mention"), (Strings{"username", "mention"}));
}

TEST(TextMentions, Rejections) {
  EXPECT_EQ(mentions("Current Status: @_@ (cc: @username)"), Strings{"username"});
  EXPECT_EQ(mentions("@aliceìnheiro something"), Strings{});
  EXPECT_EQ(mentions("@username email me @test@example.com"), Strings{"username"});
  EXPECT_EQ(mentions("@http://twitter.com"), Strings{});
  EXPECT_EQ(mentions("f!@kn f@@kn f#@kn f$@kn f%@kn f&@kn f*@kn"), Strings{});
  EXPECT_EQ(mentions("me@example.com"), Strings{});
  EXPECT_EQ(mentions("@username/list-name is a list"), Strings{});  // a list, not a mention
  EXPECT_EQ(mentions("@username/7list"), Strings{"username"});      // not a list slug
}

TEST(TextCashtags, Basics) {
  EXPECT_EQ(cashtags("Example cashtags: $TEST $Stock   $symbol"), (Strings{"TEST", "Stock", "symbol"}));
  EXPECT_EQ(cashtags("$TEST.T $test.tt $Stock_X $symbol_ab"),
            (Strings{"TEST.T", "test.tt", "Stock_X", "symbol_ab"}));
  EXPECT_EQ(cashtags("$AAPL's earnings"), Strings{"AAPL"});
  EXPECT_EQ(cashtags("$TEST. $TEST_"), (Strings{"TEST", "TEST"}));
}

TEST(TextCashtags, Rejections) {
  EXPECT_EQ(cashtags("$123 $123.45 $3334:23 $2323_32"), Strings{});
  EXPECT_EQ(cashtags("$test123 $TE123ST"), Strings{});
  EXPECT_EQ(cashtags("$ストック $株"), Strings{});
  EXPECT_EQ(cashtags("$ $. $- $@ $!"), Strings{});
  EXPECT_EQ(cashtags("$OK$NG$BAD text$NO .$NG $$NG"), Strings{"OK"});
  EXPECT_EQ(cashtags("$CashtagMustBeShort"), Strings{});
}

TEST(TextUrls, WithScheme) {
  EXPECT_EQ(urls("text http://example.com"), Strings{"http://example.com"});
  EXPECT_EQ(urls("HTTPS://Example.COM/Path?q=1"), Strings{"HTTPS://Example.COM/Path?q=1"});
  EXPECT_EQ(urls("http://somehost.com:3000/x"), Strings{"http://somehost.com:3000/x"});
  EXPECT_EQ(urls("http://en.wikipedia.org/wiki/Primer_(film) is"),
            Strings{"http://en.wikipedia.org/wiki/Primer_(film)"});
  EXPECT_EQ(urls("http://google.com/#search?q=iphone%20-filter%3Alinks"),
            Strings{"http://google.com/#search?q=iphone%20-filter%3Alinks"});
  EXPECT_EQ(urls("text http://foo.com?#foo text"), Strings{"http://foo.com?#foo"});
  EXPECT_EQ(urls("Go to http://twitter.com/Русские_слова"), Strings{"http://twitter.com/Русские_слова"});
  EXPECT_EQ(urls("http://foobar.みんな/ and http://foobar.中国/"),
            (Strings{"http://foobar.みんな/", "http://foobar.中国/"}));
  EXPECT_EQ(urls("test http://sub_domain-dash.twitter.com"), Strings{"http://sub_domain-dash.twitter.com"});
  EXPECT_EQ(urls("test http://a.b.cd"), Strings{"http://a.b.cd"});
}

TEST(TextUrls, TrailingPunctuationIsLeftOut) {
  EXPECT_EQ(urls("See http://example.com/path.........."), Strings{"http://example.com/path"});
  EXPECT_EQ(urls("See http://example.com/,,,,"), Strings{"http://example.com/"});
  EXPECT_EQ(urls("(http://twitter.com)"), Strings{"http://twitter.com"});
  EXPECT_EQ(urls("test http://twitter.com/."), Strings{"http://twitter.com/"});
  EXPECT_EQ(urls("Go to http://example.com/a+ or http://example.com/a-"),
            (Strings{"http://example.com/a+", "http://example.com/a-"}));
  EXPECT_EQ(urls("I really like http://t.co/pbY2NfTZ's website"), Strings{"http://t.co/pbY2NfTZ"});
  EXPECT_EQ(urls("According to http://t.co/ulYGBYSo: the internet"), Strings{"http://t.co/ulYGBYSo"});
  EXPECT_EQ(urls("text http://domain.com-that-you-should-have-put-a-space-after"),
            Strings{"http://domain.com"});
}

TEST(TextUrls, InvalidDomains) {
  EXPECT_EQ(urls("text http://no-tld"), Strings{});
  EXPECT_EQ(urls("text http://tld-too-short.x"), Strings{});
  EXPECT_EQ(urls("test http://-leadingdash.twitter.com"), Strings{});
  EXPECT_EQ(urls("test http://trailingdash-.twitter.com"), Strings{});
  EXPECT_EQ(urls("test http://twitter_underscore.com"), Strings{});
  EXPECT_EQ(urls("test http://twitter.c_o_m"), Strings{});
}

TEST(TextUrls, WithoutScheme) {
  EXPECT_EQ(urls("foo.com foo.net foo.org foo.edu foo.gov"),
            (Strings{"foo.com", "foo.net", "foo.org", "foo.edu", "foo.gov"}));
  EXPECT_EQ(urls("foo.baz foo.co.jp www.foo.co.uk foo.comm foo.jp"), (Strings{"foo.co.jp", "www.foo.co.uk"}));
  EXPECT_EQ(urls("t.co/abcde bit.ly/abcde"), (Strings{"t.co/abcde", "bit.ly/abcde"}));
  EXPECT_EQ(urls("MLB.tv vine.co twitch.tv t.co"), (Strings{"MLB.tv", "vine.co", "twitch.tv", "t.co"}));
  EXPECT_EQ(urls("test ELPAÍS.com"), Strings{"ELPAÍS.com"});
  EXPECT_EQ(urls("@user Try http:// example.com/path"), Strings{"example.com/path"});
  EXPECT_EQ(urls("これは日本語です。example.com中国語t.co/abcde한국twitter.com"),
            (Strings{"example.com", "t.co/abcde", "twitter.com"}));
}

TEST(TextUrls, NotUrls) {
  EXPECT_EQ(urls("#test.com @test.com #http://test.com @http://test.com #t.co/abcde"), Strings{});
  EXPECT_EQ(urls("$http://twitter.com $twitter.com $TVI.CA"), Strings{});
  EXPECT_EQ(urls("long.test.tar.bz2 test.tar.bz2"), Strings{});
  EXPECT_EQ(urls("john.doe.gov@mail.com john.doe.jp@mail.com"), Strings{});
  EXPECT_EQ(urls("It was fine.I think"), Strings{});
  EXPECT_EQ(urls("no dots here"), Strings{});
}

TEST(TextEntities, AllKindsTogether) {
  const Entities found =
      extract_entities("RT @jack: $AAPL up 5% #stocks https://t.co/abc123 via example.com/x");
  EXPECT_EQ(values(found.mentions), Strings{"jack"});
  EXPECT_EQ(values(found.cashtags), Strings{"AAPL"});
  EXPECT_EQ(values(found.hashtags), Strings{"stocks"});
  EXPECT_EQ(values(found.urls), (Strings{"https://t.co/abc123", "example.com/x"}));
}

TEST(TextEntities, MentionsInsideUrlsAreDropped) {
  EXPECT_EQ(mentions("https://example.com/@someone"), Strings{});
  EXPECT_EQ(values(extract_mentions("https://example.com/@someone")), Strings{"someone"});
}

}  // namespace
}  // namespace smelt::text
