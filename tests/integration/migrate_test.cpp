#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <pqxx/pqxx>
#include <string>
#include <thread>

#include "common/error.hpp"
#include "migrate/history.hpp"
#include "migrate/migrator.hpp"
#include "support/pg_fixture.hpp"

namespace smelt::migrate {
namespace {

/// What a run of the smelt binary printed (stdout and stderr together) and its exit code.
struct Run {
  int exit_code = -1;
  std::string output;
};

Run run_smelt(const std::string& arguments) {
  const std::string command = std::string(SMELT_BINARY) + " --log-format text " + arguments + " 2>&1";
  Run run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) run.output += buffer.data();
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A fresh database plus a scratch checkout holding migrations/ and sql/.
class MigrateTest : public testing::PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    dir_ = std::filesystem::temp_directory_path() /
           ("smelt_migrate_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "migrations");
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    PgTest::TearDown();
  }

  void write(const std::string& relative, const std::string& text) {
    std::filesystem::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  Migrator scratch() { return Migrator({conninfo(), dir_.string()}); }
  std::string scratch_args() { return "-d '" + conninfo() + "' --dir '" + dir_.string() + "'"; }
  std::string history_count(const std::string& where = "true") {
    return scalar("select count(*) from smelt.schema_history where " + where);
  }

  std::filesystem::path dir_;
};

template <typename Body>
Error expect_error(Body body) {
  try {
    body();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected smelt::Error";
  return Error(ExitCode::ok, "");
}

TEST_F(MigrateTest, EmbeddedMigrationsApplyCleanlyAndASecondUpIsANoOp) {
  Migrator migrator({conninfo(), ""});
  const auto first = migrator.up({});
  EXPECT_EQ(first.scripts.size(), migrator.scripts().size());
  EXPECT_EQ(scalar("select to_regclass('bronze.events') is not null"), "t");
  EXPECT_EQ(history_count(), std::to_string(migrator.scripts().size()));
  const auto second = migrator.up({});
  EXPECT_TRUE(second.scripts.empty());
  EXPECT_EQ(history_count(), std::to_string(migrator.scripts().size()));
  for (const auto& entry : migrator.validate()) EXPECT_EQ(entry.state, State::applied) << entry.path;
}

TEST_F(MigrateTest, StatusListsAppliedAndPending) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  write("migrations/V0002__two.sql", "create table two (id int);\n");
  write("sql/things/f.sql", "create or replace function one_f() returns int language sql as 'select 1';\n");
  EXPECT_EQ(scratch().status().front().state, State::pending);  // works before the history table exists
  EXPECT_EQ(scalar("select to_regclass('smelt.schema_history') is null"), "t");
  EXPECT_EQ(scratch().up({1, false}).scripts, std::vector<std::string>{"migrations/V0001__one.sql"});
  const auto entries = scratch().status();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].state, State::applied);
  EXPECT_EQ(entries[1].state, State::pending);
  EXPECT_EQ(entries[2].state, State::pending);
  EXPECT_EQ(entries[0].applied->installed_by, "postgres");
}

TEST_F(MigrateTest, DryRunListsWhatWouldRunAndChangesNothing) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  const auto result = scratch().up({std::nullopt, true});
  EXPECT_EQ(result.scripts, std::vector<std::string>{"migrations/V0001__one.sql"});
  EXPECT_EQ(scalar("select to_regclass('smelt.schema_history') is null and to_regclass('one') is null"), "t");
}

TEST_F(MigrateTest, AnEditedAppliedMigrationStopsUpAndValidateNamingTheFile) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  scratch().up({});
  write("migrations/V0001__one.sql", "create table one (id bigint);\n");
  write("migrations/V0002__two.sql", "create table two (id int);\n");
  for (auto run : {+[](Migrator& m) { m.validate(); }, +[](Migrator& m) { m.up({}); }}) {
    auto migrator = scratch();
    const auto error = expect_error([&] { run(migrator); });
    EXPECT_EQ(error.code(), ExitCode::migration);
    EXPECT_TRUE(contains(error.what(), "migrations/V0001__one.sql was changed after it was applied"))
        << error.what();
  }
  EXPECT_EQ(scalar("select to_regclass('two') is null"), "t");  // up applied nothing
  EXPECT_EQ(scratch().status().front().state, State::changed);
}

TEST_F(MigrateTest, AMissingAppliedFileFailsValidate) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  scratch().up({});
  std::filesystem::rename(dir_ / "migrations/V0001__one.sql", dir_ / "V0001__one.sql.bak");
  const auto error = expect_error([&] { scratch().validate(); });
  EXPECT_EQ(error.code(), ExitCode::migration);
  EXPECT_TRUE(
      contains(error.what(), "migrations/V0001__one.sql (version 1) was applied but its file is missing"))
      << error.what();
}

TEST_F(MigrateTest, APendingMigrationBelowTheNewestAppliedIsRefused) {
  write("migrations/V0002__two.sql", "create table two (id int);\n");
  scratch().up({});
  write("migrations/V0001__late.sql", "create table late (id int);\n");
  const auto error = expect_error([&] { scratch().up({}); });
  EXPECT_TRUE(
      contains(error.what(), "migrations/V0001__late.sql is pending but version 2 is already applied"))
      << error.what();
  EXPECT_EQ(scalar("select to_regclass('late') is null"), "t");
}

TEST_F(MigrateTest, ABrokenMigrationNamesFileAndLineAndLeavesNoPartialSchema) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  write("migrations/V0002__broken.sql",
        "-- two tables, then a mistake\ncreate table two_a (id int);\ncreate table two_b (id int);\n\n"
        "insert into two_a\nselect id from nowhere;\n");
  write("migrations/V0003__three.sql", "create table three (id int);\n");
  const auto error = expect_error([&] { scratch().up({}); });
  EXPECT_EQ(error.code(), ExitCode::migration);
  EXPECT_TRUE(contains(error.what(), "migrations/V0002__broken.sql:6: relation \"nowhere\" does not exist"))
      << error.what();
  EXPECT_EQ(scalar("select count(*) from pg_class where relname in ('two_a', 'two_b', 'three')"), "0");
  EXPECT_EQ(scalar("select to_regclass('one') is not null"), "t");
  EXPECT_EQ(history_count(), "1");
  write("migrations/V0002__broken.sql", "create table two_a (id int);\ncreate table two_b (id int);\n");
  EXPECT_EQ(scratch().up({}).scripts.size(),
            2u);  // a failed migration was never recorded, so it can be fixed
}

TEST_F(MigrateTest, ARuntimeErrorInAMultiLineStatementPointsAtTheStatement) {
  write("migrations/V0001__one.sql",
        "create table one (id int primary key);\n\ninsert into one\nvalues (1),\n(1);\n");
  const auto error = expect_error([&] { scratch().up({}); });
  EXPECT_TRUE(contains(error.what(), "migrations/V0001__one.sql:3: duplicate key value")) << error.what();
  EXPECT_TRUE(contains(error.what(), "DETAIL:")) << error.what();
}

TEST_F(MigrateTest, TwoConcurrentUpsApplyEachMigrationOnce) {
  write("migrations/V0001__slow.sql", "create table slow (id int);\nselect pg_sleep(0.5);\n");
  write("migrations/V0002__fast.sql", "create table fast (id int);\n");
  write("sql/things/f.sql",
        "create or replace function things_f() returns int language sql as 'select 1';\n");
  auto up = [this] { return scratch().up({}).scripts.size(); };
  auto first = std::async(std::launch::async, up);
  auto second = std::async(std::launch::async, up);
  const auto applied = first.get() + second.get();  // get() rethrows "already exists" and the like
  EXPECT_EQ(applied, 3u);
  EXPECT_EQ(history_count(), "3");
  EXPECT_EQ(scalar("select count(distinct script) from smelt.schema_history"), "3");
}

TEST_F(MigrateTest, TwoConcurrentProcessesApplyEachMigrationOnce) {
  write("migrations/V0001__slow.sql", "create table slow (id int);\nselect pg_sleep(0.5);\n");
  write("migrations/V0002__fast.sql", "create table fast (id int);\n");
  auto up = [this] { return run_smelt("migrate up " + scratch_args()); };
  auto first = std::async(std::launch::async, up);
  auto second = std::async(std::launch::async, up);
  const auto a = first.get();
  const auto b = second.get();
  EXPECT_EQ(a.exit_code, 0) << a.output;
  EXPECT_EQ(b.exit_code, 0) << b.output;
  EXPECT_EQ(history_count("version = 1"), "1");
  EXPECT_EQ(history_count("version = 2"), "1");
  EXPECT_TRUE(contains(a.output + b.output, "records=0")) << a.output << b.output;
}

TEST_F(MigrateTest, UpWaitsForTheLockHeldByAnotherSession) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  pqxx::connection holder(conninfo());
  auto lock = std::make_unique<MigrationLock>(holder);
  auto up = std::async(std::launch::async, [this] { return scratch().up({}).scripts.size(); });
  EXPECT_EQ(up.wait_for(std::chrono::milliseconds(500)), std::future_status::timeout);
  EXPECT_EQ(scalar("select to_regclass('one') is null"), "t");
  lock.reset();
  EXPECT_EQ(up.get(), 1u);
}

TEST_F(MigrateTest, RepeatablesRunAfterMigrationsAndAgainWhenChanged) {
  write("migrations/V0001__one.sql", "create schema things;\n");
  write("sql/things/answer.sql",
        "create or replace function things.answer() returns int language sql as 'select 1';\n");
  EXPECT_EQ(scratch().up({}).scripts.size(), 2u);
  EXPECT_EQ(scalar("select things.answer()"), "1");
  write("sql/things/answer.sql",
        "create or replace function things.answer() returns int language sql as 'select 2';\n");
  EXPECT_EQ(scratch().status().back().state, State::outdated);
  scratch().validate();  // a changed repeatable is not an error
  EXPECT_EQ(scratch().up({}).scripts, std::vector<std::string>{"sql/things/answer.sql"});
  EXPECT_EQ(scalar("select things.answer()"), "2");
  EXPECT_EQ(history_count("kind = 'repeatable' and version is null"), "2");
  EXPECT_TRUE(scratch().up({}).scripts.empty());
}

TEST_F(MigrateTest, SessionSettingsDoNotLeakIntoTheNextScript) {
  write("migrations/V0001__path.sql", "create schema elsewhere;\nset search_path = elsewhere;\n");
  write("migrations/V0002__table.sql", "create table plain (id int);\n");
  scratch().up({});
  EXPECT_EQ(scalar("select to_regclass('public.plain') is not null"), "t");
}

TEST_F(MigrateTest, StatementsThatCannotRunInATransactionNeedTheMarker) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  write("migrations/V0002__index.sql", "-- an index\n\ncreate index concurrently one_id_idx on one (id);\n");
  const auto error = expect_error([&] { scratch().up({}); });
  EXPECT_TRUE(
      contains(error.what(), "migrations/V0002__index.sql:3: create index concurrently cannot run inside"))
      << error.what();
  write("migrations/V0002__index.sql",
        "-- smelt:no-transaction\ncreate index concurrently one_id_idx on one (id);\n");
  EXPECT_EQ(scratch().up({}).scripts.size(), 1u);
  EXPECT_EQ(scalar("select to_regclass('one_id_idx') is not null"), "t");
  EXPECT_EQ(history_count(), "2");
}

TEST_F(MigrateTest, TransactionControlInAScriptIsRefused) {
  write("migrations/V0001__one.sql", "create table one (id int);\ncommit;\ncreate table two (id int);\n");
  const auto error = expect_error([&] { scratch().up({}); });
  EXPECT_TRUE(contains(error.what(), "migrations/V0001__one.sql:2: 'commit' is not allowed")) << error.what();
  EXPECT_EQ(scalar("select to_regclass('one') is null"), "t");
}

TEST_F(MigrateTest, AnUnreachableDatabaseIsADatabaseError) {
  Migrator migrator({"host=/nonexistent-socket-dir port=1 password=secret", dir_.string()});
  const auto error = expect_error([&] { migrator.status(); });
  EXPECT_EQ(error.code(), ExitCode::database);
  EXPECT_FALSE(contains(error.what(), "secret")) << error.what();
}

TEST_F(MigrateTest, BinaryUpStatusAndValidate) {
  const std::string db = "-d '" + conninfo() + "'";
  auto status = run_smelt("migrate status " + db);
  EXPECT_EQ(status.exit_code, 0) << status.output;
  EXPECT_TRUE(contains(status.output, "create schemas")) << status.output;
  EXPECT_TRUE(contains(status.output, "0 applied")) << status.output;
  auto up = run_smelt("migrate up " + db);
  EXPECT_EQ(up.exit_code, 0) << up.output;
  EXPECT_TRUE(contains(up.output, "applied migrations/V0001__create_schemas.sql")) << up.output;
  auto again = run_smelt("migrate up " + db);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(contains(again.output, "records=0")) << again.output;
  status = run_smelt("migrate status " + db);
  EXPECT_TRUE(contains(status.output, " 0 pending")) << status.output;
  EXPECT_FALSE(contains(status.output, "pending ")) << status.output;
  auto validate = run_smelt("migrate validate " + db);
  EXPECT_EQ(validate.exit_code, 0) << validate.output;
  EXPECT_TRUE(contains(validate.output, "valid: ")) << validate.output;
}

TEST_F(MigrateTest, BinaryFailsWithTheMigrationExitCodeNamingTheFile) {
  write("migrations/V0001__one.sql", "create table one (id int);\n");
  ASSERT_EQ(run_smelt("migrate up " + scratch_args()).exit_code, 0);
  write("migrations/V0001__one.sql", "create table one (id int, x int);\n");
  for (const char* command : {"validate", "up"}) {
    const auto run = run_smelt(std::string("migrate ") + command + " " + scratch_args());
    EXPECT_EQ(run.exit_code, static_cast<int>(ExitCode::migration)) << run.output;
    EXPECT_TRUE(contains(run.output, "migrations/V0001__one.sql was changed")) << run.output;
  }
  const auto status = run_smelt("migrate status " + scratch_args());
  EXPECT_EQ(status.exit_code, 0) << status.output;
  EXPECT_TRUE(contains(status.output, "changed")) << status.output;
}

TEST_F(MigrateTest, BinaryReportsABrokenMigrationsLine) {
  write("migrations/V0001__broken.sql", "create table one (id int);\n\nselect\n  1 +\n  from one;\n");
  const auto run = run_smelt("migrate up " + scratch_args());
  EXPECT_EQ(run.exit_code, static_cast<int>(ExitCode::migration)) << run.output;
  EXPECT_TRUE(contains(run.output, "migrations/V0001__broken.sql:5: syntax error at or near \"from\""))
      << run.output;
  EXPECT_EQ(scalar("select to_regclass('one') is null"), "t");
}

TEST_F(MigrateTest, BinaryNewWritesTheNextMigration) {
  write("migrations/V0003__three.sql", "select 1;\n");
  const auto run = run_smelt("migrate new 'Add campaign budget' --dir '" + dir_.string() + "'");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  const auto expected = dir_ / "migrations" / "V0004__add_campaign_budget.sql";
  EXPECT_TRUE(contains(run.output, expected.string())) << run.output;
  EXPECT_TRUE(std::filesystem::exists(expected));
  EXPECT_EQ(run_smelt("migrate up --dry-run " + scratch_args()).exit_code, 0);
}

}  // namespace
}  // namespace smelt::migrate
