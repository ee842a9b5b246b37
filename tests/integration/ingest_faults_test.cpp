// Ingest under faults of PostgreSQL and Kafka, driving the smelt binary as
// operators do: servers that restart, stay away, fill their disk, brokers
// that vanish or are replaced by a new log. After every fault each message
// must be in bronze (or rejects) exactly once, without manual repair.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <pqxx/pqxx>
#include <thread>

#include "support/kafka_util.hpp"
#include "support/pg_fixture.hpp"
#include "support/private_pg.hpp"
#include "support/process.hpp"

namespace smelt::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* TOPIC = "smelt.events";

std::string event(const std::string& id, const std::string& text) {
  return R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:15:03.120Z","payload":{"id":")" + id +
         R"(","text":")" + text + R"("}})";
}

std::vector<TestMessage> messages(const std::string& prefix, int count) {
  std::vector<TestMessage> out;
  for (int i = 0; i < count; ++i) {
    out.push_back({prefix + ":" + std::to_string(i), event(prefix + std::to_string(i), prefix + " message")});
  }
  return out;
}

std::string scalar_on(const std::string& conninfo, const std::string& query) {
  pqxx::connection connection(conninfo);
  pqxx::nontransaction tx(connection);
  auto result = tx.exec(query);
  return result.empty() || result[0][0].is_null() ? "" : result[0][0].c_str();
}

std::map<int, std::int64_t> stored_offsets(const std::string& conninfo) {
  std::map<int, std::int64_t> offsets;
  pqxx::connection connection(conninfo);
  pqxx::nontransaction tx(connection);
  for (const auto& row : tx.exec("select kafka_partition, next_offset from smelt.ingest_offsets")) {
    offsets[row[0].as<int>()] = row[1].as<std::int64_t>();
  }
  return offsets;
}

// True once every partition's stored offset reached the broker's end offset
// (false while the database cannot be reached).
bool caught_up(const std::string& conninfo, const std::string& bootstrap) {
  try {
    auto stored = stored_offsets(conninfo);
    for (const auto& [partition, end] : end_offsets(bootstrap, TOPIC)) {
      if (end > 0 && (!stored.contains(partition) || stored.at(partition) != end)) return false;
    }
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// Every offset of every partition is in bronze.events or bronze.rejects exactly once.
void expect_each_offset_once(const std::string& conninfo, const std::string& bootstrap) {
  pqxx::connection connection(conninfo);
  pqxx::nontransaction tx(connection);
  std::map<int, std::int64_t> counted;
  for (const auto& row : tx.exec(
           "select kafka_partition, count(*), count(distinct kafka_offset), min(kafka_offset), max(kafka_offset) "
           "from (select kafka_partition, kafka_offset from bronze.events union all "
           "      select kafka_partition, kafka_offset from bronze.rejects) as loaded group by 1")) {
    const int partition = row[0].as<int>();
    EXPECT_EQ(row[1].as<std::int64_t>(), row[2].as<std::int64_t>()) << "duplicates in partition " << partition;
    EXPECT_EQ(row[3].as<std::int64_t>(), 0) << "partition " << partition;
    EXPECT_EQ(row[4].as<std::int64_t>(), row[1].as<std::int64_t>() - 1) << "gap in partition " << partition;
    counted[partition] = row[1].as<std::int64_t>();
  }
  for (const auto& [partition, end] : end_offsets(bootstrap, TOPIC)) {
    EXPECT_EQ(counted[partition], end) << "partition " << partition;
  }
}

std::unique_ptr<Process> start_worker(const std::string& conninfo, const std::string& bootstrap,
                                      std::vector<std::string> extra = {},
                                      std::map<std::string, std::string> env = {}) {
  std::vector<std::string> argv = {SMELT_BINARY, "ingest", "-d", conninfo, "-b", bootstrap, "--batch-wait-ms", "100",
                                   "-X", "session.timeout.ms=6000", "--progress-interval", "1", "--log-format", "text"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return std::make_unique<Process>(argv, env);
}

bool logged(Process& process, const std::string& text) { return process.err().find(text) != std::string::npos; }

void migrate(const std::string& conninfo) {
  auto migrated = run_command({SMELT_BINARY, "migrate", "up", "-d", conninfo});
  ASSERT_EQ(migrated.code, 0) << migrated.err;
}

// --- PostgreSQL faults (a private server each) ------------------------------

TEST(IngestPostgresFaults, WaitsOutAFifteenSecondImmediateShutdownAndResumes) {
  PrivatePostgres pg;
  migrate(pg.conninfo());
  BrokerProcess broker(4);
  auto first = start_worker(pg.conninfo(), broker.bootstrap());
  auto second = start_worker(pg.conninfo(), broker.bootstrap());
  produce(broker.bootstrap(), TOPIC, messages("before", 2000));
  ASSERT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 60s)) << first->err();
  pg.stop("immediate");
  produce(broker.bootstrap(), TOPIC, messages("during", 2000));
  ASSERT_TRUE(eventually([&] { return logged(*first, "lost the PostgreSQL") || logged(*second, "lost the PostgreSQL"); },
                         60s));
  // The outage itself: a fixed length is the fault under test, not a wait for readiness.
  std::this_thread::sleep_for(15s);
  pg.start();
  produce(broker.bootstrap(), TOPIC, messages("after", 2000));
  EXPECT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 120s))
      << first->err() << second->err();
  EXPECT_TRUE(first->running()) << first->err();
  EXPECT_TRUE(second->running()) << second->err();
  first->signal(SIGTERM);
  second->signal(SIGTERM);
  EXPECT_EQ(first->wait(30s), 0) << first->err();
  EXPECT_EQ(second->wait(30s), 0) << second->err();
  EXPECT_TRUE(logged(*first, "reconnected to PostgreSQL") || logged(*second, "reconnected to PostgreSQL"));
  expect_each_offset_once(pg.conninfo(), broker.bootstrap());
  EXPECT_EQ(scalar_on(pg.conninfo(), "select count(*) from bronze.events"), "6000");
}

TEST(IngestPostgresFaults, IngestAndSchedulerWaitForAServerThatIsNotUpYet) {
  PrivatePostgres pg;
  migrate(pg.conninfo());
  pg.stop("fast");
  BrokerProcess broker(2);
  auto worker = start_worker(pg.conninfo(), broker.bootstrap(), {"--db-retry", "120"});
  Process scheduler({SMELT_BINARY, "scheduler", "-d", pg.conninfo(), "--db-retry", "0", "--interval", "1",
                     "--log-format", "text"});
  EXPECT_TRUE(eventually([&] { return logged(*worker, "cannot reach PostgreSQL; retrying"); }, 30s)) << worker->err();
  EXPECT_TRUE(eventually([&] { return logged(scheduler, "cannot reach PostgreSQL; retrying"); }, 30s))
      << scheduler.err();
  EXPECT_TRUE(worker->running()) << worker->err();
  EXPECT_TRUE(scheduler.running()) << scheduler.err();
  pg.start();
  produce(broker.bootstrap(), TOPIC, messages("late", 500));
  EXPECT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 120s)) << worker->err();
  EXPECT_TRUE(eventually([&] { return logged(scheduler, "scheduler started"); }, 60s)) << scheduler.err();
  // Operators can tell the sessions apart.
  EXPECT_EQ(scalar_on(pg.conninfo(),
                      "select count(*) from pg_stat_activity where application_name = 'smelt-ingest/' || "
                      "(select worker from smelt.ingest_batches limit 1)"),
            "1");
  worker->signal(SIGTERM);
  scheduler.signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  EXPECT_EQ(scheduler.wait(60s), 0) << scheduler.err();
  expect_each_offset_once(pg.conninfo(), broker.bootstrap());
}

// A tablespace on a tiny tmpfs holds bronze.events; a filler file takes its
// last bytes, then goes away again.
class TinyTablespace {
 public:
  explicit TinyTablespace(const std::string& conninfo) {
    char pattern[] = "/tmp/smelt-tiny-disk.XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    mount_ = pattern;
    auto mounted = run_command({"/bin/bash", "-c", "mount -t tmpfs -o size=16m tmpfs " + mount_ + " && chown postgres " +
                                                  mount_ + " && chmod 700 " + mount_});
    if (mounted.code != 0) throw std::runtime_error("cannot mount a tmpfs: " + mounted.err);
    pqxx::connection connection(conninfo);
    pqxx::nontransaction tx(connection);
    tx.exec("create tablespace tiny location '" + mount_ + "'");
    for (const auto& row : tx.exec("select inhrelid::regclass::text from pg_inherits "
                                   "where inhparent = 'bronze.events'::regclass")) {
      tx.exec(std::string("alter table ") + row[0].c_str() + " set tablespace tiny");
    }
    tx.exec("alter table bronze.events set tablespace tiny");
  }
  ~TinyTablespace() { run_command({"/bin/bash", "-c", "umount -l " + mount_ + " && rmdir " + mount_}); }

  void fill() { run_command({"/bin/bash", "-c", "dd if=/dev/zero of=" + mount_ + "/filler bs=64k 2>/dev/null; sync"}); }
  void free() { run_command({"/bin/rm", "-f", mount_ + "/filler"}); }

 private:
  std::string mount_;
};

TEST(IngestPostgresFaults, WaitsWhileTheDiskIsFullAndResumesOnceSpaceIsBack) {
  PrivatePostgres pg;
  migrate(pg.conninfo());
  TinyTablespace disk(pg.conninfo());
  BrokerProcess broker(2);
  auto worker = start_worker(pg.conninfo(), broker.bootstrap());
  produce(broker.bootstrap(), TOPIC, messages("first", 200));
  ASSERT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 60s)) << worker->err();
  disk.fill();
  produce(broker.bootstrap(), TOPIC, messages("full", 20000));
  ASSERT_TRUE(eventually([&] { return logged(*worker, "out of disk space"); }, 60s)) << worker->err();
  EXPECT_FALSE(caught_up(pg.conninfo(), broker.bootstrap()));
  EXPECT_TRUE(worker->running()) << worker->err();
  disk.free();
  EXPECT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 120s)) << worker->err();
  EXPECT_TRUE(logged(*worker, "PostgreSQL accepts writes again")) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  expect_each_offset_once(pg.conninfo(), broker.bootstrap());
}

// --- Kafka faults (the shared test server) ----------------------------------

class IngestKafkaFaults : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(conninfo());
  }
};

TEST_F(IngestKafkaFaults, AnUnreachableBrokerIsExitFourNotSuccess) {
  auto worker = start_worker(conninfo(), "127.0.0.1:1", {"--idle-exit", "5"}, {{"SMELT_INGEST_KAFKA_TIMEOUT", "3"}});
  EXPECT_EQ(worker->wait(60s), 4) << worker->err();
  EXPECT_TRUE(logged(*worker, "127.0.0.1:1")) << worker->err();
}

TEST_F(IngestKafkaFaults, ABrokerThatVanishesIsExitFourAfterTheTimeout) {
  BrokerProcess broker(2);
  auto worker = start_worker(conninfo(), broker.bootstrap(), {}, {{"SMELT_INGEST_KAFKA_TIMEOUT", "5"}});
  produce(broker.bootstrap(), TOPIC, messages("m", 100));
  ASSERT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()); }, 60s)) << worker->err();
  broker.process().signal(SIGKILL);
  EXPECT_EQ(worker->wait(60s), 4) << worker->err();
  EXPECT_TRUE(logged(*worker, "--kafka-timeout")) << worker->err();
}

// `smelt broker --control`: faults injected by writing commands to a pipe.
class ControlledBroker {
 public:
  explicit ControlledBroker(int partitions) {
    char pattern[] = "/tmp/smelt-broker-control.XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    process_ = std::make_unique<Process>(std::vector<std::string>{SMELT_BINARY, "broker", "--partitions",
                                                                  std::to_string(partitions), "--control",
                                                                  dir_ + "/control", "--log-format", "text"});
    if (!eventually([&] { return process_->out().find('\n') != std::string::npos; }, 20s)) {
      throw std::runtime_error("smelt broker did not start: " + process_->err());
    }
    const std::string out = process_->out();
    bootstrap_ = out.substr(out.find('=') + 1, out.find('\n') - out.find('=') - 1);
  }
  ~ControlledBroker() {
    process_.reset();
    run_command({"/bin/rm", "-rf", dir_});
  }
  const std::string& bootstrap() const { return bootstrap_; }
  Process& process() { return *process_; }
  /// Sends one control command and waits until the broker logged it.
  void command(const std::string& line) {
    const auto before = process_->err().size();
    ASSERT_EQ(run_command({"/bin/bash", "-c", "echo '" + line + "' > " + dir_ + "/control"}).code, 0);
    ASSERT_TRUE(eventually([&] { return process_->err().find("broker fault", before) != std::string::npos; }, 20s))
        << process_->err();
  }

 private:
  std::string dir_;
  std::unique_ptr<Process> process_;
  std::string bootstrap_;
};

// Partitions paused while PostgreSQL was away stay paused inside the Kafka
// client across a rebalance: a worker that had them revoked during the
// outage and gets them back once PostgreSQL is up must read them again.
TEST(IngestPostgresFaults, PartitionsRevokedDuringAnOutageAreReadAgainWhenReassignedAfterIt) {
  PrivatePostgres pg;
  migrate(pg.conninfo());
  ControlledBroker broker(4);
  auto first = start_worker(pg.conninfo(), broker.bootstrap());
  auto second = start_worker(pg.conninfo(), broker.bootstrap());
  produce(broker.bootstrap(), TOPIC, messages("before", 400));
  ASSERT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 60s)) << first->err();
  ASSERT_TRUE(eventually([&] { return logged(*first, "partitions assigned") && logged(*second, "partitions assigned"); },
                         60s));
  pg.stop("fast");
  ASSERT_TRUE(eventually([&] { return logged(*first, "lost the PostgreSQL"); }, 60s)) << first->err();
  // The group's next assignment arrives late: after PostgreSQL is back.
  broker.command("delay 1 SyncGroup 1 12000");
  const auto revoked_before = first->err().rfind("partitions revoked");
  second->signal(SIGTERM);
  EXPECT_EQ(second->wait(30s), 0) << second->err();
  ASSERT_TRUE(eventually([&] { return first->err().rfind("partitions revoked") != revoked_before; }, 30s))
      << first->err();
  pg.start();
  ASSERT_TRUE(eventually([&] { return logged(*first, "reconnected to PostgreSQL"); }, 60s)) << first->err();
  produce(broker.bootstrap(), TOPIC, messages("after", 400));
  EXPECT_TRUE(eventually([&] { return caught_up(pg.conninfo(), broker.bootstrap()); }, 90s)) << first->err();
  EXPECT_TRUE(first->running()) << first->err();
  first->signal(SIGTERM);
  EXPECT_EQ(first->wait(30s), 0) << first->err();
  expect_each_offset_once(pg.conninfo(), broker.bootstrap());
}

// Holds the threads of a process that carry `name` stopped (each thread by
// itself, through ptrace; the rest of the process runs on) until destroyed.
class StoppedThreads {
 public:
  StoppedThreads(pid_t pid, const std::string& name) {
    try {
      for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
        std::string comm;
        std::getline(std::ifstream(task.path() / "comm"), comm);
        if (comm != name) continue;
        const auto tid = static_cast<pid_t>(std::stol(task.path().filename().string()));
        if (ptrace(PTRACE_SEIZE, tid, nullptr, nullptr) != 0) throw std::runtime_error("cannot trace thread " + comm);
        tids_.push_back(tid);
        int status = 0;
        if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0 || waitpid(tid, &status, __WALL) != tid) {
          throw std::runtime_error("cannot stop thread " + comm);
        }
      }
      if (tids_.empty()) throw std::runtime_error("no thread " + name + " in process " + std::to_string(pid));
    } catch (...) {
      release();
      throw;
    }
  }
  ~StoppedThreads() { release(); }
  StoppedThreads(const StoppedThreads&) = delete;
  StoppedThreads& operator=(const StoppedThreads&) = delete;

 private:
  void release() {
    for (auto tid : tids_) ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
    tids_.clear();
  }

  std::vector<pid_t> tids_;
};

// A seek to the stored offsets that the Kafka client does not confirm in
// time is tried again, the partitions paused meanwhile; the worker used to
// exit 4 ("Timed out waiting for 4 remaining partition seek(s)", seen once
// after a PostgreSQL restart). librdkafka 2.0's rd_kafka_seek_partitions
// waits its timeout as microseconds (5000 ms are 5 ms), so any moment in
// which the client's main thread, which carries out seeks, does not get to
// run (a loaded machine) fails the seek. Here that thread is held stopped
// while the worker seeks back to a partition's stored offset, which is
// behind its position: the last commits lost, as in a crash with
// synchronous_commit off. (Not through a PostgreSQL restart: pausing the
// partitions while PostgreSQL is away waits for that same thread, and the
// worker would wait there instead of seeking.)
TEST_F(IngestKafkaFaults, ASeekTheKafkaClientDoesNotConfirmInTimeIsRetried) {
  BrokerProcess broker(4);
  auto worker = start_worker(conninfo(), broker.bootstrap());
  produce(broker.bootstrap(), TOPIC, messages("before", 400));
  ASSERT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()); }, 60s)) << worker->err();
  bool seek_failed = false;
  {
    StoppedThreads client_main(worker->pid(), "rdk:main");
    exec("delete from bronze.events where kafka_partition = 0 and kafka_offset >= 10; "
         "update smelt.ingest_offsets set next_offset = 10, last_timestamp_ms = null, last_message_hash = null "
         "where kafka_partition = 0");
    // Logged before the partitions are paused, which waits for the stopped
    // thread. (A worker that gives up waits for it too, closing the client.)
    seek_failed = eventually(
        [&] { return logged(*worker, "cannot seek to the stored offsets") || !worker->running(); }, 30s);
  }
  EXPECT_TRUE(seek_failed) << worker->err();
  produce(broker.bootstrap(), TOPIC, messages("after", 400));
  EXPECT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()) || !worker->running(); }, 60s))
      << worker->err();
  EXPECT_TRUE(worker->running()) << worker->err();
  EXPECT_TRUE(logged(*worker, "seeked to the stored offsets; reading resumed")) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  expect_each_offset_once(conninfo(), broker.bootstrap());
  EXPECT_EQ(scalar("select count(*) from bronze.events"), "800");
}

TEST_F(IngestKafkaFaults, TimedOutOffsetLookupsAreRetried) {
  ControlledBroker broker(4);
  auto first = start_worker(conninfo(), broker.bootstrap());
  produce(broker.bootstrap(), TOPIC, messages("before", 200));
  ASSERT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()); }, 60s)) << first->err();
  // A second worker joins: both look up the offsets of their new partitions.
  broker.command("errors ListOffsets 10 REQUEST_TIMED_OUT");
  auto second = start_worker(conninfo(), broker.bootstrap());
  ASSERT_TRUE(eventually([&] { return logged(*second, "partitions assigned") || !second->running(); }, 60s));
  produce(broker.bootstrap(), TOPIC, messages("after", 200));
  EXPECT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()); }, 60s))
      << first->err() << second->err();
  EXPECT_TRUE(first->running()) << first->err();
  EXPECT_TRUE(second->running()) << second->err();
  EXPECT_TRUE(logged(*first, "REQUEST_TIMED_OUT") || logged(*second, "REQUEST_TIMED_OUT") ||
              logged(*first, "Request timed out") || logged(*second, "Request timed out"))
      << "the fault struck";
  first->signal(SIGTERM);
  second->signal(SIGTERM);
  EXPECT_EQ(first->wait(30s), 0) << first->err();
  EXPECT_EQ(second->wait(30s), 0) << second->err();
  expect_each_offset_once(conninfo(), broker.bootstrap());
}

// A partition never read starts at the first offset of its log, also when a
// lookup of that offset fails. rd_kafka_query_watermark_offsets (which ingest
// once used) sends its two ListOffsets requests at once and pairs the answers
// by arrival: a failed first answer and a good second one handled together
// came back as success with the end offset as the first, and the partition
// started there, its whole log skipped. Here every lookup meets one failed
// answer followed by good ones: two lookups a partition (its first offset,
// then the check of its log), each a chance for that mix-up.
TEST_F(IngestKafkaFaults, FailedOffsetLookupsDoNotSkipTheStartOfANewPartition) {
  constexpr int PARTITIONS = 8;
  ControlledBroker broker(PARTITIONS);
  produce(broker.bootstrap(), TOPIC, messages("m", 400));
  for (int lookup = 0; lookup < 2 * PARTITIONS; ++lookup) {
    broker.command("errors ListOffsets 1 NOT_LEADER_FOR_PARTITION");
    broker.command("errors ListOffsets 3 NO_ERROR");
  }
  // Without Nagle's algorithm the two requests, and their answers, travel back to back.
  auto worker = start_worker(conninfo(), broker.bootstrap(), {"-X", "socket.nagle.disable=true"});
  // Nothing else asks the broker for offsets until the worker has positioned its partitions.
  ASSERT_TRUE(eventually([&] { return logged(*worker, "partitions assigned") || !worker->running(); }, 60s))
      << worker->err();
  EXPECT_TRUE(logged(*worker, "Kafka offset lookup failed; retrying")) << "the fault struck: " << worker->err();
  EXPECT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()) || !worker->running(); }, 60s))
      << worker->err();
  EXPECT_TRUE(worker->running()) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  expect_each_offset_once(conninfo(), broker.bootstrap());
  EXPECT_EQ(scalar("select count(*) from bronze.events"), "400");
}

TEST_F(IngestKafkaFaults, RefusedAuthenticationIsExitFour) {
  ControlledBroker broker(1);
  broker.command("errors SaslHandshake 1000 ILLEGAL_SASL_STATE");
  broker.command("errors SaslAuthenticate 1000 SASL_AUTHENTICATION_FAILED");
  auto worker = start_worker(conninfo(), broker.bootstrap(),
                             {"--idle-exit", "5", "-X", "security.protocol=SASL_PLAINTEXT", "-X",
                              "sasl.mechanisms=PLAIN", "-X", "sasl.username=smelt", "-X", "sasl.password=wrong-secret"},
                             {{"SMELT_INGEST_KAFKA_TIMEOUT", "3"}});
  EXPECT_EQ(worker->wait(60s), 4) << worker->err();
  EXPECT_TRUE(logged(*worker, "AUTHENTICATION")) << worker->err();
  EXPECT_FALSE(logged(*worker, "wrong-secret")) << "the password never reaches the log";
}

TEST_F(IngestKafkaFaults, ABrokerBackWithinTheTimeoutIsWaitedFor) {
  ControlledBroker broker(2);
  auto worker = start_worker(conninfo(), broker.bootstrap(), {}, {{"SMELT_INGEST_KAFKA_TIMEOUT", "20"}});
  produce(broker.bootstrap(), TOPIC, messages("before", 100));
  ASSERT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()); }, 60s)) << worker->err();
  broker.command("down");
  EXPECT_TRUE(eventually([&] { return logged(*worker, "ALL_BROKERS_DOWN"); }, 30s)) << worker->err();
  std::this_thread::sleep_for(3s);  // the outage itself
  broker.command("up");
  produce(broker.bootstrap(), TOPIC, messages("after", 100));
  EXPECT_TRUE(eventually([&] { return caught_up(conninfo(), broker.bootstrap()); }, 60s)) << worker->err();
  EXPECT_TRUE(eventually([&] { return logged(*worker, "Kafka reachable again"); }, 30s)) << worker->err();
  EXPECT_TRUE(worker->running()) << worker->err();
  worker->signal(SIGTERM);
  EXPECT_EQ(worker->wait(30s), 0) << worker->err();
  expect_each_offset_once(conninfo(), broker.bootstrap());
}

TEST_F(IngestKafkaFaults, ARecreatedTopicThatGrewPastTheStoredOffsetsIsExitSix) {
  {
    BrokerProcess old_log(2);
    produce(old_log.bootstrap(), TOPIC, messages("old0", 10), 0);
    produce(old_log.bootstrap(), TOPIC, messages("old1", 10), 1);
    auto worker = start_worker(conninfo(), old_log.bootstrap(), {"--idle-exit", "3"});
    ASSERT_EQ(worker->wait(60s), 0) << worker->err();
    ASSERT_EQ(stored_offsets(conninfo()), (std::map<int, std::int64_t>{{0, 10}, {1, 10}}));
  }
  BrokerProcess new_log(2);  // the topic re-created: offsets restart at 0 and grow past 10
  produce(new_log.bootstrap(), TOPIC, messages("new0", 30), 0);
  produce(new_log.bootstrap(), TOPIC, messages("new1", 30), 1);
  auto worker = start_worker(conninfo(), new_log.bootstrap(), {"--idle-exit", "3"});
  EXPECT_EQ(worker->wait(60s), 6) << worker->err();
  EXPECT_TRUE(logged(*worker, "partition 0:")) << worker->err();
  EXPECT_TRUE(logged(*worker, "partition 1:")) << worker->err();
  EXPECT_TRUE(logged(*worker, "refusing to skip") || logged(*worker, "Refusing to skip")) << worker->err();
  EXPECT_EQ(scalar("select count(*) from bronze.events"), "20") << "nothing of the new log was mixed in";
  EXPECT_EQ(stored_offsets(conninfo()), (std::map<int, std::int64_t>{{0, 10}, {1, 10}}));
}

TEST_F(IngestKafkaFaults, AnEmptyNewLogIsNamedAsEmptyForEveryPartition) {
  {
    BrokerProcess old_log(2);
    produce(old_log.bootstrap(), TOPIC, messages("old0", 5), 0);
    produce(old_log.bootstrap(), TOPIC, messages("old1", 5), 1);
    auto worker = start_worker(conninfo(), old_log.bootstrap(), {"--idle-exit", "3"});
    ASSERT_EQ(worker->wait(60s), 0) << worker->err();
  }
  BrokerProcess empty(2);
  auto worker = start_worker(conninfo(), empty.bootstrap(), {"--idle-exit", "3"});
  EXPECT_EQ(worker->wait(60s), 6) << worker->err();
  EXPECT_FALSE(logged(*worker, "0 to -1")) << worker->err();
  EXPECT_TRUE(logged(*worker, "is empty")) << worker->err();
  EXPECT_TRUE(logged(*worker, "partition 0:")) << worker->err();
  EXPECT_TRUE(logged(*worker, "partition 1:")) << worker->err();
}

TEST_F(IngestKafkaFaults, TheSameLogAfterARestartIsAcceptedAndContinued) {
  BrokerProcess broker(2);
  produce(broker.bootstrap(), TOPIC, messages("a", 50));
  auto first = start_worker(conninfo(), broker.bootstrap(), {"--idle-exit", "3"});
  ASSERT_EQ(first->wait(60s), 0) << first->err();
  EXPECT_EQ(scalar("select count(*) from smelt.ingest_offsets where last_message_hash is not null"), "2");
  produce(broker.bootstrap(), TOPIC, messages("b", 50));
  auto second = start_worker(conninfo(), broker.bootstrap(), {"--idle-exit", "3"});
  ASSERT_EQ(second->wait(60s), 0) << second->err();
  expect_each_offset_once(conninfo(), broker.bootstrap());
  EXPECT_EQ(scalar("select count(*) from bronze.events"), "100");
}

}  // namespace
}  // namespace smelt::testing
