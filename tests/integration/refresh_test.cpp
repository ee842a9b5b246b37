// smelt refresh, scheduler, backfill, check and campaign against a real
// PostgreSQL, driving the smelt binary as users do. Bronze is filled the way
// smelt ingest fills it (smelt.begin_ingest_batch, then COPY, one
// transaction per batch) from files written by smelt generate, without a
// broker, to keep the tests quick.
#include <gtest/gtest.h>
#include <signal.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ingest/copy_text.hpp"
#include "ingest/envelope.hpp"
#include "pg/session.hpp"
#include "sql/embedded.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"

namespace smelt::testing {
namespace {

using namespace std::chrono_literals;

const std::string START_TIME = "2026-11-22T10:00:00Z";
// The events carry fixed times, so the tests pin the moment event-time
// checks and retention measure against (smelt.as_of) to just after them:
// otherwise freshness would fail on every day after the one they name.
const std::string AS_OF = "2026-11-22T10:10:00Z";
const std::vector<std::string> PLATFORMS = {"instagram", "reddit", "tiktok", "x", "youtube"};

// ---- events --------------------------------------------------------------

/// smelt generate's JSON lines for a seed; event_rate spreads them in event time.
std::vector<std::string> generate(const std::string& seed, int count,
                                  const std::string& event_rate = "2800") {
  const auto path = "/tmp/smelt_refresh_test_" + std::to_string(getpid()) + "_" + seed + ".jsonl";
  auto result = run_command({SMELT_BINARY, "generate", "--output", path, "--seed", seed, "--count",
                             std::to_string(count), "--start-time", START_TIME, "--rate", "0", "--event-rate",
                             event_rate, "--log-format", "json"});
  EXPECT_EQ(result.code, 0) << result.err;
  std::vector<std::string> lines;
  std::ifstream in(path, std::ios::binary);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::remove(path.c_str());
  EXPECT_EQ(lines.size(), static_cast<size_t>(count));
  return lines;
}

std::string timestamp_text(std::int64_t micros) {
  const std::time_t seconds = static_cast<std::time_t>(micros / 1'000'000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[48];
  const size_t length = std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &parts);
  std::snprintf(buffer + length, sizeof buffer - length, ".%06lld+00",
                static_cast<long long>(micros % 1'000'000));
  return buffer;
}

/// How load_bronze groups rows into ingest batches.
enum class Batching {
  mixed,         ///< one batch per transaction, rows of every partition (as ingest wrote before merge lanes)
  per_partition  ///< one batch per partition of a transaction, with its time bounds (as ingest writes now)
};

/// Loads lines [begin, end) into bronze.events in transactions of
/// batch_lines lines (as smelt ingest writes them); Kafka coordinates:
/// partition = line index % 4, offset = line index. Returns the batch ids.
std::vector<std::int64_t> load_bronze(const std::string& conninfo, const std::vector<std::string>& lines,
                                      size_t begin, size_t end, size_t batch_lines,
                                      Batching batching = Batching::mixed) {
  pg::Session session(conninfo);
  session.exec(sql::query("queries/ingest/ensure_partitions"));
  ingest::EnvelopeReader reader(1 << 20);
  std::vector<std::int64_t> batches;
  for (size_t first = begin; first < end; first += batch_lines) {
    const size_t last = std::min(end, first + batch_lines);
    // partition (-1: all of them) -> COPY text, rows, oldest and newest observed_at
    struct Rows {
      std::string copy;
      size_t count = 0;
      std::int64_t oldest = INT64_MAX;
      std::int64_t newest = INT64_MIN;
    };
    std::map<int, Rows> groups;
    for (size_t i = first; i < last; ++i) {
      auto verdict = reader.read(lines[i]);
      const auto* envelope = std::get_if<ingest::Envelope>(&verdict);
      if (envelope == nullptr) {
        ADD_FAILURE() << "line " << i << " is not a valid envelope";
        continue;
      }
      const int partition = static_cast<int>(i % 4);
      auto& rows = groups[batching == Batching::mixed ? -1 : partition];
      rows.copy += "smelt.events\t" + std::to_string(partition) + "\t" + std::to_string(i) + "\t\\N\t\\N\t";
      rows.copy += std::string(envelope->source) + "\t" + std::string(envelope->kind) + "\t" +
                   timestamp_text(envelope->observed_at_us) + "\t";
      pg::append_copy_text(rows.copy, lines[i]);
      rows.copy += "\n";
      rows.count += 1;
      rows.oldest = std::min(rows.oldest, envelope->observed_at_us);
      rows.newest = std::max(rows.newest, envelope->observed_at_us);
    }
    session.begin();
    for (const auto& [partition, rows] : groups) {
      const bool mixed = partition < 0;
      const auto element = [&](const std::string& value) { return "{" + (mixed ? "NULL" : '"' + value + '"') + "}"; };
      auto opened = session.exec(
          sql::query("queries/ingest/begin_batches"),
          {std::string("test"), std::string("loader"), element(std::to_string(partition)),
           "{" + std::to_string(rows.count) + "}", "{0}", element(timestamp_text(rows.oldest)),
           element(timestamp_text(rows.newest)), "{NULL}"});
      const std::string batch_id = PQgetvalue(opened.get(), 0, 1);
      batches.push_back(std::stoll(batch_id));
      // Each row names its batch, as smelt ingest's rows do.
      std::string copy;
      std::istringstream lines_in(rows.copy);
      for (std::string row; std::getline(lines_in, row);) copy += batch_id + "\t" + row + "\n";
      session.copy_in(sql::query("queries/ingest/copy_events"), copy);
    }
    session.commit();
  }
  return batches;
}

// ---- log lines -----------------------------------------------------------

/// The last JSON log line whose msg is `message` ("" when none).
std::string log_line(const std::string& log, const std::string& message) {
  std::string found;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"msg\":\"" + message + "\"") != std::string::npos) found = line;
  }
  return found;
}

std::int64_t log_int(const std::string& line, const char* key) {
  simdjson::dom::parser parser;
  std::int64_t value = -1;
  if (line.empty() || parser.parse(line)[key].get_int64().get(value) != simdjson::SUCCESS) {
    ADD_FAILURE() << "no integer " << key << " in: " << line;
  }
  return value;
}

std::string log_text(const std::string& line, const char* key) {
  simdjson::dom::parser parser;
  std::string_view value;
  if (line.empty() || parser.parse(line)[key].get_string().get(value) != simdjson::SUCCESS) {
    ADD_FAILURE() << "no string " << key << " in: " << line;
  }
  return std::string(value);
}

// ---- gold fingerprints ---------------------------------------------------

/// How a gold fingerprint treats columns that do not describe content.
enum class Fingerprint {
  exact,   ///< every column (only mart_freshness.refreshed_at is left out): "nothing moved at all"
  content  ///< no surrogate keys, no updated_at, no mart_freshness: "the same facts", across databases
};

/// md5 of every gold table's rows (sorted), per table.
std::map<std::string, std::string> gold_fingerprint(const std::string& conninfo, Fingerprint kind) {
  pqxx::connection connection(conninfo);
  pqxx::nontransaction tx(connection);
  auto columns = tx.exec(R"(
      select c.relname, string_agg(quote_ident(a.attname), ', ' order by a.attnum)
      from pg_class as c
      join pg_namespace as n on n.oid = c.relnamespace
      join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'gold' and c.relkind in ('r', 'p') and not c.relispartition
        and not (c.relname = 'mart_freshness' and a.attname = 'refreshed_at')
        and ()" + std::string(kind == Fingerprint::exact ? "true" : "false") +
                         R"(
             or (c.relname <> 'mart_freshness' and a.attname <> 'updated_at'
                 and (a.attname not like '%\_key' or a.attname in ('platform_key', 'date_key'))))
      group by c.relname
      order by c.relname)");
  std::map<std::string, std::string> hashes;
  for (const auto& row : columns) {
    const std::string table = row[0].c_str();
    hashes[table] =
        tx.exec(
              "select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) || ':' || count(*) "
              "from (select " +
              std::string(row[1].c_str()) + " from gold." + table + ") as t")[0][0]
            .c_str();
  }
  return hashes;
}

// ---- fixture -------------------------------------------------------------

class RefreshTest : public PgTest {
 protected:
  void SetUp() override {
    setenv("PGOPTIONS", ("-c smelt.as_of=" + AS_OF).c_str(), 1);
    PgTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(conninfo());
  }

  void TearDown() override {
    unsetenv("PGOPTIONS");
    PgTest::TearDown();
  }

  static void migrate(const std::string& conninfo) {
    auto migrated = run_command({SMELT_BINARY, "migrate", "up", "-d", conninfo});
    ASSERT_EQ(migrated.code, 0) << migrated.err;
  }

  RunResult smelt(std::vector<std::string> args, const std::string& database = "") {
    args.insert(args.begin(), SMELT_BINARY);
    args.insert(args.end(), {"-d", database.empty() ? conninfo() : database, "--log-format", "json"});
    return run_command(args);
  }

  /// smelt refresh; fails the test unless it exits 0; returns its summary line.
  std::string refresh() {
    auto result = smelt({"refresh"});
    EXPECT_EQ(result.code, 0) << result.err;
    return log_line(result.err, "refresh finished");
  }

  std::int64_t count(const std::string& query) { return std::stoll(scalar(query)); }

  /// Gold of lines [0, size) loaded as `load_bronze` would and refreshed by
  /// one single-lane `smelt refresh` in a scratch database: what every
  /// interrupted or concurrent way of merging the same bronze must come to.
  std::map<std::string, std::string> one_shot_gold(const std::vector<std::string>& lines, size_t batch_lines,
                                                   Batching batching, const std::string& name);
};

TEST_F(RefreshTest, MergesEveryPendingBatchOnceThenOnlyNewOnes) {
  const auto lines = generate("11", 3000);
  load_bronze(conninfo(), lines, 0, 2000, 200);

  const auto first = refresh();
  EXPECT_EQ(log_int(first, "batches"), 10);
  EXPECT_EQ(log_int(first, "records"), 2000);
  EXPECT_EQ(log_int(first, "decode_errors"), 0);
  EXPECT_EQ(log_text(first, "gold"), "published");
  EXPECT_EQ(count("select count(*) from smelt.refreshed_batches"), 10);
  EXPECT_EQ(count("select count(*) from smelt.pending_batches(1000)"), 0);
  for (const auto& platform : PLATFORMS) {
    EXPECT_GT(count("select count(*) from silver.posts where source = '" + platform + "'"), 0) << platform;
    EXPECT_GT(
        count("select count(*) from gold.fct_posts as f join gold.dim_platform as p using (platform_key) "
              "where p.platform = '" +
              platform + "'"),
        0)
        << platform;
    EXPECT_GT(count("select count(*) from gold.mart_hourly_activity where platform = '" + platform + "'"), 0)
        << platform;
  }
  EXPECT_GT(count("select count(*) from silver.comments"), 0);
  EXPECT_GT(count("select count(*) from silver.users"), 0);
  EXPECT_GT(count("select count(*) from gold.mart_engagement_minute"), 0);
  EXPECT_EQ(count("select count(*) from gold.fct_posts"), count("select count(*) from silver.posts"))
      << "every silver post reached gold";
  EXPECT_LE(count("select count(*) from silver.posts"), 2000);
  EXPECT_EQ(scalar("select count(*) = 0 from gold.mart_freshness where complete_through is null"), "t");
  EXPECT_EQ(count("select sum(rows) from smelt.refresh_runs where model = 'decode'"), 2000)
      << "each event decoded once";

  const auto idle = refresh();
  EXPECT_EQ(log_int(idle, "batches"), 0);
  EXPECT_EQ(log_int(idle, "records"), 0);
  EXPECT_EQ(log_text(idle, "gold"), "published");

  const auto added = load_bronze(conninfo(), lines, 2000, 3000, 200);
  const auto next = refresh();
  EXPECT_EQ(log_int(next, "batches"), 5);
  EXPECT_EQ(log_int(next, "records"), 1000);
  EXPECT_EQ(scalar("select string_agg(batch_id::text, ',' order by batch_id) from smelt.refreshed_batches "
                   "where run_id = '" +
                   log_text(next, "run_id") + "'"),
            std::to_string(added.front()) + "," + std::to_string(added[1]) + "," + std::to_string(added[2]) +
                "," + std::to_string(added[3]) + "," + std::to_string(added[4]));
  EXPECT_EQ(count("select sum(rows) from smelt.refresh_runs where model = 'decode'"), 3000);
  EXPECT_EQ(count("select count(*) from gold.fct_posts"), count("select count(*) from silver.posts"));
}

TEST_F(RefreshTest, DecodeErrorsAreCountedSampledAndRecorded) {
  const auto lines = generate("12", 50);
  std::vector<std::string> with_bad = lines;
  // A valid envelope (ingest stores it) whose X payload has no id: decoding yields no row.
  with_bad.push_back(R"({"source":"x","kind":"post","observed_at":"2026-11-22T10:00:01.000Z",)"
                     R"("payload":{"text":"no id here","created_at":"2026-11-22T10:00:00.000Z"}})");
  load_bronze(conninfo(), with_bad, 0, with_bad.size(), 100);
  auto result = smelt({"refresh"});
  ASSERT_EQ(result.code, 0) << result.err;
  const auto summary = log_line(result.err, "refresh finished");
  EXPECT_EQ(log_int(summary, "records"), 51);
  EXPECT_EQ(log_int(summary, "decode_errors"), 1);
  EXPECT_EQ(log_text(summary, "error_reasons"), "missing_id:1");
  const auto sample = log_line(result.err, "event yielded no row");
  EXPECT_EQ(log_text(sample, "reason"), "missing_id");
  EXPECT_EQ(log_int(sample, "kafka_offset"), 50);
  EXPECT_EQ(scalar("select error from smelt.refresh_runs where model = 'decode'").substr(0, 32),
            "1 decode errors (missing_id:1); ");
}

TEST_F(RefreshTest, ConcurrentRefreshersDecodeEachBatchOnce) {
  const auto lines = generate("13", 3000);
  load_bronze(conninfo(), lines, 0, 3000, 100);
  std::vector<std::string> args = {
      SMELT_BINARY, "refresh", "-d", conninfo(), "--batches-per-transaction", "2", "--log-format", "json"};
  Process one(args);
  Process two(args);
  ASSERT_EQ(one.wait(120s), 0) << one.err();
  ASSERT_EQ(two.wait(120s), 0) << two.err();
  const auto first = log_line(one.err(), "refresh finished");
  const auto second = log_line(two.err(), "refresh finished");
  EXPECT_EQ(log_int(first, "batches") + log_int(second, "batches"), 30);
  EXPECT_EQ(log_int(first, "records") + log_int(second, "records"), 3000);
  EXPECT_EQ(count("select count(*) from smelt.refreshed_batches"), 30);
  EXPECT_EQ(count("select sum(rows) from smelt.refresh_runs where model = 'decode'"), 3000)
      << "no batch was decoded by both";
  EXPECT_EQ(count("select count(*) from gold.fct_posts"), count("select count(*) from silver.posts"));
}

/// A scratch database next to the test's own, migrated; dropped with drop_scratch().
std::string scratch_database(const std::string& admin, const std::string& name) {
  {
    pqxx::connection connection(admin);
    pqxx::nontransaction tx(connection);
    tx.exec("drop database if exists " + name + " with (force)");
    tx.exec("create database " + name);
  }
  const std::string conninfo = admin + " dbname=" + name;
  auto migrated = run_command({SMELT_BINARY, "migrate", "up", "-d", conninfo});
  EXPECT_EQ(migrated.code, 0) << migrated.err;
  return conninfo;
}

void drop_scratch(const std::string& admin, const std::string& name) {
  pqxx::connection connection(admin);
  pqxx::nontransaction tx(connection);
  tx.exec("drop database if exists " + name + " with (force)");
}

/// Log lines (JSON) whose msg is `message` and whose text contains `needle`.
int count_lines(const std::string& log, const std::string& message, const std::string& needle) {
  int found = 0;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"msg\":\"" + message + "\"") != std::string::npos && line.find(needle) != std::string::npos) {
      ++found;
    }
  }
  return found;
}

std::map<std::string, std::string> RefreshTest::one_shot_gold(const std::vector<std::string>& lines,
                                                             size_t batch_lines, Batching batching,
                                                             const std::string& name) {
  const std::string other = "smelt_test_" + name + "_" + std::to_string(getpid());
  const auto other_conninfo = scratch_database(admin_conninfo(), other);
  load_bronze(other_conninfo, lines, 0, lines.size(), batch_lines, batching);
  auto straight = smelt({"refresh", "--lanes", "1"}, other_conninfo);
  EXPECT_EQ(straight.code, 0) << straight.err;
  auto gold = gold_fingerprint(other_conninfo, Fingerprint::content);
  drop_scratch(admin_conninfo(), other);
  return gold;
}

TEST_F(RefreshTest, MergeLanesSplitThePartitionsAndEqualOneLane) {
  const auto lines = generate("21", 4000);
  const auto batches = load_bronze(conninfo(), lines, 0, lines.size(), 400, Batching::per_partition);
  ASSERT_EQ(batches.size(), 40u) << "one batch per partition of each transaction";
  EXPECT_EQ(count("select count(distinct kafka_partition) from smelt.ingest_batches"), 4);

  auto lanes = smelt({"refresh", "--lanes", "2", "--batches-per-transaction", "3", "--log-level", "debug"});
  ASSERT_EQ(lanes.code, 0) << lanes.err;
  const auto summary = log_line(lanes.err, "refresh finished");
  EXPECT_EQ(log_int(summary, "batches"), 40);
  EXPECT_EQ(log_int(summary, "records"), 4000);
  EXPECT_EQ(log_text(summary, "gold"), "published");
  EXPECT_GT(count_lines(lanes.err, "batches merged", "\"lane\":1"), 0) << lanes.err;
  EXPECT_GT(count_lines(lanes.err, "batches merged", "\"lane\":2"), 0) << "both lanes merged batches";
  EXPECT_EQ(count("select sum(rows) from smelt.refresh_runs where model = 'decode'"), 4000)
      << "no batch was decoded twice";
  EXPECT_EQ(count("select count(*) from smelt.pending_batches(1000)"), 0);
  const auto parallel = gold_fingerprint(conninfo(), Fingerprint::content);

  // The same bronze merged by one lane gives the same gold.
  EXPECT_EQ(parallel, one_shot_gold(lines, 400, Batching::per_partition, "lanes"))
      << "two lanes build the same gold as one";
}

TEST_F(RefreshTest, LanesFindTheBacklogsMonthlyPartitionsMadeBeforeTheyStart) {
  // A backlog observed in a month without partitions (the generator's fixed
  // start time): the partitions are created before the lanes start, not by
  // one lane inside its merge while the others wait on the parent table.
  const auto lines = generate("23", 800);
  load_bronze(conninfo(), lines, 0, lines.size(), 100, Batching::per_partition);
  ASSERT_EQ(count("select count(*) from pg_class where relname = 'post_observations_2026_11'"), 0);

  auto lanes = smelt({"refresh", "--lanes", "2", "--log-level", "debug"});
  ASSERT_EQ(lanes.code, 0) << lanes.err;
  const auto created = lanes.err.find("\"msg\":\"partitions created\"");
  const auto merged = lanes.err.find("\"msg\":\"batches merged\"");
  ASSERT_NE(created, std::string::npos) << lanes.err;
  ASSERT_NE(merged, std::string::npos) << lanes.err;
  EXPECT_LT(created, merged) << "the partitions exist before the first merge: " << lanes.err;
  EXPECT_EQ(log_int(log_line(lanes.err, "partitions created"), "records"), 3)
      << "silver.post_observations, silver.user_history and gold.fct_engagement_minute for November";
  EXPECT_EQ(count("select count(*) from silver.post_observations_default"), 0);
  EXPECT_EQ(count("select count(*) from gold.fct_engagement_minute_default"), 0);
  EXPECT_EQ(log_text(log_line(lanes.err, "refresh finished"), "gold"), "published");
}

TEST_F(RefreshTest, BatchesWithoutAPartitionAreMergedByTheFirstLane) {
  // Batches ingested before merge lanes hold rows of several partitions.
  const auto lines = generate("22", 1200);
  load_bronze(conninfo(), lines, 0, 600, 200, Batching::mixed);
  load_bronze(conninfo(), lines, 600, 1200, 200, Batching::per_partition);
  auto result = smelt({"refresh", "--lanes", "3"});
  ASSERT_EQ(result.code, 0) << result.err;
  const auto summary = log_line(result.err, "refresh finished");
  EXPECT_EQ(log_int(summary, "batches"), 3 + 12);
  EXPECT_EQ(log_int(summary, "records"), 1200);
  EXPECT_EQ(count("select count(*) from smelt.pending_batches(1000)"), 0);
}

TEST_F(RefreshTest, LanesKilledMidMergeLoseNothingAndDoubleNothing) {
  const auto lines = generate("23", 6000);
  load_bronze(conninfo(), lines, 0, lines.size(), 100, Batching::per_partition);  // 240 batches
  // Killed while both lanes merge, one small transaction after another.
  for (int round = 0; round < 3; ++round) {
    const auto merged_before = count("select count(*) from smelt.refreshed_batches");
    Process refresher({SMELT_BINARY, "refresh", "-d", conninfo(), "--lanes", "2", "--batches-per-transaction", "1",
                       "--log-format", "json"});
    ASSERT_TRUE(eventually(
        [&] { return count("select count(*) from smelt.refreshed_batches") >= merged_before + 8; }, 120s))
        << refresher.err();
    refresher.signal(SIGKILL);
    ASSERT_EQ(refresher.wait(30s), 128 + SIGKILL);
  }
  ASSERT_LT(count("select count(*) from smelt.refreshed_batches"), 240) << "the kills came before the end";
  refresh();
  EXPECT_EQ(count("select count(*) from smelt.refreshed_batches"), 240);
  EXPECT_EQ(count("select sum(rows) from smelt.refresh_runs where model = 'decode'"), 6000)
      << "what a killed transaction decoded was rolled back with it";
  const auto interrupted = gold_fingerprint(conninfo(), Fingerprint::content);
  EXPECT_EQ(interrupted, one_shot_gold(lines, 100, Batching::per_partition, "lanes_kill"))
      << "gold equals the uninterrupted run";
}

TEST_F(RefreshTest, SchedulerFollowsIngestWithinSecondsAndStopsOnSigterm) {
  const auto lines = generate("14", 3000);
  load_bronze(conninfo(), lines, 0, 1000, 250);
  // A timer that never fires during the test: only ingest's notifications
  // can make the scheduler follow. The waits are bounds for a failure, not
  // expectations of speed (the latency is printed, not asserted).
  Process scheduler({SMELT_BINARY, "scheduler", "-d", conninfo(), "--interval", "86400", "--min-interval-ms",
                     "100", "--progress-interval", "1", "--log-format", "json"});
  auto merged = [&](std::int64_t batches) {
    return scalar("select count(*) from smelt.refreshed_batches") == std::to_string(batches) &&
           scalar("select (select count(*) from gold.fct_posts) = (select count(*) from silver.posts)") ==
               "t";
  };
  ASSERT_TRUE(eventually([&] { return merged(4); }, 300s)) << scheduler.err();
  const auto posts_before = count("select count(*) from gold.fct_posts");

  const auto started = std::chrono::steady_clock::now();
  load_bronze(conninfo(), lines, 1000, 1500, 500);
  ASSERT_TRUE(eventually([&] { return merged(5); }, 300s)) << scheduler.err();
  const auto latency = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_GT(count("select count(*) from gold.fct_posts"), posts_before);
  RecordProperty("ingest_to_gold_s", std::to_string(latency));
  std::cout << "ingest commit to gold: " << latency << " s\n";

  // A lost connection is re-opened and the daemon goes on following.
  exec(
      "select pg_terminate_backend(pid) from pg_stat_activity "
      "where datname = current_database() and pid <> pg_backend_pid()");
  ASSERT_TRUE(eventually([&] { return !log_line(scheduler.err(), "reconnected to PostgreSQL").empty(); }, 300s))
      << scheduler.err();
  load_bronze(conninfo(), lines, 1500, 2000, 500);
  ASSERT_TRUE(eventually([&] { return merged(6); }, 300s)) << scheduler.err();
  EXPECT_TRUE(scheduler.running());

  // Progress lines keep coming; the first one written after everything was
  // merged reports nothing pending (earlier ones may predate the last batch).
  const size_t merged_at = scheduler.err().size();
  auto progress_after_merge = [&] { return log_line(scheduler.err().substr(merged_at), "scheduler progress"); };
  ASSERT_TRUE(eventually([&] { return !progress_after_merge().empty(); }, 300s)) << scheduler.err();
  const auto progress = progress_after_merge();
  EXPECT_EQ(log_text(progress, "gold"), "published") << progress;
  EXPECT_EQ(log_int(progress, "pending_batches"), 0) << progress;

  scheduler.signal(SIGTERM);
  EXPECT_EQ(scheduler.wait(10s), 0) << scheduler.err();
  const auto stopped = log_line(scheduler.err(), "scheduler stopped");
  EXPECT_EQ(log_int(stopped, "records"), 2000) << stopped;
}

// A cancel (pg_cancel_backend, statement_timeout) can land on any statement
// of a merge lane, its BEGIN included; PostgreSQL ignores one that reaches an
// idle session, so the lanes' sessions are hammered while they poll an empty
// queue. Every cancel is an interrupted cycle that runs again, never an exit.
TEST_F(RefreshTest, SchedulerRunsOnWhileItsLanesStatementsAreCancelled) {
  Process scheduler({SMELT_BINARY, "scheduler", "-d", conninfo(), "--lanes", "2", "--retention-days", "0",
                     "--interval", "0.1", "--min-interval-ms", "0", "--db-retry", "0", "--log-format", "json"});
  const std::string lane_sessions =
      "from pg_stat_activity where application_name like 'smelt scheduler lane %' "
      "and datname = current_database()";
  ASSERT_TRUE(eventually([&] { return count("select count(*) " + lane_sessions) == 2; }, 60s)) << scheduler.err();
  pqxx::connection canceller(conninfo());
  pqxx::nontransaction hammer(canceller);
  const std::string cancelled = "a refresh statement was cancelled or lost a conflict; running the cycle again";
  // How many cancels land depends on the machine's speed; the deadline only
  // bounds a failure.
  const auto deadline = std::chrono::steady_clock::now() + 300s;
  while (std::chrono::steady_clock::now() < deadline && scheduler.running() &&
         count_lines(scheduler.err(), cancelled, "") < 200) {
    hammer.exec("do $$ begin for i in 1..500 loop perform pg_cancel_backend(pid) " + lane_sessions +
                "; end loop; end $$");
  }
  ASSERT_TRUE(scheduler.running()) << scheduler.err();
  EXPECT_GE(count_lines(scheduler.err(), cancelled, "canceling statement"), 200) << scheduler.err();
  scheduler.signal(SIGTERM);
  EXPECT_EQ(scheduler.wait(60s), 0) << scheduler.err();
}

// A lane whose merge is cancelled stops on the failure; the scheduler runs
// the cycle again at once, whenever its next gold refresh is due (here: not
// for a day), and everything pending is merged and published.
TEST_F(RefreshTest, ALaneCancelledMidMergeIsStartedAgainAtOnce) {
  const auto lines = generate("14", 1000);
  load_bronze(conninfo(), lines, 0, 1000, 250);
  // Every merge takes this lock shared (a backfill takes it exclusively):
  // held here, the lanes' merges wait on it. No retention: it takes it too.
  pqxx::connection holder(conninfo());
  pqxx::nontransaction hold(holder);
  hold.exec("select pg_advisory_lock(hashtext('smelt.merge_decoded'))");
  Process scheduler({SMELT_BINARY, "scheduler", "-d", conninfo(), "--interval", "86400", "--min-interval-ms", "100",
                     "--lanes", "2", "--retention-days", "0", "--log-format", "json"});
  const std::string waiting_lanes =
      "from pg_stat_activity where application_name like 'smelt scheduler lane %' "
      "and datname = current_database() and wait_event_type = 'Lock'";
  ASSERT_TRUE(eventually([&] { return count("select count(*) " + waiting_lanes) > 0; }, 120s)) << scheduler.err();
  exec("select pg_cancel_backend(pid) " + waiting_lanes);
  const std::string cancelled = "a refresh statement was cancelled or lost a conflict; running the cycle again";
  ASSERT_TRUE(eventually([&] { return count_lines(scheduler.err(), cancelled, "canceling statement") > 0; }, 120s))
      << scheduler.err();
  hold.exec("select pg_advisory_unlock(hashtext('smelt.merge_decoded'))");
  ASSERT_TRUE(eventually(
      [&] {
        return count("select count(*) from smelt.refreshed_batches") == 4 &&
               count("select count(*) from gold.fct_posts") == count("select count(*) from silver.posts");
      },
      120s))
      << scheduler.err();
  EXPECT_GT(count("select count(*) from gold.fct_posts"), 0);
  scheduler.signal(SIGTERM);
  EXPECT_EQ(scheduler.wait(60s), 0) << scheduler.err();
}

// --merge-gap-ms: while a lane keeps up, batches that arrive soon after its
// last merge started wait for the gap, so merges come fewer and larger; a
// merge that took a full transaction's worth (a backlog) is followed at once.
// The gap (10 minutes) is far longer than either phase needs, so the waits
// below are bounds for a failure, not expectations of speed.
TEST_F(RefreshTest, MergeGapGathersBatchesButNeverHoldsBackABacklog) {
  const auto lines = generate("16", 2000);
  const std::string merged = "select count(*) from smelt.refreshed_batches";
  const std::string publishes = "select count(*) from smelt.refresh_runs where model = 'gold' and status = 'ok'";
  load_bronze(conninfo(), lines, 0, 500, 250);
  {
    Process scheduler({SMELT_BINARY, "scheduler", "-d", conninfo(), "--lanes", "1", "--merge-gap-ms", "600000",
                       "--interval", "0.5", "--min-interval-ms", "0", "--retention-days", "0", "--log-format",
                       "json"});
    // The first merge is not held back: no merge started before it.
    ASSERT_TRUE(eventually([&] { return count(merged) == 2; }, 300s)) << scheduler.err();
    load_bronze(conninfo(), lines, 500, 1000, 250);
    // The lane looks every 0.5 s and is notified, gold publishes every
    // 0.5 s: three publishes later the new batches are still waiting.
    const auto published = count(publishes);
    ASSERT_TRUE(eventually([&] { return count(publishes) >= published + 3; }, 300s)) << scheduler.err();
    EXPECT_EQ(count(merged), 2) << "batches arriving within the gap wait for it";
    scheduler.signal(SIGTERM);
    ASSERT_EQ(scheduler.wait(60s), 0) << scheduler.err();
  }
  // One batch per transaction: every merge is a full one, so the lane goes
  // on at once and the two waiting batches and two more are merged well
  // within one gap.
  load_bronze(conninfo(), lines, 1000, 1500, 250);
  Process scheduler({SMELT_BINARY, "scheduler", "-d", conninfo(), "--lanes", "1", "--merge-gap-ms", "600000",
                     "--batches-per-transaction", "1", "--interval", "0.5", "--retention-days", "0",
                     "--log-format", "json"});
  ASSERT_TRUE(eventually([&] { return !log_line(scheduler.err(), "scheduler started").empty(); }, 300s))
      << scheduler.err();
  ASSERT_TRUE(eventually([&] { return count(merged) == 6; }, 300s))
      << "a backlog is merged without waiting for the gap: " << scheduler.err();
  ASSERT_TRUE(eventually(
      [&] { return count("select count(*) from gold.fct_posts") == count("select count(*) from silver.posts"); },
      300s))
      << scheduler.err();
  scheduler.signal(SIGTERM);
  EXPECT_EQ(scheduler.wait(60s), 0) << scheduler.err();
}

// Input beyond what the merges can take, at its extreme: one Kafka
// partition's batches cannot be merged at all (a session holds its merge
// lock). Gold does not wait for them: it keeps publishing what the other
// lanes merge, cycle after cycle, and the scheduler warns that gold lags.
// Once the lock goes, everything is merged and gold equals a one-shot run.
TEST_F(RefreshTest, SchedulerPublishesGoldWhileMergesAreStuck) {
  const auto lines = generate("15", 4000, "50");
  load_bronze(conninfo(), lines, 0, 2000, 200, Batching::per_partition);  // 40 batches, 10 per partition
  pqxx::connection blocker(conninfo());
  pqxx::nontransaction lock(blocker);
  lock.exec("select pg_advisory_lock(hashtext('smelt.merge_partition'), 1)");

  // Two lanes: lane 2 takes partitions 1 and 3 and sticks at partition 1.
  // No retention: it takes the merge lock exclusively, so it would wait for
  // the stuck merge (as it waits for any merge under way) and the other
  // lane's merges would queue behind it.
  Process scheduler({SMELT_BINARY, "scheduler", "-d", conninfo(), "--lanes", "2", "--retention-days", "0",
                     "--interval", "1",
                     "--min-interval-ms", "0", "--batches-per-transaction", "1", "--progress-interval", "0.5",
                     "--freshness-sla", "1", "--log-format", "json"});
  // More input arrives while it works.
  load_bronze(conninfo(), lines, 2000, 4000, 200, Batching::per_partition);
  const std::string unmerged_of_lane_one =
      "select count(*) from smelt.ingest_batches as b where b.kafka_partition in (0, 2) "
      "and not exists (select from smelt.refreshed_batches as r where r.batch_id = b.batch_id)";
  ASSERT_TRUE(eventually([&] { return count(unmerged_of_lane_one) == 0; }, 300s)) << scheduler.err();

  // Gold goes on publishing, and publishes what lane 1 merged, while
  // partition 1 stays pending.
  const std::string publishes = "select count(*) from smelt.refresh_runs where model = 'gold' and status = 'ok'";
  const auto published_before = count(publishes);
  ASSERT_TRUE(eventually([&] { return count(publishes) >= published_before + 3; }, 300s)) << scheduler.err();
  EXPECT_GT(count("select count(*) from smelt.ingest_batches as b where b.kafka_partition = 1 "
                  "and not exists (select from smelt.refreshed_batches as r where r.batch_id = b.batch_id)"),
            0)
      << "partition 1 was never merged while its lock was held";
  EXPECT_GT(count("select count(*) from gold.fct_posts"), 0);
  EXPECT_EQ(count("select count(*) from gold.fct_posts"), count("select count(*) from silver.posts"))
      << "gold holds every post merged so far";
  EXPECT_TRUE(scheduler.running()) << scheduler.err();
  ASSERT_TRUE(eventually(
      [&] {
        return !log_line(scheduler.err(), "gold lags the newest event by more than the freshness target").empty();
      },
      300s))
      << scheduler.err();
  EXPECT_NE(log_line(scheduler.err(), "refresh finished"), "") << scheduler.err();

  // The lock goes: the stuck lane merges the rest, and gold catches up.
  lock.exec("select pg_advisory_unlock(hashtext('smelt.merge_partition'), 1)");
  ASSERT_TRUE(eventually([&] { return count("select count(*) from smelt.pending_batches(1000)") == 0; }, 300s))
      << scheduler.err();
  ASSERT_TRUE(eventually(
      [&] {
        return count("select (select count(*) from smelt.dirty_posts) + (select count(*) from smelt.dirty_comments) "
                     "+ (select count(*) from smelt.dirty_users)") == 0;
      },
      300s))
      << "gold claimed every change: " << scheduler.err();
  scheduler.signal(SIGTERM);
  ASSERT_EQ(scheduler.wait(60s), 0) << scheduler.err();
  const auto stopped = log_line(scheduler.err(), "scheduler stopped");
  EXPECT_EQ(log_int(stopped, "records"), 4000) << stopped;
  EXPECT_EQ(count("select sum(rows) from smelt.refresh_runs where model = 'decode'"), 4000)
      << "no batch was decoded twice";
  EXPECT_EQ(gold_fingerprint(conninfo(), Fingerprint::content),
            one_shot_gold(lines, 200, Batching::per_partition, "stuck_lane"))
      << "gold equals a one-shot refresh of the same bronze";
}

TEST_F(RefreshTest, BackfillTwiceChangesNothingAndEqualsTheLiveResult) {
  // About 100 minutes of event time, so the backfill runs in several chunks.
  const auto lines = generate("15", 3000, "0.5");
  load_bronze(conninfo(), lines, 0, lines.size(), 200);
  refresh();
  const auto live = gold_fingerprint(conninfo(), Fingerprint::content);
  // Two UTC days: gold is refreshed a day at a time.
  const std::vector<std::string> range = {
      "backfill", "--from", "2026-11-21T23:00:00Z", "--to", "2026-11-22T12:00:00Z", "--chunk-events", "800"};

  auto first = smelt(range);
  ASSERT_EQ(first.code, 0) << first.err;
  const auto done = log_line(first.err, "backfill finished");
  EXPECT_EQ(log_int(done, "records"), 3000);
  EXPECT_GE(log_int(done, "chunks"), 4);
  EXPECT_EQ(log_int(done, "days"), 2) << first.err;
  EXPECT_EQ(log_text(done, "gold"), "published");
  EXPECT_NE(log_line(first.err, "backfill progress"), "");
  EXPECT_NE(log_line(first.err, "backfill gold progress"), "");
  EXPECT_EQ(gold_fingerprint(conninfo(), Fingerprint::content), live)
      << "a backfill over live data changes no fact";

  const auto before = gold_fingerprint(conninfo(), Fingerprint::exact);
  auto second = smelt(range);
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_EQ(gold_fingerprint(conninfo(), Fingerprint::exact), before) << "the second backfill moved nothing";
  auto silver_only = smelt(
      {"backfill", "--models", "silver", "--from", "2026-11-22T09:00:00Z", "--to", "2026-11-22T12:00:00Z"});
  ASSERT_EQ(silver_only.code, 0) << silver_only.err;
  const auto merged = log_line(silver_only.err, "backfill finished");
  EXPECT_EQ(log_int(merged, "records"), 3000);
  EXPECT_EQ(log_int(merged, "days"), 0);
  EXPECT_EQ(log_text(merged, "gold"), "skipped");
  EXPECT_EQ(count("select count(*) from smelt.dirty_posts"), 0) << "re-merging known rows marks nothing";

  // Another database with the same bronze, never refreshed live: the
  // backfill alone builds the same gold.
  const std::string other = "smelt_test_backfill_" + std::to_string(getpid());
  {
    pqxx::connection admin(admin_conninfo());
    pqxx::nontransaction tx(admin);
    tx.exec("drop database if exists " + other);
    tx.exec("create database " + other);
  }
  const std::string other_conninfo = admin_conninfo() + " dbname=" + other;
  migrate(other_conninfo);
  load_bronze(other_conninfo, lines, 0, lines.size(), 200);
  auto alone = smelt(range, other_conninfo);
  EXPECT_EQ(alone.code, 0) << alone.err;
  const auto rebuilt = gold_fingerprint(other_conninfo, Fingerprint::content);
  {
    pqxx::connection admin(admin_conninfo());
    pqxx::nontransaction tx(admin);
    tx.exec("drop database if exists " + other + " with (force)");
  }
  EXPECT_EQ(rebuilt, live) << "backfill equals the live result";
}

TEST_F(RefreshTest, BackfillRescoreReplacesSentimentOfAnotherModel) {
  const auto lines = generate("16", 1000);
  load_bronze(conninfo(), lines, 0, lines.size(), 500);
  refresh();
  exec("create table public.models_before as select source, post_id, sentiment_model from silver.posts");
  EXPECT_GT(count("select count(distinct sentiment_model) from silver.posts"), 1) << "several languages";
  // An upgrade of the Spanish lexicon: only Spanish posts carry another model.
  exec(
      "update silver.posts set sentiment_model = 'old-model/0', sentiment_compound = 0.999 "
      "where sentiment_compound is not null and language = 'es'");
  ASSERT_GT(count("select count(*) from silver.posts where sentiment_model = 'old-model/0'"), 0);
  const auto before = scalar("select max(updated_at) from silver.posts");
  auto result =
      smelt({"backfill", "--from", "2026-11-22T09:00:00Z", "--to", "2026-11-22T12:00:00Z", "--rescore"});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(count("select count(*) from silver.posts where sentiment_model = 'old-model/0'"), 0);
  EXPECT_EQ(count("select count(*) from silver.posts as p join public.models_before as m using (source, post_id) "
                  "where p.sentiment_model is distinct from m.sentiment_model"),
            0);
  EXPECT_EQ(count("select count(*) from gold.dim_post where sentiment_compound = 0.999"), 0);
  // Exactly the stale posts were rewritten: the others keep their row.
  EXPECT_EQ(count("select count(*) from silver.posts where updated_at > '" + before + "' and language <> 'es'"), 0);
}

TEST_F(RefreshTest, BackfillRejectsBadRangesAndModels) {
  auto unreadable = smelt({"backfill", "--from", "yesterday-ish", "--to", "2026-11-23"});
  EXPECT_EQ(unreadable.code, 2) << unreadable.err;
  EXPECT_NE(unreadable.err.find("--from"), std::string::npos) << unreadable.err;
  auto empty = smelt({"backfill", "--from", "2026-11-23", "--to", "2026-11-22"});
  EXPECT_EQ(empty.code, 2) << empty.err;
  auto models =
      smelt({"backfill", "--from", "2026-11-22", "--to", "2026-11-23", "--models", "mart_hashtag_daily"});
  EXPECT_EQ(models.code, 2) << models.err;
  EXPECT_NE(models.err.find("choose all, silver or gold"), std::string::npos) << models.err;
}

TEST_F(RefreshTest, CheckFailsOnBrokenSilverAndNamesTheCheck) {
  const auto lines = generate("17", 1500);
  load_bronze(conninfo(), lines, 0, 1000, 500);
  refresh();
  auto clean = smelt({"check"});
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("silver_post_hashtags_key"), std::string::npos) << clean.out;
  EXPECT_EQ(clean.out.find("FAIL"), std::string::npos) << clean.out;

  // A duplicate key in silver, as a broken merge would leave it.
  exec(
      "insert into silver.post_hashtags select * from silver.post_hashtags "
      "where ctid = (select min(ctid) from silver.post_hashtags)");
  auto broken = smelt({"check"});
  EXPECT_EQ(broken.code, 1) << broken.out << broken.err;
  const auto first_line = broken.out.substr(broken.out.find('\n', broken.out.find('\n') + 1) + 1);
  EXPECT_EQ(first_line.rfind("silver_post_hashtags_key", 0), 0U) << "failures first:\n" << broken.out;
  EXPECT_NE(first_line.find("FAIL    1"), std::string::npos) << broken.out;
  EXPECT_NE(broken.err.find("silver_post_hashtags_key"), std::string::npos) << broken.err;
  EXPECT_EQ(count("select count(*) from smelt.check_results where status = 'fail' "
                  "and check_name = 'silver_post_hashtags_key' and scope = 'full'"),
            1);

  auto warnings = smelt({"check", "--severity", "warn"});
  EXPECT_EQ(warnings.code, 0) << warnings.out << warnings.err;
  EXPECT_EQ(warnings.out.find("silver_post_hashtags_key"), std::string::npos) << warnings.out;

  // The next refresh checks that post (the silver triggers marked it dirty):
  // it merges the new batches into silver but keeps gold back.
  load_bronze(conninfo(), lines, 1000, 1500, 500);
  auto blocked = smelt({"refresh"});
  EXPECT_EQ(blocked.code, 1) << blocked.err;
  EXPECT_EQ(log_text(log_line(blocked.err, "refresh finished"), "gold"), "blocked") << blocked.err;
  EXPECT_NE(blocked.err.find("silver_post_hashtags_key"), std::string::npos) << blocked.err;
  EXPECT_EQ(count("select count(*) from smelt.pending_batches(100)"), 0) << "silver is merged all the same";
}

TEST_F(RefreshTest, CampaignRoundTripAndBackfillCountsPastPosts) {
  const auto lines = generate("18", 3000);
  load_bronze(conninfo(), lines, 0, lines.size(), 500);
  refresh();
  const auto tag =
      scalar("select hashtag from silver.post_hashtags group by 1 order by count(*) desc, 1 limit 1");
  ASSERT_FALSE(tag.empty());
  const auto tagged = [&](const std::string& from, const std::string& to) {
    return count("select count(distinct (source, post_id)) from silver.post_hashtags where hashtag = '" +
                 tag + "' and created_at >= '" + from + "' and created_at < '" + to + "'");
  };
  const std::string day = "2026-11-22T00:00:00Z";
  const std::string next_day = "2026-11-23T00:00:00Z";
  ASSERT_GT(tagged(day, next_day), 0);

  auto added = smelt({"campaign", "add", "promo", "--brand", "acme", "--hashtag", "#" + tag, "--keyword",
                      "zzz-unused-phrase", "--starts", day});
  ASSERT_EQ(added.code, 0) << added.err;
  EXPECT_NE(added.out.find("smelt backfill --models gold --from '2026-11-22 00:00:00+00' --to now"),
            std::string::npos)
      << added.out;
  auto again = smelt({"campaign", "add", "promo", "--brand", "acme", "--hashtag", "other"});
  EXPECT_EQ(again.code, 1) << again.err;
  EXPECT_NE(again.err.find("exists already"), std::string::npos) << again.err;
  auto no_rules = smelt({"campaign", "add", "empty", "--brand", "acme"});
  EXPECT_EQ(no_rules.code, 2) << no_rules.err;

  auto listed = smelt({"campaign", "list"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_NE(listed.out.find("promo"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("#" + tag), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("zzz-unused-phrase"), std::string::npos) << listed.out;
  EXPECT_EQ(count("select count(*) from gold.mart_campaign_daily where campaign = 'promo'"), 0)
      << "past posts do not count before a backfill";

  // Silver already holds the posts: recomputing gold is enough.
  auto backfill = smelt({"backfill", "--models", "gold", "--from", day, "--to", next_day});
  ASSERT_EQ(backfill.code, 0) << backfill.err;
  EXPECT_EQ(count("select coalesce(sum(posts), 0) from gold.mart_campaign_daily where campaign = 'promo'"),
            tagged(day, next_day));
  EXPECT_EQ(count("select count(*) from silver.campaign_posts"), tagged(day, next_day));
  EXPECT_GT(count("select count(*) from gold.mart_share_of_voice_daily where brand = 'acme'"), 0);

  // End it at the median creation time of its posts: the later half leaves.
  const auto cut = scalar(
      "select percentile_disc(0.5) within group (order by created_at)::text "
      "from silver.post_hashtags where hashtag = '" +
      tag + "'");
  ASSERT_GT(tagged(day, cut), 0);
  ASSERT_GT(tagged(cut, next_day), 0);
  auto ended = smelt({"campaign", "end", "promo", "--at", cut});
  ASSERT_EQ(ended.code, 0) << ended.err;
  EXPECT_NE(ended.out.find("' --to now"), std::string::npos) << ended.out;
  EXPECT_EQ(scalar("select ends_at = '" + cut + "'::timestamptz from smelt.campaigns where name = 'promo'"),
            "t");
  auto rebackfill = smelt({"backfill", "--from", cut, "--to", next_day});
  ASSERT_EQ(rebackfill.code, 0) << rebackfill.err;
  EXPECT_EQ(count("select count(*) from silver.campaign_posts"), tagged(day, cut));
  EXPECT_EQ(count("select coalesce(sum(posts), 0) from gold.mart_campaign_daily where campaign = 'promo'"),
            tagged(day, cut));

  auto unknown = smelt({"campaign", "end", "nope"});
  EXPECT_EQ(unknown.code, 1) << unknown.err;
  EXPECT_NE(unknown.err.find("no campaign named \\\"nope\\\""), std::string::npos) << unknown.err;
  auto bad_time = smelt({"campaign", "end", "promo", "--at", "soonish"});
  EXPECT_EQ(bad_time.code, 2) << bad_time.err;
}

}  // namespace
}  // namespace smelt::testing
