// Decoded rows COPY into the staging tables that smelt.create_decode_staging()
// creates, and read back unchanged: the column order and types are the
// contract between the decoders and the SQL merge, and the double escaping
// of text[] inside COPY text has to be right for every byte.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "decode/copy_rows.hpp"
#include "decode/decoder.hpp"
#include "ingest/copy_text.hpp"
#include "pg/session.hpp"
#include "sql/embedded.hpp"
#include "support/pg_fixture.hpp"

namespace smelt::decode {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;
using Strings = std::vector<std::string>;

/// Strings that trip COPY text or array-literal escaping.
const Strings TRICKY = {"Café",      "東京",      "🎉🇧🇷",         "say \"hi\"", R"(back\slash)", R"(\N)",
                        "tab\there", "new\nline", "cr\rlf\n",    "",           "NULL",          "a,b",
                        "{x}",       " spaced ",  R"(\"both\")", "\\\\",       "'single'"};

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()));
  return shared;
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SMELT_TESTS_DIR) + "/fixtures/decode/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string embedded_sql(std::string_view path) {
  for (const auto& file : sql::embedded_files()) {
    if (file.path == path) return std::string(file.text);
  }
  ADD_FAILURE() << path << " is not among the embedded SQL files";
  return {};
}

/// All values of one result column, in row order ("" for NULL).
Strings column(const pg::ResultPtr& result, int index = 0) {
  Strings values;
  for (int row = 0; row < PQntuples(result.get()); ++row)
    values.emplace_back(PQgetvalue(result.get(), row, index));
  return values;
}

// ---- comparing a row read back as JSON with the row sent -------------------

std::optional<std::string> json_text(object row, std::string_view key) {
  std::string_view value;
  if (row[key].get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return std::string(value);
}

std::optional<std::int64_t> json_integer(object row, std::string_view key) {
  std::int64_t value = 0;
  if (row[key].get_int64().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<bool> json_bool(object row, std::string_view key) {
  bool value = false;
  if (row[key].get_bool().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<double> json_double(object row, std::string_view key) {
  double value = 0;
  if (row[key].get_double().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

/// A text[] column: nullopt for SQL NULL.
std::optional<Strings> json_strings(object row, std::string_view key) {
  simdjson::dom::array values;
  if (row[key].get_array().get(values) != simdjson::SUCCESS) return std::nullopt;
  Strings out;
  for (element value : values) out.emplace_back(std::string_view(value.get_string().value()));
  return out;
}

template <class Row>
void expect_stamps(object back, const Row& sent) {
  EXPECT_EQ(json_integer(back, "observed_us"), sent.observed_at_us);
  EXPECT_EQ(json_text(back, "source"), sent.source);
  EXPECT_EQ(json_integer(back, "batch_id"), sent.batch_id);
  EXPECT_EQ(json_integer(back, "kafka_partition"), sent.kafka_partition);
  EXPECT_EQ(json_integer(back, "kafka_offset"), sent.kafka_offset);
}

template <class Row>
void expect_text_columns(object back, const Row& sent) {
  EXPECT_EQ(json_text(back, "author_id"), sent.author_id);
  EXPECT_EQ(json_text(back, "author_username"), sent.author_username);
  EXPECT_EQ(json_integer(back, "created_us"), sent.created_at_us);
  EXPECT_EQ(json_text(back, "text"), sent.text);
  EXPECT_EQ(json_text(back, "language"), sent.language);
  EXPECT_EQ(json_strings(back, "hashtags"), sent.hashtags);
  EXPECT_EQ(json_strings(back, "hashtags_normalized"), sent.hashtags_normalized);
  EXPECT_EQ(json_strings(back, "mentions"), sent.mentions);
  EXPECT_EQ(json_double(back, "sentiment_compound"), sent.sentiment_compound);
  EXPECT_EQ(json_text(back, "sentiment_category"), sent.sentiment_category);
  EXPECT_EQ(json_text(back, "sentiment_model"), sent.sentiment_model);
  EXPECT_EQ(json_text(back, "sentiment_status"), sent.sentiment_status);
}

void expect_same(object back, const PostRow& sent) {
  SCOPED_TRACE("post " + sent.post_id);
  expect_stamps(back, sent);
  expect_text_columns(back, sent);
  EXPECT_EQ(json_text(back, "post_id"), sent.post_id);
  EXPECT_EQ(json_text(back, "region"), sent.region);
  EXPECT_EQ(json_text(back, "url"), sent.url);
  EXPECT_EQ(json_integer(back, "likes"), sent.likes);
  EXPECT_EQ(json_integer(back, "shares"), sent.shares);
  EXPECT_EQ(json_integer(back, "comments"), sent.comments);
  EXPECT_EQ(json_integer(back, "views"), sent.views);
  EXPECT_EQ(json_integer(back, "impressions"), sent.impressions);
  EXPECT_EQ(json_strings(back, "cashtags"), sent.cashtags);
  EXPECT_EQ(json_strings(back, "urls"), sent.urls);
}

void expect_same(object back, const CommentRow& sent) {
  SCOPED_TRACE("comment " + sent.comment_id);
  expect_stamps(back, sent);
  expect_text_columns(back, sent);
  EXPECT_EQ(json_text(back, "comment_id"), sent.comment_id);
  EXPECT_EQ(json_text(back, "post_id"), sent.post_id);
  EXPECT_EQ(json_integer(back, "likes"), sent.likes);
}

void expect_same(object back, const UserRow& sent) {
  SCOPED_TRACE("user " + sent.user_id);
  expect_stamps(back, sent);
  EXPECT_EQ(json_text(back, "user_id"), sent.user_id);
  EXPECT_EQ(json_text(back, "username"), sent.username);
  EXPECT_EQ(json_text(back, "display_name"), sent.display_name);
  EXPECT_EQ(json_integer(back, "followers"), sent.followers);
  EXPECT_EQ(json_integer(back, "following"), sent.following);
  EXPECT_EQ(json_bool(back, "verified"), sent.verified);
  EXPECT_EQ(json_text(back, "region"), sent.region);
}

// ---- rows to send -----------------------------------------------------------

PostRow tricky_post(std::int64_t offset) {
  PostRow row;
  row.source = "x";
  row.post_id = "tricky\t\"id\"\\";
  row.created_at_us = 1'732'267'200'123'456;
  row.observed_at_us = 1'732'267'260'000'001;
  row.text = "tab\there\nnew line\r\nCRLF back\\slash \"quotes\" {braces} NULL \\N ünï 😀";
  row.language = "und";
  row.url = "http://x.example/?a=1&b=\"2\"";
  row.likes = 0;
  row.views = INT64_MAX;
  row.hashtags = TRICKY;
  row.hashtags_normalized = TRICKY;
  row.cashtags = {R"(\N)"};
  row.urls = {"http://x.example/?a=1&b=\"2\"", "{}"};
  row.sentiment_compound = -0.0516;
  row.sentiment_category = "negative";
  row.sentiment_model = "vader-cpp/1.0.0";
  row.sentiment_status = "scored";
  row.batch_id = 1;
  row.kafka_partition = 0;
  row.kafka_offset = offset;
  return row;
}

class DecodeCopyTest : public testing::PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    if (HasFatalFailure()) return;
    session_ = std::make_unique<pg::Session>(conninfo());
    session_->exec("create schema if not exists smelt");
    session_->exec(embedded_sql("sql/30_silver/create_decode_staging.sql"));
    session_->exec("select smelt.create_decode_staging()");
  }

  Strings staging_columns(const std::string& table) {
    return column(
        session_->exec("select attname from pg_attribute where attrelid = $1::regclass and attnum > 0 "
                       "and not attisdropped order by attnum",
                       {"pg_temp." + table}));
  }

  /// Every row of a staging table as JSON (timestamps as epoch microseconds too), in Kafka offset order.
  std::vector<std::string> read_back(const std::string& table) {
    return column(session_->exec(
        "select (to_jsonb(s) || jsonb_build_object("
        "  'created_us', (extract(epoch from (to_jsonb(s) ->> 'created_at')::timestamptz) * 1000000)::bigint,"
        "  'observed_us', (extract(epoch from s.observed_at) * 1000000)::bigint))::text "
        "from pg_temp." +
        table + " as s order by s.kafka_offset"));
  }

  template <class Row>
  void expect_round_trip(const std::string& table, const std::vector<Row>& rows) {
    std::string buffer;
    for (const Row& row : rows) append_copy_row(buffer, row);
    EXPECT_EQ(session_->copy_in("copy pg_temp." + table + " from stdin", buffer),
              static_cast<long>(rows.size()));
    const std::vector<std::string> back = read_back(table);
    ASSERT_EQ(back.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      expect_same(parser_.parse(back[i]).get_object().value(), rows[i]);
    }
  }

  std::unique_ptr<pg::Session> session_;
  simdjson::dom::parser parser_;
};

Strings names_of(std::span<const std::string_view> columns) {
  return Strings(columns.begin(), columns.end());
}

TEST_F(DecodeCopyTest, ColumnOrderMatchesTheStagingTables) {
  EXPECT_EQ(staging_columns("stg_posts"), names_of(POST_COLUMNS));
  EXPECT_EQ(staging_columns("stg_comments"), names_of(COMMENT_COLUMNS));
  EXPECT_EQ(staging_columns("stg_users"), names_of(USER_COLUMNS));
}

TEST_F(DecodeCopyTest, DecodedFixturesRoundTrip) {
  Decoder decoder(analyzer());
  Rows rows;
  std::int64_t offset = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(SMELT_TESTS_DIR) + "/fixtures/decode")) {
    if (entry.path().extension() != ".json") continue;
    const DecodeResult result = decoder.decode(fixture(entry.path().filename()),
                                               BronzeRef{5, 1, offset++, std::nullopt, "", ""}, rows);
    EXPECT_TRUE(result.ok()) << entry.path();
  }
  rows.posts.push_back(tricky_post(offset++));
  for (std::size_t i = 0; i < rows.users.size(); ++i)
    rows.users[i].kafka_offset = static_cast<std::int64_t>(i);
  ASSERT_GE(rows.posts.size(), 10U);
  ASSERT_GE(rows.comments.size(), 6U);
  ASSERT_GE(rows.users.size(), 10U);
  session_->begin();  // the staging tables empty themselves at commit
  expect_round_trip("stg_posts", rows.posts);
  expect_round_trip("stg_comments", rows.comments);
  expect_round_trip("stg_users", rows.users);
  session_->rollback();
}

TEST_F(DecodeCopyTest, TrickyValuesInEveryNullableColumn) {
  CommentRow comment;
  comment.source = "reddit";
  comment.comment_id = "\\";
  comment.text = "\r";
  comment.hashtags = {"\"", "\\"};
  comment.hashtags_normalized = {"\"", "\\"};
  comment.mentions = {"", ""};
  UserRow user;
  user.source = "tiktok";
  user.user_id = "\t";
  user.display_name = "\n";
  user.verified = true;
  UserRow other = user;
  other.user_id = "user with\\N";
  other.verified = false;
  other.kafka_offset = 1;
  session_->begin();
  expect_round_trip("stg_comments", std::vector<CommentRow>{comment});
  expect_round_trip("stg_users", std::vector<UserRow>{user, other});
  session_->rollback();
}

TEST_F(DecodeCopyTest, NullArraysAreNotEmptyArrays) {
  session_->exec("create temp table arrays (n integer, a text[], b text[])");
  std::string buffer = "1\t";
  append_copy_text_array(buffer, {});
  buffer += '\t';
  pg::append_copy_null(buffer);
  buffer += "\n2\t";
  append_copy_text_array(buffer, TRICKY);
  buffer += '\t';
  append_copy_text_array(buffer, Strings{""});
  buffer += '\n';
  ASSERT_EQ(session_->copy_in("copy arrays from stdin", buffer), 2);
  EXPECT_EQ(column(session_->exec("select a is null, cardinality(a), b is null from arrays where n = 1"), 0),
            Strings{"f"});
  EXPECT_EQ(column(session_->exec("select cardinality(a) from arrays where n = 1")), Strings{"0"});
  EXPECT_EQ(column(session_->exec("select b is null from arrays where n = 1")), Strings{"t"});
  EXPECT_EQ(column(session_->exec("select cardinality(b), b[1] = '' from arrays where n = 2")), Strings{"1"});
  EXPECT_EQ(column(session_->exec("select u.v from arrays, unnest(a) with ordinality as u(v, i) where n = 2 "
                                  "order by u.i")),
            TRICKY);
}

}  // namespace
}  // namespace smelt::decode
