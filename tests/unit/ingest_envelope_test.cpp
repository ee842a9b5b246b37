#include <gtest/gtest.h>

#include <string>

#include "ingest/batch.hpp"
#include "ingest/copy_text.hpp"
#include "common/json.hpp"
#include "ingest/envelope.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::ingest {
namespace {

constexpr const char* VALID =
    R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03.120Z","payload":{"id":"1"}})";

RejectReason reason_of(const Verdict& verdict) {
  EXPECT_TRUE(std::holds_alternative<Rejection>(verdict));
  return std::get<Rejection>(verdict).reason;
}

TEST(IngestTimestamp, ParsesRfc3339Variants) {
  EXPECT_EQ(parse_rfc3339_us("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_rfc3339_us("2026-11-22T10:15:03.120Z"), 1795342503120000);
  EXPECT_EQ(parse_rfc3339_us("2026-11-22T12:15:03.120+02:00"), 1795342503120000);
  EXPECT_EQ(parse_rfc3339_us("2026-11-22T10:15:03.120+0000"), 1795342503120000);  // Instagram style
  EXPECT_EQ(parse_rfc3339_us("2026-11-22T10:15:03.1200009Z"), 1795342503120000);   // extra digits truncated
  EXPECT_EQ(parse_rfc3339_us("2024-02-29T00:00:00Z"), 1709164800000000);
}

TEST(IngestTimestamp, ReadsALeapSecondAsTheNextMinuteLikePostgres) {
  EXPECT_EQ(parse_rfc3339_us("2016-12-31T23:59:60Z"), parse_rfc3339_us("2017-01-01T00:00:00Z"));
  EXPECT_EQ(parse_rfc3339_us("2016-12-31T23:59:60.5Z"), parse_rfc3339_us("2017-01-01T00:00:00.5Z"));
  EXPECT_EQ(parse_rfc3339_us("2017-01-01T05:29:60+05:30"), parse_rfc3339_us("2017-01-01T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339_us("2016-12-31T23:59:61Z").has_value());
  EXPECT_EQ(format_utc_us(*parse_rfc3339_us("2016-12-31T23:59:60Z")), "2017-01-01 00:00:00.000000+00");
}

TEST(IngestTimestamp, RejectsWhatPostgresWouldRefuseOrMisread) {
  for (const char* bad : {"2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-31T00:00:00Z",
                          "2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z", "2026-11-22T10:15:03", "2026-11-22",
                          "Wed Oct 10 20:19:24 +0000 2018", "", "2026-11-22T10:15:03.Z", "2026-11-22T10:15:03Zjunk"}) {
    EXPECT_FALSE(parse_rfc3339_us(bad).has_value()) << bad;
  }
}

TEST(IngestTimestamp, FormatsUtcForCopy) {
  EXPECT_EQ(format_utc_us(1795342503120000), "2026-11-22 10:15:03.120000+00");
  EXPECT_EQ(format_utc_us(0), "1970-01-01 00:00:00.000000+00");
}

TEST(IngestEnvelope, AcceptsAValidEnvelope) {
  EnvelopeReader reader(1 << 20);
  auto verdict = reader.read(VALID);
  ASSERT_TRUE(std::holds_alternative<Envelope>(verdict));
  const auto& envelope = std::get<Envelope>(verdict);
  EXPECT_EQ(envelope.source, "x");
  EXPECT_EQ(envelope.kind, "post");
  EXPECT_EQ(envelope.observed_at_us, 1795342503120000);
}

TEST(IngestEnvelope, KeepsEscapedNulBecauseTextCanHoldIt) {
  EnvelopeReader reader(1 << 20);
  auto verdict = reader.read(
      R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{"text":"a\u0000b"}})");
  EXPECT_TRUE(std::holds_alternative<Envelope>(verdict));
}

// JSON allows integers of any size: a TikTok page with a 20-digit id is valid.
TEST(IngestEnvelope, AcceptsIntegersBeyond64Bits) {
  EnvelopeReader reader(1 << 20);
  for (const char* id : {"73207681965695992751", "-9223372036854775809", "123456789012345678901234567890"}) {
    const std::string message = std::string(R"({"source":"tiktok","kind":"post","observed_at":"2026-11-22T10:15:03Z",)") +
                                R"("payload":{"id":)" + id + R"(,"like_count":1,"music_id":[)" + id + "]}}";
    auto verdict = reader.read(message);
    ASSERT_TRUE(std::holds_alternative<Envelope>(verdict)) << message;
    EXPECT_EQ(std::get<Envelope>(verdict).source, "tiktok");
  }
  // ... but a big integer does not make broken JSON valid.
  EXPECT_EQ(reason_of(reader.read(
                R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{"id":73207681965695992751x}})")),
            RejectReason::invalid_json);
  EXPECT_EQ(reason_of(reader.read(
                R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{"id":073207681965695992751}})")),
            RejectReason::invalid_json);
}

TEST(JsonParse, QuotesOnlyIntegersBeyond64BitsOutsideStrings) {
  EXPECT_EQ(json::quote_big_integers(R"({"a":18446744073709551615,"b":-9223372036854775808,"c":1.5e300})"),
            std::nullopt);
  EXPECT_EQ(json::quote_big_integers(R"({"a":18446744073709551616,"s":"99999999999999999999\"","b":[-9223372036854775809]})"),
            R"({"a":"18446744073709551616","s":"99999999999999999999\"","b":["-9223372036854775809"]})");
  EXPECT_EQ(json::quote_big_integers(R"([123456789012345678901.5, 1e400])"), std::nullopt);
}

TEST(IngestEnvelope, RejectsEachKindOfBadInput) {
  EnvelopeReader reader(200);
  EXPECT_EQ(reason_of(reader.read(std::string(VALID) + std::string(200, ' '))), RejectReason::oversized);
  EXPECT_EQ(reason_of(reader.read(std::string("{\"a\":\"x\0y\"}", 11))), RejectReason::nul_byte);
  EXPECT_EQ(reason_of(reader.read("{\"a\":\"\xff\xfe\"}")), RejectReason::invalid_utf8);
  EXPECT_EQ(reason_of(reader.read(R"({"source":"x","kind")")), RejectReason::invalid_json);
  EXPECT_EQ(reason_of(reader.read("")), RejectReason::invalid_json);
  EXPECT_EQ(reason_of(reader.read("[1,2]")), RejectReason::not_an_object);
  EXPECT_EQ(reason_of(reader.read(R"({"kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{}})")),
            RejectReason::missing_field);
  EXPECT_EQ(reason_of(reader.read(R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03Z"})")),
            RejectReason::missing_field);
  EXPECT_EQ(reason_of(reader.read(R"({"source":1,"kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{}})")),
            RejectReason::bad_field);
  EXPECT_EQ(reason_of(reader.read(R"({"source":"myspace","kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{}})")),
            RejectReason::bad_field);
  EXPECT_EQ(reason_of(reader.read(R"({"source":"x","kind":"post","observed_at":"2026-02-30T10:15:03Z","payload":{}})")),
            RejectReason::bad_field);
}

TEST(IngestEnvelope, RejectDetailStaysValidUtf8WhenShortened) {
  EnvelopeReader reader(1 << 20);
  std::string source;
  for (int i = 0; i < 60; ++i) source += "é";
  auto verdict = reader.read(R"({"source":")" + source +
                             R"(","kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{}})");
  const auto& detail = std::get<Rejection>(verdict).detail;
  EXPECT_TRUE(simdjson::validate_utf8(detail.data(), detail.size())) << detail;
}

TEST(IngestEnvelope, RejectDetailNeverHoldsANulFromAnEscape) {
  EnvelopeReader reader(1 << 20);
  for (const char* message :
       {R"({"source":"x\u0000y","kind":"post","observed_at":"2026-11-22T10:15:03Z","payload":{}})",
        R"({"source":"x","kind":"po\u0000st","observed_at":"2026-11-22T10:15:03Z","payload":{}})",
        R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03Z\u0000","payload":{}})"}) {
    const auto verdict = reader.read(message);
    ASSERT_TRUE(std::holds_alternative<Rejection>(verdict)) << message;
    const auto& rejection = std::get<Rejection>(verdict);
    EXPECT_EQ(rejection.reason, RejectReason::bad_field);
    EXPECT_EQ(rejection.detail.find('\0'), std::string::npos) << message;
    EXPECT_NE(rejection.detail.find("\\u0000"), std::string::npos) << rejection.detail;
  }
}

TEST(IngestCopyText, EscapesSpecialCharacters) {
  std::string out;
  pg::append_copy_text(out, "a\\b\tc\nd\re");
  EXPECT_EQ(out, "a\\\\b\\tc\\nd\\re");
  out.clear();
  pg::append_copy_bytea(out, std::string("\x00\xff" "A", 3));
  EXPECT_EQ(out, "\\\\x00ff41");
}

TEST(IngestBatch, EncodesEventsAndRejectsAndTracksOffsets) {
  EnvelopeReader reader(1 << 20);
  Batch batch;
  KafkaRecord record{"smelt.events", 3, 41, std::string_view("x:1"), 1795342503120, VALID};
  batch.add(record, reader.read(record.value));
  KafkaRecord bad{"smelt.events", 3, 42, std::nullopt, std::nullopt, "[]"};
  batch.add(bad, reader.read(bad.value));
  EXPECT_EQ(batch.events(), 1);
  EXPECT_EQ(batch.rejects(), 1);
  EXPECT_EQ(batch.partitions().at(3).first, 41);
  EXPECT_EQ(batch.partitions().at(3).last, 42);
  EXPECT_EQ(batch.rows().at(3).events_copy,
            std::string("smelt.events\t3\t41\t\\\\x783a31\t2026-11-22 10:15:03.120000+00\tx\tpost\t"
                        "2026-11-22 10:15:03.120000+00\t") + VALID + "\n");
  EXPECT_EQ(batch.rows().at(3).rejects_copy,
            "smelt.events\t3\t42\t\\N\t\\N\t\\\\x5b5d\tnot_an_object\ttop-level JSON value is not an object\n");
  batch.clear();
  EXPECT_TRUE(batch.empty());
  EXPECT_TRUE(batch.partitions().empty());
  EXPECT_EQ(batch.bytes(), 0u);
}

TEST(IngestBatch, KeepsTheRowsOfEachPartitionApart) {
  EnvelopeReader reader(1 << 20);
  Batch batch;
  KafkaRecord first{"smelt.events", 0, 7, std::string_view("x:1"), 1795342503120, VALID};
  KafkaRecord second{"smelt.events", 5, 9, std::string_view("x:2"), 1795342503120, VALID};
  KafkaRecord third{"smelt.events", 0, 8, std::string_view("x:1"), 1795342503120, VALID};
  for (const auto* record : {&first, &second, &third}) batch.add(*record, reader.read(record->value));
  ASSERT_EQ(batch.rows().size(), 2u);
  EXPECT_EQ(batch.rows().at(0).events, 2);
  EXPECT_EQ(batch.rows().at(5).events, 1);
  EXPECT_EQ(batch.rows().at(5).events_copy.rfind("smelt.events\t5\t9\t", 0), 0u);
  EXPECT_EQ(batch.bytes(), batch.rows().at(0).events_copy.size() + batch.rows().at(5).events_copy.size());
  batch.clear();
  EXPECT_TRUE(batch.rows().at(0).empty()) << "buffers are kept for the next batch, empty";
}

}  // namespace
}  // namespace smelt::ingest
