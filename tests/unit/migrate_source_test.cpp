#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/error.hpp"
#include "migrate/checksum.hpp"
#include "migrate/source.hpp"

namespace smelt::migrate {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// A fresh temporary folder, removed again at the end of the test.
class MigrateSourceDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("smelt_migrate_source_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& relative, const std::string& text) {
    std::filesystem::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

void expect_migration_error(const std::vector<SourceFile>& files, const std::string& expected) {
  try {
    scripts_from(files);
    ADD_FAILURE() << "expected an error mentioning " << expected;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::migration);
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

TEST(MigrateSource, ParsesVersionedNames) {
  auto parsed = parse_versioned_name("V0002__bronze_events.sql");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->version, 2);
  EXPECT_EQ(parsed->description, "bronze events");
  parsed = parse_versioned_name("V12__a__b.sql");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->version, 12);
  EXPECT_EQ(parsed->description, "a  b");
}

TEST(MigrateSource, RejectsNamesThatDoNotMatchThePattern) {
  for (const char* name :
       {"V0002_bronze.sql", "v0002__bronze.sql", "V__bronze.sql", "V0002__.sql", "Vx2__a.sql",
        "V0002__bronze.txt", "0002__bronze.sql", "V0002__a/b.sql", "V1234567890123456789__a.sql"}) {
    EXPECT_FALSE(parse_versioned_name(name)) << name;
  }
}

TEST(MigrateSource, ParsesCommandLineVersions) {
  EXPECT_EQ(parse_version("7"), 7);
  EXPECT_EQ(parse_version("0007"), 7);
  EXPECT_EQ(parse_version("V0007"), 7);
  EXPECT_FALSE(parse_version("seven"));
  EXPECT_FALSE(parse_version(""));
  EXPECT_FALSE(parse_version("7a"));
}

TEST(MigrateSource, OrdersVersionedByNumberThenRepeatablesByPath) {
  const auto scripts = scripts_from({{"sql/silver/b.sql", "b"},
                                     {"migrations/V10__ten.sql", "10"},
                                     {"sql/gold/a.sql", "a"},
                                     {"migrations/V9__nine.sql", "9"},
                                     {"sql/queries/ingest/commit.sql", "q"},
                                     {"docs/readme.sql", "x"}});
  ASSERT_EQ(scripts.size(), 4u);
  EXPECT_EQ(scripts[0].path, "migrations/V9__nine.sql");
  EXPECT_EQ(scripts[1].path, "migrations/V10__ten.sql");
  EXPECT_EQ(scripts[2].path, "sql/gold/a.sql");
  EXPECT_EQ(scripts[2].kind, Kind::repeatable);
  EXPECT_EQ(scripts[2].description, "gold/a");
  EXPECT_FALSE(scripts[2].version);
  EXPECT_EQ(scripts[3].path, "sql/silver/b.sql");
  EXPECT_EQ(scripts[0].checksum, sha256_hex("9"));
}

TEST(MigrateSource, DuplicateVersionsAreAnErrorNamingBothFiles) {
  expect_migration_error({{"migrations/V1__a.sql", ""}, {"migrations/V0001__b.sql", ""}},
                         "duplicate version 1");
  expect_migration_error({{"migrations/V1__a.sql", ""}, {"migrations/V0001__b.sql", ""}},
                         "migrations/V1__a.sql");
}

TEST(MigrateSource, AMisnamedMigrationIsAnErrorNamingIt) {
  expect_migration_error({{"migrations/V1__a.sql", ""}, {"migrations/add_users.sql", ""}},
                         "migrations/add_users.sql: not a migration name");
}

TEST(MigrateSource, EmbeddedFilesIncludeTheRealMigrations) {
  const auto scripts = scripts_from(embedded_sources());
  ASSERT_FALSE(scripts.empty());
  EXPECT_EQ(scripts.front().path.rfind("migrations/V0001__", 0), 0u) << scripts.front().path;
  for (const auto& script : scripts) EXPECT_FALSE(script.path.starts_with("sql/queries/")) << script.path;
}

TEST(MigrateSource, SlugifiesNames) {
  EXPECT_EQ(slugify("Add user index!"), "add_user_index");
  EXPECT_EQ(slugify("  gold: campaign/budget  "), "gold_campaign_budget");
  EXPECT_EQ(slugify("already_fine_42"), "already_fine_42");
  EXPECT_EQ(slugify("ünïcode ok"), "n_code_ok");
  EXPECT_EQ(slugify("!!!"), "");
}

TEST_F(MigrateSourceDir, ReadsMigrationsAndSqlFromADirectory) {
  write("migrations/V0001__one.sql", "select 1;\r\n");
  write("migrations/README.md", "not sql");
  write("sql/silver/views/v.sql", "create or replace view v as select 1;");
  write("sql/queries/migrate/q.sql", "select $1");
  const auto scripts = scripts_from(directory_sources(dir_));
  ASSERT_EQ(scripts.size(), 2u);
  EXPECT_EQ(scripts[0].path, "migrations/V0001__one.sql");
  EXPECT_EQ(scripts[0].text, "select 1;\r\n");
  EXPECT_EQ(scripts[1].path, "sql/silver/views/v.sql");
}

TEST_F(MigrateSourceDir, ADirectoryWithoutMigrationsIsAUsageError) {
  try {
    directory_sources(dir_ / "nowhere");
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
  }
}

TEST_F(MigrateSourceDir, NewMigrationTakesTheNextVersion) {
  write("migrations/V0001__one.sql", "");
  write("migrations/V0007__seven.sql", "");
  const auto path = create_migration(dir_, "Add Campaign budget");
  EXPECT_EQ(path, dir_ / "migrations" / "V0008__add_campaign_budget.sql");
  const auto text = read_all(path);
  EXPECT_EQ(text.rfind("-- V0008__add_campaign_budget.sql: add campaign budget\n", 0), 0u) << text;
  EXPECT_EQ(create_migration(dir_, "next").filename(), "V0009__next.sql");
  EXPECT_EQ(scripts_from(directory_sources(dir_)).size(), 4u);
}

TEST_F(MigrateSourceDir, NewMigrationStartsAtOneInAnEmptyCheckout) {
  EXPECT_EQ(create_migration(dir_, "create schemas"), dir_ / "migrations" / "V0001__create_schemas.sql");
}

TEST_F(MigrateSourceDir, NewMigrationNeedsANameWithLettersOrDigits) {
  try {
    create_migration(dir_, "--");
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
  }
}

}  // namespace
}  // namespace smelt::migrate
