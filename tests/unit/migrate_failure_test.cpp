#include <gtest/gtest.h>

#include <string>

#include "migrate/failure.hpp"
#include "migrate/splitter.hpp"

namespace smelt::migrate {
namespace {

constexpr const char* SYNTAX_ERROR =
    "ERROR:  syntax error at or near \"form\"\nLINE 3:   form t\n          ^\n";

TEST(MigrateFailure, ReadsTheLineLibpqAddsToAnError) {
  EXPECT_EQ(line_from_message(SYNTAX_ERROR), 3);
  EXPECT_FALSE(line_from_message("ERROR:  relation \"t\" already exists\n"));
  EXPECT_FALSE(line_from_message("ERROR:  x\nLINE x: y\n"));
}

TEST(MigrateFailure, ErrorLineUsesThePositionInTheStatement) {
  const std::string script = "-- header\ncreate table a (id int);\n\nselect 'é'\n  from\n  form t;\n";
  const auto statements = split_statements(script);
  ASSERT_EQ(statements.size(), 2u);
  // "form" is character 21 of the second statement ('é' is one character, two bytes).
  EXPECT_EQ(error_line(script, statements[1], 21, ""), 6);
  EXPECT_EQ(error_line(script, statements[1], 1, ""), 4);
}

TEST(MigrateFailure, ErrorLineFallsBackToTheMessageThenTheStatement) {
  const std::string script = "\n\nselect 1\n  from\n  form t;\n";
  const auto statements = split_statements(script);
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(error_line(script, statements[0], -1, SYNTAX_ERROR), 5);
  EXPECT_EQ(error_line(script, statements[0], -1, "ERROR:  division by zero\n"), 3);
}

TEST(MigrateFailure, ServerMessageIsOneLineWithDetailHintAndContext) {
  EXPECT_EQ(server_message(SYNTAX_ERROR), "syntax error at or near \"form\"");
  EXPECT_EQ(server_message("ERROR:  duplicate key value violates unique constraint \"k\"\n"
                           "DETAIL:  Key (id)=(1) already exists.\n"),
            "duplicate key value violates unique constraint \"k\"; DETAIL:  Key (id)=(1) already exists.");
  EXPECT_EQ(server_message("ERROR:  boom\nCONTEXT:  PL/pgSQL function inline_code_block line 1 at RAISE\n"),
            "boom; CONTEXT:  PL/pgSQL function inline_code_block line 1 at RAISE");
}

TEST(MigrateFailure, DescribeNamesFileAndLine) {
  EXPECT_EQ(describe_failure("migrations/V0007__x.sql", 12, "ERROR:  division by zero\n"),
            "migrations/V0007__x.sql:12: division by zero");
}

}  // namespace
}  // namespace smelt::migrate
