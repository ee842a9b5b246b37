#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/config.hpp"
#include "common/error.hpp"
#include "common/log.hpp"

namespace smelt {
namespace {

TEST(Config, EnvNameMapsSectionAndKey) {
  EXPECT_EQ(config::env_name("", "database"), "SMELT_DATABASE");
  EXPECT_EQ(config::env_name("ingest", "batch-rows"), "SMELT_INGEST_BATCH_ROWS");
}

TEST(Config, FileFillsOnlyUnsetVariables) {
  auto path = std::filesystem::temp_directory_path() / "smelt_config_test.conf";
  std::ofstream(path) << "# comment\ndatabase = 'dbname=fromfile'\n[ingest]\nbatch-rows = 7\n";
  setenv("SMELT_INGEST_BATCH_ROWS", "9", 1);
  unsetenv("SMELT_DATABASE");
  config::load_into_environment(path.string(), {{"", "database"}, {"ingest", "batch-rows"}});
  EXPECT_STREQ(std::getenv("SMELT_DATABASE"), "dbname=fromfile");
  EXPECT_STREQ(std::getenv("SMELT_INGEST_BATCH_ROWS"), "9");
  unsetenv("SMELT_DATABASE");
  unsetenv("SMELT_INGEST_BATCH_ROWS");
}

TEST(Config, MalformedLineNamesFileAndLine) {
  auto path = std::filesystem::temp_directory_path() / "smelt_config_bad.conf";
  std::ofstream(path) << "ok = 1\nnot a pair\n";
  try {
    config::load_into_environment(path.string(), {{"", "ok"}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("smelt_config_bad.conf:2"), std::string::npos) << e.what();
    EXPECT_EQ(e.code(), ExitCode::usage);
  }
}

TEST(Config, UnknownKeysAreErrorsWithTheClosestKnownKey) {
  auto path = std::filesystem::temp_directory_path() / "smelt_config_unknown.conf";
  std::ofstream(path) << "[ingest]\nbatch-rows = 5\nbatch-rowz = 5\n";
  const std::vector<config::Key> known = {{"", "database"}, {"ingest", "batch-rows"}, {"ingest", "batch-bytes"}};
  try {
    config::load_into_environment(path.string(), known);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ":3: unknown key 'batch-rowz' in [ingest]; did you mean 'batch-rows'?");
    EXPECT_EQ(e.code(), ExitCode::usage);
  }
  unsetenv("SMELT_INGEST_BATCH_ROWS");
  EXPECT_EQ(config::closest("batch-rowz", {"batch-bytes", "batch-rows"}), "batch-rows");
  EXPECT_EQ(config::closest("verbose", {"batch-bytes", "batch-rows"}), "");
}

TEST(Config, PasswordsAreRedacted) {
  EXPECT_EQ(config::redact_conninfo("host=x password=hunter2 dbname=y"), "host=x password=*** dbname=y");
  EXPECT_EQ(config::redact_conninfo("postgresql://ann:hunter2@db:5432/smelt"), "postgresql://ann:***@db:5432/smelt");
  EXPECT_EQ(config::redact_conninfo("postgresql://db/smelt?password=hunter2&x=1"),
            "postgresql://db/smelt?password=***&x=1");
}

TEST(Log, RendersTextAndJson) {
  EXPECT_EQ(log::render("done", {{"records", 3}, {"run_id", "ab"}}, false), "done records=3 run_id=ab");
  EXPECT_EQ(log::render("done \"x\"", {{"records", 3}, {"ok", true}}, true),
            R"("msg":"done \"x\"","records":3,"ok":true)");
}

}  // namespace
}  // namespace smelt
