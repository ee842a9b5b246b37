// The bad-input corpus on the real path: every case produced to `smelt
// broker`, loaded by `smelt ingest` into PostgreSQL, decoded by `smelt
// refresh`, then `smelt check`. Each case must reach its stated outcome; no
// process may crash or stall, every partition must be read to its end, and
// no check may fail.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <pqxx/pqxx>
#include <simdjson.h>
#include <sstream>

#include "corpus/bad_input.hpp"
#include "decode/decoder.hpp"
#include "support/kafka_util.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"

namespace smelt::testing {
namespace {

using namespace std::chrono_literals;
using corpus::Case;
using corpus::Expect;

constexpr const char* TOPIC = "smelt.events";
/// Small cases go round-robin to the first partitions; cases larger than the
/// broker keeps comfortably in one partition (it trims at about 5 MiB) get
/// the last one to themselves.
constexpr int PARTITIONS = 4;
constexpr std::size_t LARGE_BYTES = 4 << 20;

struct Placed {
  const Case* c;
  int partition;
  std::int64_t offset;
};

std::string log_line(const std::string& log, const std::string& message) {
  std::string found;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"msg\":\"" + message + "\"") != std::string::npos) found = line;
  }
  return found;
}

std::string log_field(const std::string& line, const char* key) {
  simdjson::dom::parser parser;
  simdjson::dom::element value;
  if (line.empty() || parser.parse(line)[key].get(value) != simdjson::SUCCESS) return "<missing " + std::string(key) + ">";
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return std::string(text);
  return simdjson::minify(value);
}

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
                                     std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

std::string id_column(const std::string& table) {
  if (table == "posts") return "post_id";
  if (table == "comments") return "comment_id";
  return "user_id";
}

class BadInputCorpusTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    if (HasFatalFailure()) return;
    auto migrated = run_command({SMELT_BINARY, "migrate", "up", "-d", conninfo()});
    ASSERT_EQ(migrated.code, 0) << migrated.err;
  }

  /// Produces every case, remembering where each landed in the topic.
  std::vector<Placed> produce_all(const std::string& bootstrap, const std::vector<Case>& cases) {
    std::map<int, std::vector<TestMessage>> by_partition;
    std::vector<Placed> placed;
    int next = 0;
    for (const auto& c : cases) {
      const int partition = c.message.size() > LARGE_BYTES ? PARTITIONS - 1 : next++ % (PARTITIONS - 1);
      auto& messages = by_partition[partition];
      placed.push_back({&c, partition, static_cast<std::int64_t>(messages.size())});
      messages.push_back({c.name, c.message});
    }
    for (const auto& [partition, messages] : by_partition) produce(bootstrap, TOPIC, messages, partition);
    return placed;
  }
};

TEST_F(BadInputCorpusTest, EveryCaseReachesItsOutcomeAndNothingStalls) {
  const auto cases = corpus::bad_input_cases();
  {
    std::map<std::string, int> names;
    for (const auto& c : cases) ASSERT_EQ(++names[c.name], 1) << "duplicate case " << c.name;
    ASSERT_GE(cases.size(), 40U);
  }
  BrokerProcess broker(PARTITIONS, TOPIC);
  const auto placed = produce_all(broker.bootstrap(), cases);
  const auto ends = end_offsets(broker.bootstrap(), TOPIC);

  // Ingest: reads every partition to its end and exits by itself.
  auto ingest = run_command({SMELT_BINARY, "ingest", "-d", conninfo(), "-b", broker.bootstrap(), "--batch-wait-ms",
                             "100", "--idle-exit", "3", "--log-format", "json"});
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  pqxx::connection connection(conninfo());
  pqxx::nontransaction tx(connection);
  for (const auto& [partition, end] : ends) {
    const auto stored = tx.exec_params("select next_offset from smelt.ingest_offsets where kafka_partition = $1",
                                       partition);
    const std::int64_t next_offset = stored.empty() ? 0 : stored[0][0].as<std::int64_t>();
    EXPECT_EQ(next_offset, end) << "partition " << partition << " was not read to its end";
    const auto loaded = tx.exec_params(
        "select count(*), count(distinct kafka_offset) from (select kafka_offset from bronze.events "
        "where kafka_partition = $1 union all select kafka_offset from bronze.rejects where kafka_partition = $1) o",
        partition);
    EXPECT_EQ(loaded[0][0].as<std::int64_t>(), end) << "partition " << partition;
    EXPECT_EQ(loaded[0][1].as<std::int64_t>(), end) << "partition " << partition;
  }

  // Where ingest put each case.
  std::map<std::string, std::int64_t> expected_decode_errors;
  std::int64_t events = 0;
  std::int64_t decode_errors = 0;
  for (const auto& [c, partition, offset] : placed) {
    SCOPED_TRACE(c->name);
    const auto reject = tx.exec_params(
        "select reason, length(raw), detail from bronze.rejects where kafka_partition = $1 and kafka_offset = $2",
        partition, offset);
    const auto event = tx.exec_params(
        "select raw, source, kind from bronze.events where kafka_partition = $1 and kafka_offset = $2", partition,
        offset);
    if (c->expect == Expect::reject) {
      EXPECT_EQ(reject.size(), 1U) << c->name << " should be rejected as " << c->reason << " but was stored";
      if (reject.size() != 1) continue;
      EXPECT_EQ(reject[0][0].as<std::string>(), c->reason) << c->name << ": " << reject[0][2].as<std::string>();
      EXPECT_EQ(reject[0][1].as<std::size_t>(), c->message.size()) << c->name << ": raw kept byte for byte";
      continue;
    }
    EXPECT_EQ(event.size(), 1U) << c->name << " should be stored in bronze.events but was rejected: "
                                << (reject.empty() ? "" : reject[0][0].as<std::string>() + ", " +
                                                              reject[0][2].as<std::string>());
    if (event.size() != 1) continue;
    EXPECT_EQ(event[0][0].as<std::string>(), c->message) << c->name << ": stored byte for byte";
    ++events;
    if (c->expect == Expect::decode_error) {
      ++expected_decode_errors[c->reason];
      ++decode_errors;
      // The reason of this very case, from the decoder the refresh runs.
      decode::Decoder decoder(analyzer());
      decode::Rows rows;
      const auto source = event[0][1].as<std::string>();
      const auto kind = event[0][2].as<std::string>();
      decode::BronzeRef ref{1, partition, offset, std::nullopt, source, kind};
      const auto result = decoder.decode(c->message, ref, rows);
      EXPECT_EQ(result.posts + result.comments + result.users, 0U) << c->name;
      EXPECT_EQ(rows.errors.size(), 1U) << c->name;
      if (rows.errors.size() != 1) continue;
      EXPECT_EQ(decode::reason_name(rows.errors[0].reason), c->reason) << c->name << ": " << rows.errors[0].detail;
    }
  }

  // Refresh: decodes every stored event; the errors are the expected ones.
  auto refresh = run_command({SMELT_BINARY, "refresh", "-d", conninfo(), "--log-format", "json"});
  ASSERT_EQ(refresh.code, 0) << refresh.err;
  const auto summary = log_line(refresh.err, "refresh finished");
  EXPECT_EQ(log_field(summary, "records"), std::to_string(events)) << summary;
  EXPECT_EQ(log_field(summary, "decode_errors"), std::to_string(decode_errors)) << summary;
  std::string reasons;
  for (const auto& [reason, count] : expected_decode_errors) {
    reasons += (reasons.empty() ? "" : ",") + reason + ":" + std::to_string(count);
  }
  EXPECT_EQ(log_field(summary, "error_reasons"), reasons) << summary;
  EXPECT_EQ(log_field(summary, "gold"), "published") << summary;

  for (const auto& [c, partition, offset] : placed) {
    if (c->expect != Expect::silver) continue;
    const auto found = tx.exec_params("select count(*) from silver." + c->table + " where source = $1 and " +
                                          id_column(c->table) + " = $2 and (" + c->predicate + ")",
                                      c->source, c->id);
    EXPECT_EQ(found[0][0].as<int>(), 1) << c->name << ": no silver." << c->table << " row " << c->id << " with "
                                        << c->predicate;
  }

  // An event stamped in the future (observed_at 2999) is stored and merged,
  // but claims nothing about completeness: no watermark runs ahead of now.
  EXPECT_EQ(tx.exec("select count(*) from smelt.partition_watermarks where max_observed_at > now()")[0][0].as<int>(), 0)
      << tx.exec("select string_agg(kafka_partition || ': ' || max_observed_at, ', ') from smelt.partition_watermarks")[0][0]
             .c_str();

  // Every check passes on what the corpus left behind.
  auto check = run_command({SMELT_BINARY, "check", "-d", conninfo()});
  EXPECT_EQ(check.code, 0) << check.out << check.err;
}

}  // namespace
}  // namespace smelt::testing
