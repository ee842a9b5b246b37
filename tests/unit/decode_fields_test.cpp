// The field readers: platform time formats, ids, counters, text cleaning.
#include <gtest/gtest.h>

#include <string>

#include "decode/json_fields.hpp"
#include "decode/times.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::decode {
namespace {

std::int64_t us(const char* rfc3339) { return ingest::parse_rfc3339_us(rfc3339).value(); }

/// The value of {"v": <json>}, parsed by a parser that outlives the call.
element value_of(const std::string& json) {
  static simdjson::dom::parser parser;
  static std::string document;
  document = R"({"v":)" + json + "}";
  return parser.parse(document).value()["v"].value();
}

TEST(DecodeTimes, TwitterV1CreatedAt) {
  EXPECT_EQ(parse_twitter_v1_time_us("Wed Oct 10 20:19:24 +0000 2018"), us("2018-10-10T20:19:24Z"));
  EXPECT_EQ(parse_twitter_v1_time_us("Thu Nov 08 02:31:41 +0000 2012"), us("2012-11-08T02:31:41Z"));
  EXPECT_EQ(parse_twitter_v1_time_us("Tue Feb 20 14:35:54 -0500 2007"), us("2007-02-20T19:35:54Z"));
  EXPECT_EQ(parse_twitter_v1_time_us("Mon Feb 29 23:59:59 +0000 2016"), us("2016-02-29T23:59:59Z"));
}

TEST(DecodeTimes, TwitterV1RejectsWhatIsNotADate) {
  for (const char* bad :
       {"", "Wed Oct 10 20:19:24 +0000", "Wed Oct 10 20:19:24 2018", "Wed Okt 10 20:19:24 +0000 2018",
        "Xyz Oct 10 20:19:24 +0000 2018", "Wed Oct 32 20:19:24 +0000 2018", "Wed Feb 29 10:00:00 +0000 2019",
        "Wed Oct 10 25:19:24 +0000 2018", "Wed Oct 10 20:19:24 +0000 2018 extra", "2018-10-10T20:19:24Z",
        "Wed Oct 100 20:19:24 +0000 2018"}) {
    EXPECT_EQ(parse_twitter_v1_time_us(bad), std::nullopt) << bad;
  }
}

TEST(DecodeTimes, Rfc3339WithAndWithoutColonInTheOffset) {
  EXPECT_EQ(parse_rfc3339_time_us("2021-07-26T10:45:20+0000"), us("2021-07-26T10:45:20Z"));
  EXPECT_EQ(parse_rfc3339_time_us("2021-07-26T10:45:20+02:00"), us("2021-07-26T08:45:20Z"));
  EXPECT_EQ(parse_rfc3339_time_us("2019-03-21T20:37:49.000Z"), us("2019-03-21T20:37:49Z"));
  EXPECT_EQ(parse_rfc3339_time_us("2021-07-26 10:45"), std::nullopt);
}

TEST(DecodeTimes, UnixSeconds) {
  EXPECT_EQ(unix_seconds_us(value_of("1411010034.0")), 1'411'010'034'000'000);
  EXPECT_EQ(unix_seconds_us(value_of("1704499196")), 1'704'499'196'000'000);
  EXPECT_EQ(unix_seconds_us(value_of("1439370514.25")), 1'439'370'514'250'000);
  EXPECT_EQ(unix_seconds_us(value_of(R"("1704499196")")), 1'704'499'196'000'000);
  EXPECT_EQ(unix_seconds_us(value_of("0")), 0);
  EXPECT_EQ(unix_seconds_us(value_of("-1")), std::nullopt);
  EXPECT_EQ(unix_seconds_us(value_of("1e20")), std::nullopt);
  EXPECT_EQ(unix_seconds_us(value_of(R"("soon")")), std::nullopt);
  EXPECT_EQ(unix_seconds_us(value_of(R"("")")), std::nullopt);
  EXPECT_EQ(unix_seconds_us(value_of("null")), std::nullopt);
  EXPECT_EQ(unix_seconds_us(value_of("true")), std::nullopt);
}

TEST(DecodeFields, Ids) {
  EXPECT_EQ(id_of(value_of(R"("1394735776701816833")")), "1394735776701816833");
  EXPECT_EQ(id_of(value_of("7320768196569599275")), "7320768196569599275");
  EXPECT_EQ(id_of(value_of("9223372036854775807")), "9223372036854775807");
  EXPECT_EQ(id_of(value_of("9223372036854775808")), "9223372036854775808");
  EXPECT_EQ(id_of(value_of("18446744073709551615")), "18446744073709551615");
  EXPECT_EQ(id_of(value_of("0")), "0");
  EXPECT_EQ(id_of(value_of(R"("")")), std::nullopt);
  EXPECT_EQ(id_of(value_of("1.5")), std::nullopt);
  EXPECT_EQ(id_of(value_of("7e18")), std::nullopt);
  EXPECT_EQ(id_of(value_of("-3")), std::nullopt);
  EXPECT_EQ(id_of(value_of("{}")), std::nullopt);
}

TEST(DecodeFields, Counts) {
  EXPECT_EQ(count_of(value_of("0")), 0);
  EXPECT_EQ(count_of(value_of("7920")), 7920);
  EXPECT_EQ(count_of(value_of(R"("7920")")), 7920);
  EXPECT_EQ(count_of(value_of("9223372036854775807")), INT64_MAX);
  EXPECT_EQ(count_of(value_of("9223372036854775808")), std::nullopt);
  EXPECT_EQ(count_of(value_of(R"("99999999999999999999")")), std::nullopt);
  EXPECT_EQ(count_of(value_of(R"("-1")")), std::nullopt);
  EXPECT_EQ(count_of(value_of(R"("+1")")), std::nullopt);
  EXPECT_EQ(count_of(value_of(R"(" 1")")), std::nullopt);
  EXPECT_EQ(count_of(value_of(R"("")")), std::nullopt);
  EXPECT_EQ(count_of(value_of("-1")), std::nullopt);
  EXPECT_EQ(count_of(value_of("1.0")), std::nullopt);
  EXPECT_EQ(count_of(value_of("false")), std::nullopt);
}

TEST(DecodeFields, CleanTextStripsNulAndRepairsUtf8) {
  EXPECT_EQ(clean_text("plain"), "plain");
  EXPECT_EQ(clean_text("日本語 🎉"), "日本語 🎉");
  EXPECT_EQ(clean_text(std::string("a\0b\0", 4)), "ab");
  EXPECT_EQ(clean_text(std::string("\0", 1)), "");
  EXPECT_EQ(clean_text("bad \xff byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(clean_text(std::string("cut \xE6\x97", 6)), "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text(std::string("\xC3\0\xA9", 3)), "\xC3\xA9");  // NUL removal first
}

TEST(DecodeFields, ListsAndDescriptions) {
  simdjson::dom::parser parser;
  const std::string json =
      R"({"tags":["a",1,"b\u0000c",null],"people":[{"name":"x"},{"other":1},"y",{"name":"z"}],
                               "long":")" +
      std::string(200, 'q') + R"("})";
  const object doc = parser.parse(json).get_object().value();
  EXPECT_EQ(strings_of(array_field(doc, "tags").value()), (std::vector<std::string>{"a", "bc"}));
  EXPECT_EQ(member_strings(array_field(doc, "people").value(), "name"), (std::vector<std::string>{"x", "z"}));
  EXPECT_EQ(describe_field(doc, "nothing"), "missing");
  EXPECT_EQ(describe_field(doc, "tags"), R"(["a",1,"b\u0000c",null])");
  EXPECT_LE(describe_field(doc, "long").size(), 64U);
  EXPECT_EQ(field(doc, "nothing"), std::nullopt);
  EXPECT_EQ(string_field(doc, "tags"), std::nullopt);
}

}  // namespace
}  // namespace smelt::decode
