// smelt collect against a local server that answers like the five platforms'
// APIs (tests/support/replay_api), through a real broker (smelt broker),
// smelt ingest and smelt refresh into gold.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <random>
#include <sstream>

#include "sql/embedded.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/replay_api.hpp"

namespace smelt::testing {
namespace {

using namespace std::chrono_literals;

const std::vector<std::string> PLATFORMS = {"x", "reddit", "youtube", "instagram", "tiktok"};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class CollectTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    target_ = conninfo();
    prepare(target_);
  }

  /// Migrates a database and adds the two campaigns.
  void prepare(const std::string& db) {
    auto migrated = run_command({SMELT_BINARY, "migrate", "up", "-d", db});
    ASSERT_EQ(migrated.code, 0) << migrated.err;
    pqxx::connection c(db);
    pqxx::nontransaction tx(c);
    tx.exec("insert into smelt.campaigns (name, brand, hashtags, starts_at) values "
            "('Alpha one', 'Acme', '{alpha1}', now() - interval '1 day'), "
            "('Alpha two', 'Acme', '{alpha2}', now() - interval '1 day')");
  }

  /// Gold's posts and comments, without the times of observation.
  std::string gold_snapshot(const std::string& db) {
    pqxx::connection c(db);
    pqxx::nontransaction tx(c);
    std::string out;
    for (const auto& row : tx.exec(
             "select concat_ws('|', d.platform, d.post_id, f.likes, f.shares, f.comments, f.views, f.impressions, "
             "f.engagement, f.campaign_ids::text, d.text, d.hashtags::text, d.author_username, d.url, f.language) "
             "from gold.dim_post d join gold.fct_posts f using (post_key) order by d.platform, d.post_id")) {
      out += std::string(row[0].c_str()) + "\n";
    }
    for (const auto& row : tx.exec(
             "select concat_ws('|', p.platform, c.comment_id, c.likes, d.post_id, c.language) from gold.fct_comments c "
             "join gold.dim_platform p using (platform_key) left join gold.dim_post d using (post_key) "
             "order by p.platform, c.comment_id")) {
      out += std::string(row[0].c_str()) + "\n";
    }
    return out;
  }

  std::string target_;

  std::vector<std::string> collect_args(const ReplayApi& api, const std::string& bootstrap,
                                        std::vector<std::string> extra = {"--once"}) {
    std::vector<std::string> args = {SMELT_BINARY, "collect", "-d", target_, "-b", bootstrap,
                                     "--backoff-ms", "50", "--log-format", "json", "--reddit-auth-url", api.url()};
    for (const auto& platform : PLATFORMS) {
      const std::string pace = "--" + platform + "-requests-per-minute";
      args.insert(args.end(), {"--" + platform + "-base-url", api.url()});
      if (std::find(extra.begin(), extra.end(), pace) == extra.end()) args.insert(args.end(), {pace, "6000"});
    }
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  RunResult collect(const ReplayApi& api, const std::string& bootstrap, std::map<std::string, std::string> env = {},
                    std::vector<std::string> extra = {"--once"}) {
    auto credentials = api.credentials();
    for (auto& [k, v] : env) credentials[k] = v;
    return run_command(collect_args(api, bootstrap, extra), credentials);
  }

  void ingest_and_refresh(const std::string& bootstrap) {
    auto ingest = run_command({SMELT_BINARY, "ingest", "-d", target_, "-b", bootstrap, "--idle-exit", "2",
                               "--log-format", "json"});
    ASSERT_EQ(ingest.code, 0) << ingest.err;
    auto refresh = run_command({SMELT_BINARY, "refresh", "-d", target_, "--log-format", "json"});
    ASSERT_EQ(refresh.code, 0) << refresh.err;
  }

  /// Distinct post keys per source that reached bronze.
  std::map<std::string, int> bronze_posts() {
    std::map<std::string, int> out;
    pqxx::connection c(conninfo());
    pqxx::nontransaction tx(c);
    for (const auto& row : tx.exec("select source, count(distinct kafka_key) from bronze.events "
                                   "where kind = 'post' group by source")) {
      out[row[0].c_str()] = row[1].as<int>();
    }
    return out;
  }

  /// Every post the server served is in gold with the last likes it served
  /// and its campaign; every comment served is in gold.fct_comments.
  void expect_gold_matches(const ReplayApi& api) {
    pqxx::connection c(conninfo());
    pqxx::nontransaction tx(c);
    std::map<std::string, int> comments;
    int posts = 0;
    for (const auto& e : api.expected()) {
      ++posts;
      comments[e.platform] += e.comments;
      auto rows = tx.exec_params(
          "select f.likes, f.campaign_ids::text, (select campaign_id from smelt.campaigns "
          "where hashtags = array['alpha' || $3]) from gold.dim_post d join gold.fct_posts f using (post_key) "
          "where d.platform = $1 and d.post_id = $2",
          e.platform, e.post_id, std::to_string(e.campaign));
      ASSERT_EQ(rows.size(), 1u) << e.platform << ":" << e.post_id << " is not in gold";
      EXPECT_EQ(rows[0][0].as<std::int64_t>(), e.likes) << e.platform << ":" << e.post_id;
      EXPECT_EQ(rows[0][1].as<std::string>(), "{" + rows[0][2].as<std::string>() + "}") << e.platform << ":" << e.post_id;
    }
    EXPECT_EQ(posts, 30);
    for (const auto& platform : PLATFORMS) {
      const int in_gold = std::stoi(scalar("select count(*) from gold.fct_comments c join gold.dim_platform p "
                                           "using (platform_key) where p.platform = '" + platform + "'"));
      EXPECT_EQ(in_gold, comments[platform]) << platform;
    }
  }
};

TEST_F(CollectTest, OneRunPutsEveryEntityOfBothCampaignsAndFivePlatformsIntoGold) {
  ReplayApi api;
  BrokerProcess broker(4);
  auto run = collect(api, broker.bootstrap());
  ASSERT_EQ(run.code, 0) << run.err;
  // Three posts per campaign in pages of two: every search was followed to its second page.
  EXPECT_EQ(api.requests_to("x", "/2/tweets/search/recent"), 4);
  EXPECT_EQ(api.requests_to("youtube", "/youtube/v3/search"), 4);
  EXPECT_EQ(api.requests_to("instagram", "/recent_media"), 4);
  ingest_and_refresh(broker.bootstrap());
  expect_gold_matches(api);
  EXPECT_EQ(scalar("select count(*) from gold.dim_post where post_id = '99000000000000000021'"), "1");
  EXPECT_EQ(scalar("select count(*) from smelt.collect_tracked_posts"), "30");
  EXPECT_EQ(scalar("select count(*) from bronze.rejects"), "0");

  // A second run within --interval walks nothing again: the streams were
  // followed to their ends a moment ago. (An hour, so that however long the
  // ingest and refresh above took, the run is within it.)
  const int discovery_before = api.requests_to("x", "/2/tweets/search/recent") +
                               api.requests_to("youtube", "/youtube/v3/search") +
                               api.requests_to("instagram", "/recent_media");
  auto soon = collect(api, broker.bootstrap(), {}, {"--once", "--interval", "3600"});
  ASSERT_EQ(soon.code, 0) << soon.err;
  EXPECT_EQ(api.requests_to("x", "/2/tweets/search/recent") + api.requests_to("youtube", "/youtube/v3/search") +
                api.requests_to("instagram", "/recent_media"),
            discovery_before);

  // Walked again, it finds nothing new: the cursors moved past every page.
  auto again = collect(api, broker.bootstrap(), {}, {"--once", "--interval", "0"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(api.requests_to("x", "/2/tweets/search/recent"), 6);
}

TEST_F(CollectTest, DryRunWritesTheEnvelopesToAFileAndKeepsNoState) {
  ReplayApi api;
  const std::string path = "/tmp/smelt_collect_dry_run_" + std::to_string(getpid()) + ".jsonl";
  auto run = collect(api, "127.0.0.1:1", {}, {"--dry-run", "-o", path});
  ASSERT_EQ(run.code, 0) << run.err;
  std::ifstream in(path);
  int posts = 0;
  int comments = 0;
  for (std::string line; std::getline(in, line);) {
    EXPECT_EQ(line.rfind(R"({"source":")", 0), 0u) << line;
    EXPECT_NE(line.find(R"("observed_at":")"), std::string::npos) << line;
    posts += line.find(R"("kind":"post")") != std::string::npos;
    comments += line.find(R"("kind":"comment")") != std::string::npos;
  }
  std::remove(path.c_str());
  EXPECT_EQ(posts, 30);
  EXPECT_EQ(comments, 18);  // a reply per X post, a thread per video, a comment per TikTok video
  EXPECT_EQ(scalar("select count(*) from smelt.collect_cursors"), "0");
  EXPECT_EQ(scalar("select count(*) from smelt.collect_tracked_posts"), "0");
}

TEST_F(CollectTest, RateLimitServerErrorMalformedPageAndPartialErrorsAreSurvived) {
  ReplayApi api;
  BrokerProcess broker(2);
  const auto reset = std::to_string(std::time(nullptr) + 2);
  api.inject({"x", "search/recent", 1, 429, R"({"title":"Too Many Requests"})",
              {{"x-rate-limit-remaining", "0"}, {"x-rate-limit-reset", reset}}});
  api.inject({"reddit", "/search", 2, 503, "<html>upstream</html>", {}});
  api.inject({"tiktok", "/video/query", 1, 500, R"({"error":{"code":"internal_error"}})", {}});
  api.inject({"instagram", "recent_media", 1, 200, R"({"data":[{"id":"1790)", {}});
  // A tracked post X no longer has: the lookup answers 200 with errors[].
  exec("insert into smelt.collect_tracked_posts (platform, post_id, campaign_id, created_at, next_poll_at) "
       "select 'x', '1500000000000000001', min(campaign_id), now() - interval '1 hour', now() - interval '1 minute' "
       "from smelt.campaigns");
  const auto started = std::chrono::steady_clock::now();
  auto run = collect(api, broker.bootstrap());
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_GE(std::chrono::steady_clock::now() - started, 1s) << "the 429's reset was not waited for";
  EXPECT_NE(run.err.find("rate limited"), std::string::npos) << run.err;
  EXPECT_EQ(scalar("select count(*) from smelt.collect_bad_pages where platform = 'instagram' "
                   "and reason like 'not JSON%' and http_status = 200 and convert_from(body, 'UTF8') = "
                   "'{\"data\":[{\"id\":\"1790'"),
            "1");
  EXPECT_EQ(scalar("select count(*) from smelt.collect_partial_errors where platform = 'x' "
                   "and detail->>'resource_id' = '1500000000000000001'"),
            "1");
  ingest_and_refresh(broker.bootstrap());
  expect_gold_matches(api);
}

TEST_F(CollectTest, ExpiredTokensAreFetchedAgainAndTheRunGoesOn) {
  ReplayApi api;
  BrokerProcess broker(2);
  // Mid-run, the tokens the collector holds expire: the APIs answer 401 until a new one is fetched.
  api.inject({"tiktok", "/video/query", 1, 401,
              R"({"data":{},"error":{"code":"access_token_invalid","message":"The access token is invalid or not found in the request.","log_id":"l"}})",
              {}});
  api.inject({"reddit", "/search", 1, 401, R"({"message":"Unauthorized","error":401})", {}});
  auto run = collect(api, broker.bootstrap());
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(api.token_requests("reddit"), 2);
  EXPECT_EQ(api.token_requests("tiktok"), 2);
  EXPECT_NE(run.err.find("reddit: token refused, fetched a new one"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("tiktok: token refused, fetched a new one"), std::string::npos) << run.err;
  ingest_and_refresh(broker.bootstrap());
  expect_gold_matches(api);
}

TEST_F(CollectTest, RefusedCredentialsAndSpentQuotaStopOnlyTheirPlatform) {
  ReplayApi api;
  BrokerProcess broker(2);
  api.inject({"youtube", "/search", 1, 403,
              R"({"error":{"code":403,"message":"quota","errors":[{"message":"quota","domain":"youtube.quota","reason":"quotaExceeded"}]}})",
              {}});
  auto run = collect(api, broker.bootstrap(), {{"SMELT_COLLECT_X_BEARER_TOKEN", "not-the-token"}});
  EXPECT_EQ(run.code, 1) << run.err;
  EXPECT_NE(run.err.find("x: the API refused the credentials"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("youtube: quota or rate limit exhausted"), std::string::npos) << run.err;
  EXPECT_EQ(api.requests("x"), 1) << "a refused platform must stop at once";
  ingest_and_refresh(broker.bootstrap());
  auto posts = bronze_posts();
  EXPECT_EQ(posts["reddit"], 6);
  EXPECT_EQ(posts["instagram"], 6);
  EXPECT_EQ(posts["tiktok"], 6);
  EXPECT_EQ(posts["x"], 0);
  EXPECT_EQ(posts["youtube"], 0);
}

TEST_F(CollectTest, NoSecretInLogsErrorsTablesOrArgv) {
  ReplayApi api;
  BrokerProcess broker(2);
  const auto secrets = api.credentials();
  api.inject({"reddit", "/search", 1, 500, "oops", {}});
  api.inject({"instagram", "recent_media", 1, 200, "{broken", {}});
  api.expire_tokens();
  // A long-running collector: its argv is read while it runs.
  Process running(collect_args(api, broker.bootstrap(), {"--interval", "3600"}), secrets);
  ASSERT_TRUE(eventually([&] { return api.requests("tiktok") > 2; }, 60s));
  const std::string argv = read_file("/proc/" + std::to_string(running.pid()) + "/cmdline");
  running.signal(SIGTERM);
  ASSERT_TRUE(running.wait(60s).has_value());
  // Refused credentials too: every failure path that writes messages.
  auto refused = collect(api, broker.bootstrap(),
                         {{"SMELT_COLLECT_X_BEARER_TOKEN", "x-refused-Kd83Hq"},
                          {"SMELT_COLLECT_REDDIT_CLIENT_SECRET", "reddit-refused-Lm29Pw"},
                          {"SMELT_COLLECT_YOUTUBE_API_KEY", "youtube-refused-Ce71Rb"}});
  EXPECT_EQ(refused.code, 1);
  ingest_and_refresh(broker.bootstrap());
  const std::string tables = scalar(
      "select concat_ws(' ', (select string_agg(t::text, ' ') from smelt.collect_cursors t), "
      "(select string_agg(t::text, ' ') from smelt.collect_tracked_posts t), "
      "(select string_agg(t::text || convert_from(t.body, 'UTF8'), ' ') from smelt.collect_bad_pages t), "
      "(select string_agg(t::text, ' ') from smelt.collect_partial_errors t), "
      "(select string_agg(t::text, ' ') from smelt.collect_quota t), "
      "(select string_agg(raw, ' ') from bronze.events), (select string_agg(t::text, ' ') from silver.posts t))");
  ASSERT_GT(tables.size(), 1000u);
  // Refused values, and the tokens the server issued.
  std::vector<std::string> values = {"x-refused-Kd83Hq", "reddit-refused-Lm29Pw", "youtube-refused-Ce71Rb",
                                     "reddit-token-", "tiktok-token-"};
  for (const auto& [name, value] : secrets) {
    if (name.find("SECRET") != std::string::npos || name.find("TOKEN") != std::string::npos ||
        name.find("KEY") != std::string::npos) {
      values.push_back(value);
    }
  }
  for (const auto& value : values) {
    EXPECT_EQ(running.err().find(value), std::string::npos) << value;
    EXPECT_EQ(running.out().find(value), std::string::npos) << value;
    EXPECT_EQ(refused.err.find(value), std::string::npos) << value;
    EXPECT_EQ(refused.out.find(value), std::string::npos) << value;
    EXPECT_EQ(argv.find(value), std::string::npos) << value;
    EXPECT_EQ(tables.find(value), std::string::npos) << value;
  }
}

TEST_F(CollectTest, TrackedPostsAreRepolledAndGoldShowsTheGrowthPerMinute) {
  ReplayApi api;
  BrokerProcess broker(2);
  api.grow_counters(7);
  // Re-poll every second; the server's Date moves a minute per round, so each
  // observation lands in its own minute of event time.
  Process running(collect_args(api, broker.bootstrap(),
                               {"--interval", "1", "--repoll-min-interval", "1", "--repoll-age-fraction", "0",
                                "--x-requests-per-minute", "120"}),
                  api.credentials());
  for (int round = 2; round <= 4; ++round) {
    ASSERT_TRUE(eventually([&] {
      for (const auto& [post, seen] : api.observations()) {
        if (seen < round) return false;
      }
      return true;
    }, 90s)) << "round " << round << "\n" << running.err();
    api.advance_clock(60);
  }
  running.signal(SIGTERM);
  ASSERT_EQ(running.wait(60s), 0) << running.err();
  // 120 calls a minute: never two X calls less than half a second apart.
  EXPECT_LE(api.max_requests_per_minute("x"), 120);
  EXPECT_GE(api.min_gap_ms("x"), 450.0) << "X calls closer than its configured pace";
  EXPECT_GT(api.requests("x"), 6);
  ingest_and_refresh(broker.bootstrap());
  for (const auto& platform : PLATFORMS) {
    const int growing = std::stoi(scalar(
        "select count(distinct e.post_key) from gold.fct_engagement_minute e join gold.dim_post d using (post_key) "
        "where d.platform = '" + platform + "' and e.likes_gained > 0"));
    EXPECT_EQ(growing, 6) << platform << ": per-minute engagement shows no growth";
  }
  EXPECT_GE(std::stoi(scalar("select min(polls) from smelt.collect_tracked_posts")), 3);
}

TEST_F(CollectTest, KilledTenTimesItResumesAndLosesNothing) {
  ReplayApi api;
  BrokerProcess broker(2);
  const unsigned seed = static_cast<unsigned>(std::random_device{}());
  std::cout << "kill seed " << seed << "\n";
  std::mt19937 random(seed);
  int killed_mid_run = 0;
  for (int kill = 0; kill < 10; ++kill) {
    // Slow calls so that kills land mid-walk: after a random number of requests.
    Process running(collect_args(api, broker.bootstrap(), {"--once"}), api.credentials());
    int before = 0;
    for (const auto& p : PLATFORMS) before += api.requests(p);
    const int wait_for = 1 + static_cast<int>(random() % 6);
    eventually([&] {
      int now = 0;
      for (const auto& p : PLATFORMS) now += api.requests(p);
      return now >= before + wait_for || !running.running();
    }, 60s);
    killed_mid_run += running.running();
    running.signal(SIGKILL);
    running.wait(30s);
  }
  std::cout << killed_mid_run << " of 10 runs were killed mid-run\n";
  auto finish = collect(api, broker.bootstrap());
  ASSERT_EQ(finish.code, 0) << finish.err;
  ingest_and_refresh(broker.bootstrap());
  expect_gold_matches(api);
  EXPECT_EQ(scalar("select count(*) from bronze.rejects"), "0");
  const std::string killed = gold_snapshot(conninfo());

  // The same collection, uninterrupted, into a database of its own.
  const std::string reference_db = "smelt_collect_reference_" + std::to_string(getpid());
  {
    pqxx::connection admin(admin_conninfo());
    pqxx::nontransaction tx(admin);
    tx.exec("drop database if exists " + reference_db);
    tx.exec("create database " + reference_db);
  }
  target_ = admin_conninfo() + " dbname=" + reference_db;
  prepare(target_);
  ReplayApi reference_api;
  BrokerProcess reference_broker(2);
  ASSERT_EQ(collect(reference_api, reference_broker.bootstrap()).code, 0);
  ingest_and_refresh(reference_broker.bootstrap());
  const std::string uninterrupted = gold_snapshot(target_);
  target_ = conninfo();
  {
    pqxx::connection admin(admin_conninfo());
    pqxx::nontransaction tx(admin);
    tx.exec("drop database " + reference_db + " with (force)");
  }
  EXPECT_GT(uninterrupted.size(), 1000u);
  EXPECT_EQ(killed, uninterrupted);
}

// Two collectors at once: the advisory locks let only one walk a platform's
// campaign at a time, and a stream the other one has just walked to its end
// is not due again within --interval, so no page is asked for twice, however
// the two are scheduled, and everything arrives.
TEST_F(CollectTest, TwoCollectorsAtOnceNeverPollTheSamePageTwice) {
  ReplayApi api;
  BrokerProcess broker(2);
  // An hour's interval: however the two are scheduled, the second comes
  // within it.
  const std::vector<std::string> hourly = {"--once", "--interval", "3600"};
  Process one(collect_args(api, broker.bootstrap(), hourly), api.credentials());
  Process two(collect_args(api, broker.bootstrap(), hourly), api.credentials());
  ASSERT_EQ(one.wait(120s), 0) << one.err();
  ASSERT_EQ(two.wait(120s), 0) << two.err();
  for (const std::string platform : {"x", "youtube", "instagram"}) {
    std::map<std::string, int> seen;
    for (const auto& target : api.targets(platform)) {
      if (target.find("search") != std::string::npos || target.find("_media") != std::string::npos) {
        EXPECT_EQ(++seen[target], 1) << platform << " asked twice for " << target;
      }
    }
  }
  ingest_and_refresh(broker.bootstrap());
  expect_gold_matches(api);
}

// The documented schedule: the next observation after
// clamp(age x fraction, min, max); retired past the maximum age.
TEST_F(CollectTest, RepollScheduleFollowsTheDocumentedDecay) {
  exec("insert into smelt.collect_tracked_posts (platform, post_id, campaign_id, created_at, next_poll_at) "
       "select 'x', v.id, min(c.campaign_id), now() - v.age, now() from smelt.campaigns c, "
       "(values ('young', interval '5 minutes'), ('hour', interval '1 hour'), ('day', interval '1 day'), "
       "('old', interval '3 days'), ('retired', interval '8 days')) as v (id, age) group by v.id, v.age");
  pqxx::connection c(conninfo());
  pqxx::work tx(c);
  // Defaults: 60 s minimum, a tenth of the age, 6 h maximum, 7 days.
  tx.exec_params(std::string(sql::query("queries/collect/reschedule_posts")), "x",
                 "{young,hour,day,old,retired}", "60", "0.1", "21600", "604800");
  std::map<std::string, std::pair<double, bool>> next;
  for (const auto& row : tx.exec("select post_id, extract(epoch from next_poll_at - last_polled_at)::float8, retired "
                                 "from smelt.collect_tracked_posts")) {
    next[row[0].c_str()] = {row[1].as<double>(), row[2].as<bool>()};
  }
  EXPECT_NEAR(next["young"].first, 60, 1);
  EXPECT_NEAR(next["hour"].first, 360, 1);
  EXPECT_NEAR(next["day"].first, 8640, 1);
  EXPECT_NEAR(next["old"].first, 21600, 1);
  EXPECT_FALSE(next["old"].second);
  EXPECT_TRUE(next["retired"].second);
}

}  // namespace
}  // namespace smelt::testing
