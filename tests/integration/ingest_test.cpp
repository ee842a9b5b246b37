// Ingest against a real PostgreSQL and a real Kafka-protocol broker
// (smelt broker), driving the smelt binary as users do.
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <map>
#include <pqxx/pqxx>
#include <thread>

#include "support/kafka_util.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"

namespace smelt::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* TOPIC = "smelt.events";
const std::string START_TIME = "2026-11-22T10:00:00Z";
// pg_stat_activity: a backend running an ingest worker's COPY into bronze.
const std::string IN_COPY = "state = 'active' and query like '%copy bronze.%from stdin%'";

std::string event(const std::string& id, const std::string& text) {
  return R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03.120Z","payload":{"id":")" + id +
         R"(","text":")" + text + R"("}})";
}

std::string hex_decode(const std::string& hex) {
  std::string out;
  out.reserve(hex.size() / 2);
  for (size_t i = 2; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

class IngestTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    if (HasFatalFailure()) return;
    auto migrated = run_command({SMELT_BINARY, "migrate", "up", "-d", conninfo()});
    ASSERT_EQ(migrated.code, 0) << migrated.err;
  }

  std::unique_ptr<Process> start_worker(const std::string& bootstrap, std::vector<std::string> extra = {}) {
    std::vector<std::string> argv = {SMELT_BINARY, "ingest", "-d", conninfo(), "-b", bootstrap, "--batch-wait-ms",
                                     "100", "-X", "session.timeout.ms=6000", "--log-format", "json"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return std::make_unique<Process>(argv);
  }

  std::map<int, std::int64_t> stored_offsets() {
    std::map<int, std::int64_t> offsets;
    pqxx::connection connection(conninfo());
    pqxx::nontransaction tx(connection);
    for (const auto& row : tx.exec("select kafka_partition, next_offset from smelt.ingest_offsets")) {
      offsets[row[0].as<int>()] = row[1].as<std::int64_t>();
    }
    return offsets;
  }

  // True once every partition's stored offset reached the broker's end offset.
  bool caught_up(const std::string& bootstrap) {
    auto ends = end_offsets(bootstrap, TOPIC);
    auto stored = stored_offsets();
    for (const auto& [partition, end] : ends) {
      if (end > 0 && (!stored.contains(partition) || stored.at(partition) != end)) return false;
    }
    return true;
  }

  // Every offset of every partition is in bronze.events or bronze.rejects exactly once.
  void expect_each_offset_once(const std::string& bootstrap) {
    pqxx::connection connection(conninfo());
    pqxx::nontransaction tx(connection);
    auto rows = tx.exec(
        "select kafka_partition, count(*), count(distinct kafka_offset), min(kafka_offset), max(kafka_offset) "
        "from (select kafka_partition, kafka_offset from bronze.events union all "
        "      select kafka_partition, kafka_offset from bronze.rejects) as loaded group by 1");
    std::map<int, std::int64_t> counted;
    for (const auto& row : rows) {
      int partition = row[0].as<int>();
      EXPECT_EQ(row[1].as<std::int64_t>(), row[2].as<std::int64_t>()) << "duplicate offsets in partition " << partition;
      EXPECT_EQ(row[3].as<std::int64_t>(), 0) << "partition " << partition;
      EXPECT_EQ(row[4].as<std::int64_t>(), row[1].as<std::int64_t>() - 1) << "gap in partition " << partition;
      counted[partition] = row[1].as<std::int64_t>();
    }
    auto ends = end_offsets(bootstrap, TOPIC);
    for (auto& [partition, end] : ends) {
      if (end == 0) continue;
      EXPECT_EQ(counted[partition], end) << "partition " << partition;
    }
    std::map<int, std::int64_t> nonzero_ends;
    for (auto [partition, end] : ends) {
      if (end > 0) nonzero_ends[partition] = end;
    }
    EXPECT_EQ(stored_offsets(), nonzero_ends);
  }

  // The multiset of bytes in bronze and rejects equals the generated lines.
  void expect_same_messages_as(const std::string& path, std::int64_t& rejects) {
    std::map<std::string, std::int64_t> expected;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::int64_t lines = 0;
    while (std::getline(in, line)) {
      ++expected[line];
      ++lines;
    }
    pqxx::connection connection(conninfo());
    pqxx::nontransaction tx(connection);
    std::int64_t loaded = 0;
    for (const auto& row : tx.exec("select raw from bronze.events")) {
      ++loaded;
      if (--expected[row[0].c_str()] < 0) ADD_FAILURE() << "unexpected or doubled event: " << row[0].c_str();
    }
    rejects = 0;
    for (const auto& row : tx.exec("select encode(raw, 'hex'), reason from bronze.rejects")) {
      ++rejects;
      EXPECT_FALSE(std::string(row[1].c_str()).empty());
      if (--expected[hex_decode(std::string("\\x") + row[0].c_str())] < 0) ADD_FAILURE() << "unexpected reject";
    }
    for (const auto& [text, count] : expected) {
      if (count > 0) ADD_FAILURE() << count << " missing: " << text.substr(0, 200);
    }
    EXPECT_EQ(loaded + rejects, lines);
  }

  std::vector<std::string> generate_args(const std::string& seed, int count) {
    return {SMELT_BINARY, "generate", "--seed", seed, "--count", std::to_string(count), "--start-time", START_TIME,
            "--duplicates", "0.01", "--late", "0.01", "--out-of-order", "0.01", "--malformed", "0.002",
            "--log-format", "json"};
  }

  std::string generate_file(const std::string& seed, int count) {
    auto path = "/tmp/smelt_ingest_test_" + std::to_string(getpid()) + "_" + seed + ".jsonl";
    auto args = generate_args(seed, count);
    args.insert(args.end(), {"--output", path, "--rate", "0"});
    auto result = run_command(args);
    EXPECT_EQ(result.code, 0) << result.err;
    return path;
  }

  // Waits, polling every few milliseconds, until an ingest worker's COPY
  // into bronze runs; returns its backend's pid (0 when none ran in time).
  int wait_for_copy(std::chrono::seconds timeout) {
    pqxx::connection connection(conninfo());
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      pqxx::nontransaction tx(connection);
      auto rows = tx.exec(
          "select pid from pg_stat_activity where pid <> pg_backend_pid() and application_name like 'smelt-ingest/%' "
          "and " + IN_COPY);
      if (!rows.empty()) return rows[0][0].as<int>();
      tx.commit();
      std::this_thread::sleep_for(2ms);
    }
    return 0;
  }

  std::unique_ptr<Process> generate_to_kafka(const std::string& bootstrap, const std::string& seed, int count,
                                             int rate) {
    auto args = generate_args(seed, count);
    args.insert(args.end(), {"-b", bootstrap, "--topic", TOPIC, "--rate", std::to_string(rate)});
    return std::make_unique<Process>(args);
  }
};

TEST_F(IngestTest, TwoWorkersLoadEveryGeneratedEventExactlyOnce) {
  const int count = 200000;
  auto file = generate_file("42", count);
  BrokerProcess broker(12);
  auto first = start_worker(broker.bootstrap());
  auto second = start_worker(broker.bootstrap());
  auto generator = generate_to_kafka(broker.bootstrap(), "42", count, 25000);
  ASSERT_EQ(generator->wait(120s), 0) << generator->err();
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 120s)) << first->err() << second->err();
  first->signal(SIGTERM);
  second->signal(SIGTERM);
  EXPECT_EQ(first->wait(30s), 0) << first->err();
  EXPECT_EQ(second->wait(30s), 0) << second->err();
  expect_each_offset_once(broker.bootstrap());
  std::int64_t rejects = 0;
  expect_same_messages_as(file, rejects);
  EXPECT_GT(rejects, 0);
  EXPECT_EQ(scalar("select count(distinct worker) from smelt.ingest_batches"), "2") << "both workers took part";
  EXPECT_EQ(scalar("select count(*) from bronze.rejects where reason is null or detail = ''"), "0");
  std::remove(file.c_str());
}

TEST_F(IngestTest, SigkilledWorkerRestartsWithoutLossOrDuplicates) {
  const int count = 80000;
  auto file = generate_file("7", count);
  BrokerProcess broker(12);
  auto victim = start_worker(broker.bootstrap());
  auto survivor = start_worker(broker.bootstrap());
  auto generator = generate_to_kafka(broker.bootstrap(), "7", count, 10000);
  ASSERT_TRUE(eventually([&] { return scalar("select count(*) > 5000 from bronze.events") == "t"; }, 60s));
  victim->signal(SIGKILL);
  EXPECT_EQ(victim->wait(10s), 128 + SIGKILL);
  victim = start_worker(broker.bootstrap());
  ASSERT_EQ(generator->wait(120s), 0) << generator->err();
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 120s)) << victim->err() << survivor->err();
  victim->signal(SIGTERM);
  survivor->signal(SIGTERM);
  EXPECT_EQ(victim->wait(30s), 0) << victim->err();
  EXPECT_EQ(survivor->wait(30s), 0) << survivor->err();
  expect_each_offset_once(broker.bootstrap());
  std::int64_t rejects = 0;
  expect_same_messages_as(file, rejects);
  std::remove(file.c_str());
}

TEST_F(IngestTest, PoisonMessagesAreRejectedAndThePartitionKeepsMoving) {
  BrokerProcess broker(1);
  auto worker = start_worker(broker.bootstrap());
  const std::string escaped_nul = event("2", R"(nul \u0000 inside)");
  const std::string big(5'000'000, 'a');
  std::vector<TestMessage> messages = {
      {"x:1", event("1", "first")},
      {"x:2", escaped_nul},
      {"x:3", event("3", "bad \xff\xfe utf8")},
      {"x:4", event("4", "truncated").substr(0, 40)},
      {"x:5", event("5", big)},
      {"x:6", std::string("{\"source\":\"x\",\0}", 16)},
      {"x:7", event("7", "last")},
  };
  produce(broker.bootstrap(), TOPIC, messages);
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 60s)) << worker->err();
  EXPECT_TRUE(worker->running()) << worker->err();
  EXPECT_EQ(scalar("select string_agg(kafka_offset::text, ',' order by kafka_offset) from bronze.events"), "0,1,6");
  EXPECT_EQ(scalar("select raw from bronze.events where kafka_offset = 1"), escaped_nul) << "stored byte for byte";
  EXPECT_EQ(scalar("select string_agg(kafka_offset || ':' || reason, ',' order by kafka_offset) from bronze.rejects"),
            "2:invalid_utf8,3:invalid_json,4:oversized,5:nul_byte");
  EXPECT_EQ(scalar("select length(raw) from bronze.rejects where reason = 'oversized'"),
            std::to_string(messages[4].value.size()));
  EXPECT_EQ(scalar("select encode(raw, 'hex') from bronze.rejects where reason = 'nul_byte'"),
            "7b22736f75726365223a2278222c007d");
  EXPECT_EQ(scalar("select convert_from(kafka_key, 'UTF8') from bronze.rejects where reason = 'invalid_json'"), "x:4");
  produce(broker.bootstrap(), TOPIC, {{"x:8", event("8", "after")}});
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 30s)) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
}

TEST_F(IngestTest, StopsInsteadOfSkippingWhenTheBrokerLostStoredOffsets) {
  {
    BrokerProcess broker(1);
    std::vector<TestMessage> messages;
    for (int i = 0; i < 10; ++i) messages.push_back({"x:" + std::to_string(i), event(std::to_string(i), "x")});
    produce(broker.bootstrap(), TOPIC, messages);
    auto worker = start_worker(broker.bootstrap(), {"--idle-exit", "3"});
    EXPECT_EQ(worker->wait(60s), 0) << worker->err();
    EXPECT_EQ(stored_offsets().at(0), 10);
  }
  BrokerProcess fresh(1);  // a new, empty log: offsets 0..9 are gone
  produce(fresh.bootstrap(), TOPIC, {{"x:a", event("a", "new")}, {"x:b", event("b", "new")}});
  auto worker = start_worker(fresh.bootstrap());
  EXPECT_EQ(worker->wait(60s), 6) << worker->err();
  EXPECT_NE(worker->err().find("refusing to skip"), std::string::npos) << worker->err();
  EXPECT_EQ(scalar("select count(*) from bronze.events"), "10");
  EXPECT_EQ(stored_offsets().at(0), 10);
}

TEST_F(IngestTest, ReplayResubmitsRejectsAfterAFix) {
  BrokerProcess broker(2);
  const std::string large = event("big", std::string(3000, 'b'));
  produce(broker.bootstrap(), TOPIC, {{"x:big", large}, {"x:small", event("small", "s")}});
  auto strict = start_worker(broker.bootstrap(), {"--max-message-bytes", "1024", "--idle-exit", "3"});
  ASSERT_EQ(strict->wait(60s), 0) << strict->err();
  ASSERT_EQ(scalar("select reason from bronze.rejects"), "oversized");
  auto dry = run_command({SMELT_BINARY, "replay", "-d", conninfo(), "-b", broker.bootstrap(), "--dry-run"});
  ASSERT_EQ(dry.code, 0) << dry.err;
  EXPECT_EQ(scalar("select count(*) from bronze.rejects where replayed_at is null"), "1");
  auto replay = run_command({SMELT_BINARY, "replay", "-d", conninfo(), "-b", broker.bootstrap(), "--reason", "oversized",
                             "--log-format", "text"});
  ASSERT_EQ(replay.code, 0) << replay.err;
  EXPECT_NE(replay.err.find("records=1"), std::string::npos) << replay.err;
  auto fixed = start_worker(broker.bootstrap(), {"--idle-exit", "3"});
  ASSERT_EQ(fixed->wait(60s), 0) << fixed->err();
  EXPECT_EQ(scalar("select count(*) from bronze.events where raw = " + pqxx::connection(conninfo()).quote(large)), "1");
  EXPECT_EQ(scalar("select convert_from(kafka_key, 'UTF8') from bronze.events where raw like '%\"big\"%'"), "x:big");
  EXPECT_EQ(scalar("select count(*) from bronze.rejects where replayed_at is not null"), "1");
  auto again =
      run_command({SMELT_BINARY, "replay", "-d", conninfo(), "-b", broker.bootstrap(), "--log-format", "text"});
  EXPECT_NE(again.err.find("records=0"), std::string::npos) << "nothing left to replay: " << again.err;
}

TEST_F(IngestTest, RebalanceHandsPartitionsOverWithoutDoubling) {
  BrokerProcess broker(6);
  auto first = start_worker(broker.bootstrap());
  std::vector<TestMessage> messages;
  for (int i = 0; i < 3000; ++i) messages.push_back({"x:" + std::to_string(i), event(std::to_string(i), "r")});
  produce(broker.bootstrap(), TOPIC, messages);
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 60s)) << first->err();
  auto second = start_worker(broker.bootstrap());  // triggers a rebalance
  ASSERT_TRUE(eventually([&] { return second->err().find("partitions assigned") != std::string::npos; }, 60s));
  produce(broker.bootstrap(), TOPIC, messages);
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 60s)) << second->err();
  first->signal(SIGTERM);
  second->signal(SIGTERM);
  EXPECT_EQ(first->wait(30s), 0);
  EXPECT_EQ(second->wait(30s), 0);
  expect_each_offset_once(broker.bootstrap());
  EXPECT_EQ(scalar("select count(*) from bronze.events"), "6000");
}

// A worker killed while its COPY runs (and the next batch is being read
// meanwhile): the transaction dies with it, the restarted worker goes on from
// the stored offsets, and every message lands once.
TEST_F(IngestTest, KilledInTheMiddleOfACopyLosesAndDoublesNothing) {
  const int count = 60000;
  auto file = generate_file("11", count);
  BrokerProcess broker(6);
  auto generator = generate_to_kafka(broker.bootstrap(), "11", count, 0);
  ASSERT_EQ(generator->wait(120s), 0) << generator->err();
  const std::vector<std::string> args = {"--batch-rows", "4000"};
  for (int kill = 0; kill < 3; ++kill) {
    auto worker = start_worker(broker.bootstrap(), args);
    ASSERT_GT(wait_for_copy(90s), 0) << worker->err();
    worker->signal(SIGKILL);
    EXPECT_EQ(worker->wait(10s), 128 + SIGKILL);
    ASSERT_TRUE(eventually(
        [&] { return scalar("select count(*) from pg_stat_activity where application_name like 'smelt-ingest/%'") == "0"; },
        60s));
    // Nothing of the killed transaction is visible: every row belongs to a committed batch.
    EXPECT_EQ(scalar("select count(*) from bronze.events"),
              scalar("select coalesce(sum(events), 0) from smelt.ingest_batches"));
  }
  EXPECT_LT(std::stoll(scalar("select count(*) from bronze.events")), count) << "the kills came before the end";
  auto worker = start_worker(broker.bootstrap(), args);
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 120s)) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  expect_each_offset_once(broker.bootstrap());
  std::int64_t rejects = 0;
  expect_same_messages_as(file, rejects);
  std::remove(file.c_str());
}

// The backend terminated while a batch's COPY runs and the next batch is
// being read: the worker reconnects, writes the kept batch, reads the rest
// again from the stored offsets, and every message lands once.
TEST_F(IngestTest, ABackendTerminatedMidCopyIsWrittenAgainExactlyOnce) {
  const int count = 60000;
  auto file = generate_file("12", count);
  BrokerProcess broker(6);
  auto generator = generate_to_kafka(broker.bootstrap(), "12", count, 0);
  ASSERT_EQ(generator->wait(120s), 0) << generator->err();
  auto worker = start_worker(broker.bootstrap(), {"--batch-rows", "4000"});
  const auto reconnections = [&] {
    const std::string err = worker->err();
    int found = 0;
    for (size_t at = err.find("reconnected to PostgreSQL"); at != std::string::npos;
         at = err.find("reconnected to PostgreSQL", at + 1)) {
      ++found;
    }
    return found;
  };
  // A signal can land just after the worker's last COPY ended: a worker with
  // nothing left to write never uses that connection again. Then the
  // termination does not count, and another chunk of messages makes the
  // worker write, find the connection closed and reconnect.
  int chunks = 1;
  const auto write_more = [&] {
    const std::string seed = "12." + std::to_string(chunks++);
    const auto more = generate_file(seed, 20000);
    {
      std::ifstream in(more, std::ios::binary);
      std::ofstream(file, std::ios::binary | std::ios::app) << in.rdbuf();
    }
    std::remove(more.c_str());
    auto producer = generate_to_kafka(broker.bootstrap(), seed, 20000, 0);
    return producer->wait(120s) == 0;
  };
  for (int landed = 0; landed < 2;) {
    ASSERT_LT(chunks, 10) << "no termination landed in a COPY";
    const int seen = reconnections();
    if (caught_up(broker.bootstrap())) {
      ASSERT_TRUE(write_more());
      continue;
    }
    const int pid = wait_for_copy(90s);
    ASSERT_GT(pid, 0) << worker->err();
    // Only a backend still in its COPY counts: one whose COPY ended meanwhile
    // may be idle after the last batch.
    if (scalar("select coalesce(bool_or(pg_terminate_backend(pid)), false) from pg_stat_activity where pid = " +
               std::to_string(pid) + " and " + IN_COPY) != "t") {
      continue;
    }
    ASSERT_TRUE(eventually([&] { return reconnections() > seen || caught_up(broker.bootstrap()); }, 60s))
        << worker->err();
    if (reconnections() > seen) {
      ++landed;
      continue;
    }
    ASSERT_TRUE(write_more());
    ASSERT_TRUE(eventually([&] { return reconnections() > seen; }, 60s)) << worker->err();
  }
  ASSERT_TRUE(eventually([&] { return caught_up(broker.bootstrap()); }, 120s)) << worker->err();
  EXPECT_TRUE(worker->running()) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  // The only worker is never fenced: the kept batch is retried against the offsets it was read from.
  EXPECT_EQ(worker->err().find("offsets moved by another worker"), std::string::npos) << worker->err();
  expect_each_offset_once(broker.bootstrap());
  std::int64_t rejects = 0;
  expect_same_messages_as(file, rejects);
  std::remove(file.c_str());
}

}  // namespace
}  // namespace smelt::testing
