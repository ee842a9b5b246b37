#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "migrate/checksum.hpp"
#include "migrate/plan.hpp"

namespace smelt::migrate {
namespace {

Script versioned(std::int64_t version, const std::string& text) {
  const auto path = "migrations/V000" + std::to_string(version) + "__m" + std::to_string(version) + ".sql";
  return {Kind::versioned, version, "m" + std::to_string(version), path, text, sha256_hex(text)};
}

Script repeatable(const std::string& name, const std::string& text) {
  return {Kind::repeatable, std::nullopt, name, "sql/" + name + ".sql", text, sha256_hex(text)};
}

HistoryRow row_for(const Script& script, std::int64_t rank, const std::string& applied_text) {
  HistoryRow row;
  row.installed_rank = rank;
  row.version = script.version;
  row.description = script.description;
  row.script = script.path;
  row.kind = script.kind;
  row.checksum = sha256_hex(applied_text);
  row.installed_at = "2026-01-02 03:04:05Z";
  row.execution_ms = 12;
  return row;
}

std::vector<std::string> paths(const std::vector<const Script*>& scripts) {
  std::vector<std::string> out;
  for (const auto* script : scripts) out.push_back(script->path);
  return out;
}

TEST(MigratePlan, StatesFollowHistoryAndChecksums) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(2, "b"), versioned(3, "c"),
                                       repeatable("f", "f2"), repeatable("g", "g")};
  const std::vector<HistoryRow> history = {row_for(scripts[0], 1, "a"), row_for(scripts[1], 2, "b-old"),
                                           row_for(scripts[3], 3, "f1"), row_for(scripts[4], 4, "g")};
  const auto entries = build_entries(scripts, history);
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].state, State::applied);
  EXPECT_EQ(entries[1].state, State::changed);
  EXPECT_EQ(entries[2].state, State::pending);
  EXPECT_EQ(entries[3].state, State::outdated);
  EXPECT_EQ(entries[4].state, State::applied);
}

TEST(MigratePlan, ARepeatableIsComparedWithItsNewestRun) {
  const std::vector<Script> scripts = {repeatable("f", "v2")};
  const auto entries = build_entries(scripts, {row_for(scripts[0], 1, "v1"), row_for(scripts[0], 5, "v2")});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].state, State::applied);
  EXPECT_EQ(entries[0].applied->installed_rank, 5);
}

TEST(MigratePlan, FailedRowsDoNotCountAsApplied) {
  const std::vector<Script> scripts = {versioned(1, "a")};
  auto row = row_for(scripts[0], 1, "a");
  row.success = false;
  EXPECT_EQ(build_entries(scripts, {row})[0].state, State::pending);
}

TEST(MigratePlan, HistoryWithoutAFileIsMissingInVersionOrder) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(3, "c")};
  const auto gone = versioned(2, "b");
  const auto entries = build_entries(scripts, {row_for(scripts[0], 1, "a"), row_for(gone, 2, "b")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].state, State::missing);
  EXPECT_EQ(entries[1].path, gone.path);
  EXPECT_EQ(entries[1].script, nullptr);
}

TEST(MigratePlan, AnEditedAppliedMigrationIsAProblemNamingTheFile) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(2, "b")};
  const auto problems = validation_problems(build_entries(scripts, {row_for(scripts[0], 1, "a-old")}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("migrations/V0001__m1.sql was changed after it was applied"), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[0].find(sha256_hex("a-old").substr(0, 12)), std::string::npos) << problems[0];
}

TEST(MigratePlan, AMissingFileAndAnOutOfOrderMigrationAreProblems) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(3, "c")};
  const auto gone = versioned(4, "d");
  const auto problems =
      validation_problems(build_entries(scripts, {row_for(scripts[1], 1, "c"), row_for(gone, 2, "d")}));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("migrations/V0001__m1.sql is pending but version 4 is already applied"),
            std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("migrations/V0004__m4.sql (version 4) was applied but its file is missing"),
            std::string::npos)
      << problems[1];
}

TEST(MigratePlan, PendingAndEditedRepeatablesAreNotProblems) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(2, "b"), repeatable("f", "new")};
  EXPECT_TRUE(validation_problems(
                  build_entries(scripts, {row_for(scripts[0], 1, "a"), row_for(scripts[2], 2, "old")}))
                  .empty());
}

TEST(MigratePlan, UpAppliesPendingMigrationsThenDueRepeatables) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(2, "b"), repeatable("f", "f2"),
                                       repeatable("g", "g"), repeatable("h", "h")};
  const auto entries = build_entries(
      scripts, {row_for(scripts[0], 1, "a"), row_for(scripts[2], 2, "f1"), row_for(scripts[3], 3, "g")});
  EXPECT_EQ(paths(scripts_to_apply(entries, std::nullopt)),
            (std::vector<std::string>{"migrations/V0002__m2.sql", "sql/f.sql", "sql/h.sql"}));
}

TEST(MigratePlan, ATargetStopsVersionedMigrationsAndHoldsBackRepeatables) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(2, "b"), versioned(3, "c"),
                                       repeatable("f", "f")};
  const auto entries = build_entries(scripts, {});
  EXPECT_EQ(paths(scripts_to_apply(entries, 2)),
            (std::vector<std::string>{"migrations/V0001__m1.sql", "migrations/V0002__m2.sql"}));
  EXPECT_EQ(scripts_to_apply(entries, 3).size(), 4u);
  EXPECT_EQ(scripts_to_apply(entries, 99).size(), 4u);
}

TEST(MigratePlan, NothingToApplyWhenEverythingIsApplied) {
  const std::vector<Script> scripts = {versioned(1, "a"), repeatable("f", "f")};
  const auto entries = build_entries(scripts, {row_for(scripts[0], 1, "a"), row_for(scripts[1], 2, "f")});
  EXPECT_TRUE(scripts_to_apply(entries, std::nullopt).empty());
}

TEST(MigratePlan, RendersAStatusTableAndSummary) {
  const std::vector<Script> scripts = {versioned(1, "a"), versioned(2, "b"), repeatable("gold/f", "f")};
  const auto entries = build_entries(scripts, {row_for(scripts[0], 1, "a")});
  EXPECT_EQ(render_status(entries),
            "version  description  kind        state    installed_at          time\n"
            "1        m1           versioned   applied  2026-01-02 03:04:05Z  12 ms\n"
            "2        m2           versioned   pending\n"
            "         gold/f       repeatable  pending\n");
  EXPECT_EQ(summary_line(summarize(entries)), "1 applied, 2 pending, 0 changed, 0 outdated, 0 missing");
}

}  // namespace
}  // namespace smelt::migrate
