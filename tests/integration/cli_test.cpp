// The command line as a user meets it: options from flags, environment and
// config file alike, errors that say what to fix, values passed unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/kafka_util.hpp"
#include "support/process.hpp"

namespace smelt::testing {
namespace {

std::filesystem::path write_config(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

// Every option of every command (leaf commands' --help) names the variable
// that sets it, so it can come from the environment and the config file.
TEST(Cli, EveryOptionOfEveryCommandHasAnEnvironmentVariable) {
  const std::vector<std::vector<std::string>> commands = {
      {"migrate", "up"}, {"migrate", "status"}, {"migrate", "validate"}, {"migrate", "new"}, {"broker"},
      {"generate"},      {"ingest"},            {"replay"},              {"text"},           {"refresh"},
      {"scheduler"},     {"backfill"},          {"check"},               {"campaign", "add"}, {"campaign", "list"},
      {"serve"},
      {"campaign", "end"}, {"collect"}};
  const std::regex option_line(R"(^\s+(-\w,)?(--[a-z][a-z0-9-]*)\b.*$)");
  for (const auto& command : commands) {
    std::vector<std::string> argv = {SMELT_BINARY};
    argv.insert(argv.end(), command.begin(), command.end());
    argv.push_back("--help");
    auto help = run_command(argv);
    ASSERT_EQ(help.code, 0) << help.err;
    // The "Options:" block runs to the first blank line; an option's
    // description may continue on the lines after its name.
    const auto begin = help.out.find("\nOptions:\n");
    ASSERT_NE(begin, std::string::npos) << help.out;
    const auto end = help.out.find("\n\n", begin + 1);
    std::istringstream lines(help.out.substr(begin + 10, end - begin - 10));
    std::string line;
    std::string pending;
    int options = 0;
    auto finish = [&] {
      if (pending.empty()) return;
      ++options;
      EXPECT_NE(pending.find("(Env:SMELT_"), std::string::npos) << command[0] << ": " << pending;
      pending.clear();
    };
    while (std::getline(lines, line)) {
      std::smatch match;
      if (std::regex_match(line, match, option_line)) {
        finish();
        if (match[2] == "--help" || match[2] == "--config" || match[2] == "--version") continue;
        pending = line;
      } else if (!pending.empty()) {
        pending += line;
      }
    }
    finish();
    EXPECT_GT(options, 0) << command[0];
  }
}

TEST(Cli, MisspeltConfigKeyNamesFileLineKeyAndTheClosestKey) {
  auto path = write_config("smelt_misspelt.conf", "# ingest tuning\n[ingest]\nbatch-rows = 5\nbatch-rowz = 5\n");
  auto result = run_command({SMELT_BINARY, "ingest", "--config", path.string(), "--help"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find(path.string() + ":4"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("'batch-rowz'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("did you mean 'batch-rows'"), std::string::npos) << result.err;
}

TEST(Cli, ConfigKeyInTheWrongSectionSaysWhereItBelongs) {
  auto path = write_config("smelt_wrong_section.conf", "[ingest]\ndatabase = dbname=x\n");
  auto result = run_command({SMELT_BINARY, "ingest", "--config", path.string(), "--help"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("belongs at the top of the file"), std::string::npos) << result.err;
  auto section = write_config("smelt_bad_section.conf", "[ingset]\nbatch-rows = 5\n");
  result = run_command({SMELT_BINARY, "ingest", "--config", section.string(), "--help"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("did you mean [ingest]"), std::string::npos) << result.err;
}

// Options that once had no variable: the file and SMELT_* reach them.
TEST(Cli, ConfigFileAndEnvironmentReachEveryOption) {
  auto path = write_config("smelt_all_keys.conf",
                           "[generate]\nrate = -5\n");
  auto from_file = run_command({SMELT_BINARY, "generate", "--config", path.string(), "-o", "/dev/null", "-n", "1"});
  EXPECT_EQ(from_file.code, 2) << from_file.err;
  EXPECT_NE(from_file.err.find("--rate"), std::string::npos) << from_file.err;
  auto from_env = run_command({SMELT_BINARY, "ingest", "--help"}, {{"SMELT_INGEST_DB_RETRY", "-1"}});
  EXPECT_EQ(from_env.code, 2) << from_env.err;
  EXPECT_NE(from_env.err.find("--db-retry"), std::string::npos) << from_env.err;
  auto campaign = run_command({SMELT_BINARY, "campaign", "add", "--help"}, {{"SMELT_CAMPAIGN_ADD_STARTS", "x"}});
  EXPECT_NE(campaign.out.find("SMELT_CAMPAIGN_ADD_STARTS"), std::string::npos) << campaign.out;
}

TEST(Cli, RangeErrorsNameTheOptionAndTheRangeInHumanTerms) {
  auto rate = run_command({SMELT_BINARY, "generate", "--rate", "-5", "-o", "/dev/null"});
  EXPECT_EQ(rate.code, 2);
  EXPECT_NE(rate.err.find("--rate: must be 0 or more messages per second, got -5"), std::string::npos) << rate.err;
  auto rows = run_command({SMELT_BINARY, "ingest", "--batch-rows", "0"});
  EXPECT_EQ(rows.code, 2);
  EXPECT_NE(rows.err.find("--batch-rows: must be from 1 to 10,000,000 messages, got 0"), std::string::npos)
      << rows.err;
  for (const auto* result : {&rate, &rows}) {
    EXPECT_FALSE(std::regex_search(result->err, std::regex("[0-9]{12,}"))) << result->err;
  }
}

TEST(Cli, KafkaPropertyValuesWithCommasPassThroughUnchanged) {
  BrokerProcess broker(2);
  auto result = run_command({SMELT_BINARY, "generate", "-b", broker.bootstrap(), "-X", "debug=broker,topic",
                             "-X", "client.id=smelt-test", "--count", "20", "--rate", "0", "--log-format", "text"});
  EXPECT_EQ(result.code, 0) << result.err;
  std::int64_t total = 0;
  for (const auto& [partition, end] : end_offsets(broker.bootstrap(), "smelt.events")) total += end;
  EXPECT_EQ(total, 20);
  // The environment's list form: a comma starts a property only before key=.
  auto listed = run_command({SMELT_BINARY, "generate", "-b", broker.bootstrap(), "--count", "5", "--rate", "0"},
                            {{"SMELT_KAFKA_PROPERTIES", "debug=broker,topic,client.id=smelt-env"}});
  EXPECT_EQ(listed.code, 0) << listed.err;
  auto bad = run_command({SMELT_BINARY, "generate", "-b", broker.bootstrap(), "-X", "debug=nonsense", "-n", "1"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("debug=nonsense"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace smelt::testing
