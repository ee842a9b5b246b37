#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "migrate/splitter.hpp"

namespace smelt::migrate {
namespace {

std::vector<std::string> texts(std::string_view script) {
  std::vector<std::string> out;
  for (const auto& statement : split_statements(script)) out.emplace_back(statement.text);
  return out;
}

std::vector<int> lines(std::string_view script) {
  std::vector<int> out;
  for (const auto& statement : split_statements(script)) out.push_back(statement.line);
  return out;
}

TEST(MigrateSplitter, SplitsAtTopLevelSemicolons) {
  EXPECT_EQ(texts("create table a (id int);\ncreate table b (id int);\n"),
            (std::vector<std::string>{"create table a (id int)", "create table b (id int)"}));
}

TEST(MigrateSplitter, KeepsAFinalStatementWithoutSemicolon) {
  EXPECT_EQ(texts("select 1;\nselect 2\n"), (std::vector<std::string>{"select 1", "select 2"}));
}

TEST(MigrateSplitter, DropsLeadingCommentsBlankLinesAndEmptyStatements) {
  EXPECT_EQ(texts("-- header\n/* block */\n\n;;select 1;\n-- trailing comment\n"),
            (std::vector<std::string>{"select 1"}));
  EXPECT_TRUE(texts("-- only a comment\n/* and another */\n").empty());
  EXPECT_TRUE(texts("").empty());
}

TEST(MigrateSplitter, ReportsTheLineOfEachStatementsFirstToken) {
  EXPECT_EQ(lines("-- header\n\ncreate table a (id int);\n\n-- b\ncreate table b (\n  id int\n);  select 3;"),
            (std::vector<int>{3, 6, 8}));
}

TEST(MigrateSplitter, OffsetPointsAtTheStatementInTheScript) {
  const std::string script = "-- x\nselect 1;\n  select 2;";
  const auto statements = split_statements(script);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(script.substr(statements[1].offset, 8), "select 2");
}

TEST(MigrateSplitter, IgnoresSemicolonsInStringsAndIdentifiers) {
  EXPECT_EQ(
      texts("insert into t values ('a;b', 'it''s;');select \"odd;name\" from t;"),
      (std::vector<std::string>{"insert into t values ('a;b', 'it''s;')", "select \"odd;name\" from t"}));
}

TEST(MigrateSplitter, HonoursBackslashEscapesOnlyInEStrings) {
  EXPECT_EQ(texts("select E'a\\';b';select 'c\\';select 2;"),
            (std::vector<std::string>{"select E'a\\';b'", "select 'c\\'", "select 2"}));
}

TEST(MigrateSplitter, IgnoresSemicolonsInDollarQuotedBodies) {
  const std::string script =
      "create function f() returns int language plpgsql as $$\nbegin\n  perform 1;\n  return 2;\nend;\n$$;\n"
      "do $body$ begin raise notice '$$;'; end $body$;\nselect 3;";
  const auto split = texts(script);
  ASSERT_EQ(split.size(), 3u);
  EXPECT_TRUE(split[0].ends_with("end;\n$$"));
  EXPECT_TRUE(split[1].starts_with("do $body$"));
  EXPECT_EQ(split[2], "select 3");
}

TEST(MigrateSplitter, DoesNotTakePositionalParametersOrIdentifierDollarsForQuotes) {
  EXPECT_EQ(texts("prepare p as select $1;select a$b$ from t;select 2;"),
            (std::vector<std::string>{"prepare p as select $1", "select a$b$ from t", "select 2"}));
}

TEST(MigrateSplitter, IgnoresSemicolonsInNestedBlockAndLineComments) {
  EXPECT_EQ(
      texts("select 1 /* a; /* nested; */ still; */ + 1;\nselect 2 -- not here;\n;"),
      (std::vector<std::string>{"select 1 /* a; /* nested; */ still; */ + 1", "select 2 -- not here;"}));
}

TEST(MigrateSplitter, KeepsBeginAtomicBodiesTogetherLikePsql) {
  const std::string script =
      "create or replace function add_one(x int) returns int language sql\nbegin atomic\n"
      "  select case when x is null then 0 else x + 1 end;\nend;\nselect add_one(1);";
  const auto split = texts(script);
  ASSERT_EQ(split.size(), 2u);
  EXPECT_TRUE(split[0].ends_with("end;\nend"));
  EXPECT_EQ(split[1], "select add_one(1)");
}

TEST(MigrateSplitter, BeginOutsideARoutineDefinitionIsAStatement) {
  EXPECT_EQ(texts("begin;\nselect 1;\ncommit;"), (std::vector<std::string>{"begin", "select 1", "commit"}));
}

TEST(MigrateSplitter, IgnoresSemicolonsInsideParentheses) {
  EXPECT_EQ(
      texts("create rule r as on insert to t do also (select 1; select 2);select 3;"),
      (std::vector<std::string>{"create rule r as on insert to t do also (select 1; select 2)", "select 3"}));
}

TEST(MigrateSplitter, LineOfOffsetCountsNewlines) {
  EXPECT_EQ(line_of_offset("a\nb\nc", 0), 1);
  EXPECT_EQ(line_of_offset("a\nb\nc", 2), 2);
  EXPECT_EQ(line_of_offset("a\nb\nc", 4), 3);
  EXPECT_EQ(line_of_offset("a\nb\nc", 99), 3);
}

TEST(MigrateSplitter, PositionsCountCharactersNotBytes) {
  const std::string text = "select 'é',\nx";  // é is two bytes
  EXPECT_EQ(byte_offset_of_position(text, 1), 0u);
  EXPECT_EQ(byte_offset_of_position(text, 9), 8u);    // é
  EXPECT_EQ(byte_offset_of_position(text, 10), 10u);  // the closing quote
  EXPECT_EQ(text[byte_offset_of_position(text, 13)], 'x');
  EXPECT_EQ(byte_offset_of_position(text, 100), text.size());
}

TEST(MigrateSplitter, LeadingWordsSkipCommentsAndPunctuation) {
  EXPECT_EQ(leading_words("/* c */ -- d\n CREATE Unique INDEX concurrently i on t (a)", 4),
            (std::vector<std::string>{"create", "unique", "index", "concurrently"}));
  EXPECT_EQ(leading_words("reindex (verbose) table concurrently t", 8),
            (std::vector<std::string>{"reindex", "verbose", "table", "concurrently", "t"}));
  EXPECT_EQ(leading_words("select 'x' as y", 8), (std::vector<std::string>{"select"}));
}

TEST(MigrateSplitter, RecognisesTransactionControl) {
  EXPECT_EQ(transaction_control("BEGIN"), "begin");
  EXPECT_EQ(transaction_control("commit"), "commit");
  EXPECT_EQ(transaction_control("start transaction isolation level serializable"), "start");
  EXPECT_EQ(transaction_control("rollback"), "rollback");
  EXPECT_EQ(transaction_control("end"), "end");
  EXPECT_EQ(transaction_control("prepare transaction 'x'"), "prepare");
  EXPECT_FALSE(transaction_control("rollback to savepoint s"));
  EXPECT_FALSE(transaction_control("savepoint s"));
  EXPECT_FALSE(transaction_control("prepare q as select 1"));
  EXPECT_FALSE(transaction_control("do $$ begin perform 1; end $$"));
  EXPECT_FALSE(transaction_control("create table begin_log (id int)"));
}

TEST(MigrateSplitter, RecognisesStatementsThatCannotRunInATransaction) {
  EXPECT_EQ(needs_no_transaction("create index concurrently i on t (a)"), "create index concurrently");
  EXPECT_EQ(needs_no_transaction("create unique index concurrently if not exists i on t (a)"),
            "create unique index concurrently");
  EXPECT_EQ(needs_no_transaction("drop index concurrently i"), "drop index concurrently");
  EXPECT_EQ(needs_no_transaction("reindex table concurrently t"), "reindex table concurrently");
  EXPECT_EQ(needs_no_transaction("alter table t detach partition p concurrently"),
            "alter table t detach partition p concurrently");
  EXPECT_EQ(needs_no_transaction("VACUUM (analyze) t"), "vacuum");
  EXPECT_EQ(needs_no_transaction("create database x"), "create database");
  EXPECT_EQ(needs_no_transaction("alter system set work_mem = '1GB'"), "alter system");
  EXPECT_FALSE(needs_no_transaction("refresh materialized view concurrently gold.m"));
  EXPECT_FALSE(needs_no_transaction("create index i on t (a)"));
  EXPECT_FALSE(needs_no_transaction("comment on table t is 'vacuum concurrently'"));
}

TEST(MigrateSplitter, FindsTheNoTransactionMarkerOnlyInTheHeader) {
  EXPECT_TRUE(
      has_no_transaction_marker("-- index on a big table\n--  smelt:no-transaction  \ncreate index ..."));
  EXPECT_TRUE(has_no_transaction_marker("\n-- smelt:no-transaction\n"));
  EXPECT_FALSE(has_no_transaction_marker("create index i on t (a);\n-- smelt:no-transaction\n"));
  EXPECT_FALSE(has_no_transaction_marker("-- smelt:no-transaction please\nselect 1"));
}

}  // namespace
}  // namespace smelt::migrate
