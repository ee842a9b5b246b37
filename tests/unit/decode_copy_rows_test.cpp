// Staging rows as COPY text, byte for byte (the round trip through a real
// PostgreSQL is tests/integration/decode_copy_test.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "decode/copy_rows.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::decode {
namespace {

std::string array_text(const std::vector<std::string>& values) {
  std::string out;
  append_copy_text_array(out, values);
  return out;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

TEST(DecodeCopyRows, ArrayLiterals) {
  EXPECT_EQ(array_text({}), "{}");
  EXPECT_EQ(array_text({""}), R"({""})");
  EXPECT_EQ(array_text({"a", "b"}), R"({"a","b"})");
  EXPECT_EQ(array_text({"Café", "東京", "🎉"}), R"({"Café","東京","🎉"})");
  EXPECT_EQ(array_text({"NULL", "a,b", "{x}", " sp "}), R"({"NULL","a,b","{x}"," sp "})");
  // '"' is \" in the literal, and COPY doubles that backslash: \\"
  EXPECT_EQ(array_text({"say \"hi\""}), R"({"say \\"hi\\""})");
  // '\' is \\ in the literal, and COPY doubles both: \\\\ .
  EXPECT_EQ(array_text({R"(a\b)"}), R"({"a\\\\b"})");
  // tab, newline and CR stay raw in the literal; COPY escapes them.
  EXPECT_EQ(array_text({"t\tn\nr\r"}), R"({"t\tn\nr\r"})");
}

TEST(DecodeCopyRows, PostLineHasEveryColumnInOrder) {
  PostRow row;
  row.source = "x";
  row.post_id = "123";
  row.author_username = "ana";
  row.created_at_us = ingest::parse_rfc3339_us("2026-11-22T09:58:41.5Z").value();
  row.observed_at_us = ingest::parse_rfc3339_us("2026-11-22T10:15:03.12Z").value();
  row.text = "line\none\ttab \\ back";
  row.language = "en";
  row.likes = 87;
  row.shares = 0;
  row.hashtags = {"Café"};
  row.hashtags_normalized = {"café"};
  row.sentiment_compound = -0.5106;
  row.sentiment_category = "negative";
  row.sentiment_model = "m/1";
  row.sentiment_status = "scored";
  row.batch_id = 7;
  row.kafka_partition = 3;
  row.kafka_offset = 1234;
  std::string out;
  append_copy_row(out, row);
  ASSERT_EQ(out.back(), '\n');
  const std::vector<std::string> fields = fields_of(out.substr(0, out.size() - 1));
  ASSERT_EQ(fields.size(), POST_COLUMNS.size());
  const std::vector<std::string> expected = {"x",
                                             "123",
                                             R"(\N)",
                                             "ana",
                                             "2026-11-22 09:58:41.500000+00",
                                             "2026-11-22 10:15:03.120000+00",
                                             R"(line\none\ttab \\ back)",
                                             "en",
                                             R"(\N)",
                                             R"(\N)",
                                             "87",
                                             "0",
                                             R"(\N)",
                                             R"(\N)",
                                             R"(\N)",
                                             R"({"Café"})",
                                             R"({"café"})",
                                             "{}",
                                             "{}",
                                             "{}",
                                             "-0.5106",
                                             "negative",
                                             "m/1",
                                             "scored",
                                             "7",
                                             "3",
                                             "1234"};
  EXPECT_EQ(fields, expected);
}

TEST(DecodeCopyRows, CommentAndUserLines) {
  CommentRow comment;
  comment.source = "reddit";
  comment.comment_id = "c1";
  comment.mentions = {"bob"};
  std::string out;
  append_copy_row(out, comment);
  EXPECT_EQ(fields_of(out.substr(0, out.size() - 1)).size(), COMMENT_COLUMNS.size());
  EXPECT_EQ(
      out,
      "reddit\tc1\t\\N\t\\N\t\\N\t1970-01-01 00:00:00.000000+00\t1970-01-01 00:00:00.000000+00\t\\N\tund\t"
      "\\N\t{}\t{}\t{\"bob\"}\t\\N\t\\N\t\\N\tno_text\t0\t0\t0\n");

  UserRow user;
  user.source = "tiktok";
  user.user_id = "u";
  user.followers = 5;
  user.verified = false;
  out.clear();
  append_copy_row(out, user);
  EXPECT_EQ(fields_of(out.substr(0, out.size() - 1)).size(), USER_COLUMNS.size());
  EXPECT_EQ(out, "tiktok\tu\t\\N\t\\N\t5\t\\N\tf\t\\N\t1970-01-01 00:00:00.000000+00\t0\t0\t0\n");
}

TEST(DecodeCopyRows, DoublesReadBackExactly) {
  for (double value : {0.0, 1.0, -1.0, 0.6249, -0.0516, 1e-7}) {
    std::string out;
    append_copy_double(out, value);
    EXPECT_EQ(std::stod(out), value) << out;
  }
}

}  // namespace
}  // namespace smelt::decode
