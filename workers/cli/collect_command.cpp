#include <memory>
#include <sstream>

#include "cli/app.hpp"
#include "collect/collector.hpp"
#include "collect/credentials.hpp"
#include "common/error.hpp"
#include "common/range_checks.hpp"

namespace smelt::cli {
namespace {

constexpr const char* FOOTER = R"(
For every running campaign in smelt.campaigns, each platform with
credentials is searched for new posts and comments (hashtags and keywords),
page after page to the end; tracked posts are observed again on a decaying
schedule (every clamp(age x --repoll-age-fraction, --repoll-min-interval,
--repoll-max-interval) seconds, until --repoll-max-age), their ids batched
per call. Each entity goes to Kafka in smelt's envelope (key
<source>:<post id>); a stream's cursor moves only once Kafka acknowledged the
whole page. State: smelt.collect_cursors, collect_tracked_posts,
collect_quota, collect_bad_pages, collect_partial_errors.

Credentials never go on the command line: set them in the environment
(SMELT_COLLECT_X_BEARER_TOKEN, SMELT_COLLECT_REDDIT_CLIENT_ID,
SMELT_COLLECT_REDDIT_CLIENT_SECRET, SMELT_COLLECT_YOUTUBE_API_KEY,
SMELT_COLLECT_INSTAGRAM_ACCESS_TOKEN, SMELT_COLLECT_INSTAGRAM_USER_ID,
SMELT_COLLECT_TIKTOK_CLIENT_KEY, SMELT_COLLECT_TIKTOK_CLIENT_SECRET), in the
config file's [collect] section (x-bearer-token = ..., and so on), or as files
in --credentials-dir (x_bearer_token, ...). docs/collect.md has the details.

Examples:
  smelt collect --once                                   # one pass, then exit
  smelt collect --dry-run -o envelopes.jsonl             # what would be sent
  smelt collect --platforms x,youtube --metrics-port 9103)";

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

struct Settings {
  collect::Options options;
  std::string platforms;
  std::string subreddits;
  double backoff_ms = 1000;
};

struct PlatformDefaults {
  const char* name;
  const char* base_url;
  double requests_per_minute;
};

constexpr PlatformDefaults DEFAULTS[] = {
    {"x", "https://api.x.com", 30},
    {"reddit", "https://oauth.reddit.com", 60},
    {"youtube", "https://www.googleapis.com", 60},
    {"instagram", "https://graph.facebook.com/v21.0", 3},
    {"tiktok", "https://open.tiktokapis.com", 10},
};

void add_platform_options(CLI::App& command, Settings& s) {
  for (const auto& d : DEFAULTS) {
    const std::string name = d.name;
    s.options.settings[name].base_url = d.base_url;
    s.options.limits[name].requests_per_minute = d.requests_per_minute;
    command.add_option("--" + name + "-base-url", s.options.settings[name].base_url, name + " API base URL")
        ->capture_default_str();
    command
        .add_option("--" + name + "-requests-per-minute", s.options.limits[name].requests_per_minute,
                    "Most " + name + " calls per minute")
        ->check(range::positive("requests per minute"))
        ->capture_default_str();
  }
  s.options.settings["reddit"].auth_url = "https://www.reddit.com";
  command.add_option("--reddit-auth-url", s.options.settings["reddit"].auth_url, "Reddit OAuth token host")
      ->capture_default_str();
  command.add_option("--reddit-subreddits", s.subreddits, "Also poll /r/{sub}/new of these subreddits (comma list)");
  s.options.limits["youtube"].daily_units = 10000;
  s.options.limits["tiktok"].daily_units = 1000;
  command.add_option("--youtube-daily-units", s.options.limits["youtube"].daily_units,
                     "YouTube quota units per day (search 100, lists 1)")
      ->check(range::at_least(0, "units"))
      ->capture_default_str();
  command.add_option("--tiktok-daily-requests", s.options.limits["tiktok"].daily_units, "TikTok Research API requests per day")
      ->check(range::at_least(0, "requests"))
      ->capture_default_str();
}

void add_schedule_options(CLI::App& command, Settings& s) {
  auto& schedule = s.options.schedule;
  command.add_option("--repoll-min-interval", schedule.min_interval_s, "Shortest time between observations of a post (s)")
      ->check(range::positive("seconds"))
      ->capture_default_str();
  command.add_option("--repoll-age-fraction", schedule.age_fraction, "Re-poll after this fraction of the post's age")
      ->check(range::between(0, 10, "(a fraction of the age)"))
      ->capture_default_str();
  command.add_option("--repoll-max-interval", schedule.max_interval_s, "Longest time between observations (s)")
      ->check(range::positive("seconds"))
      ->capture_default_str();
  command.add_option("--repoll-max-age", schedule.max_age_s, "Stop re-polling posts older than this (s)")
      ->check(range::positive("seconds"))
      ->capture_default_str();
}

void add_run_options(CLI::App& command, Settings& s) {
  auto& o = s.options;
  command.add_option("--interval", o.interval_s,
                     "Seconds between discovery cycles; a stream any collector walked to its end less than this "
                     "ago is not walked again yet (0: always walk)")
      ->check(range::at_least(0, "seconds"))
      ->capture_default_str();
  command.add_option("--retries", o.retries, "Retries of a call on 5xx, timeouts and unreadable responses")
      ->check(range::between(0, 100, "retries"))
      ->capture_default_str();
  command.add_option("--backoff-ms", s.backoff_ms, "First retry delay (doubles, with jitter, up to 60 s)")
      ->check(range::positive("ms"))
      ->capture_default_str();
  command.add_option("--max-wait", o.max_wait_s, "With --once: longest rate-limit pause waited out (s)")
      ->check(range::at_least(0, "seconds"))
      ->capture_default_str();
  command.add_option("--http-timeout-ms", o.http_timeout_ms, "Timeout of one API call")
      ->check(range::between(100, 600000, "ms"))
      ->capture_default_str();
  command.add_option("--user-agent", o.user_agent, "User-Agent sent to every API")->capture_default_str();
  command.add_option("--credentials-dir", o.credentials_dir, "Directory of credential files (Docker secrets)");
}

}  // namespace

void add_collect_command(CLI::App& app, Action& action) {
  auto s = std::make_shared<Settings>();
  auto* command = app.add_subcommand("collect", "Poll the platforms' APIs for campaign posts and produce them to Kafka");
  command->footer(FOOTER);
  add_database_option(*command, s->options.conninfo);
  kafka::add_options(*command, s->options.kafka);
  command->add_option("-o,--output", s->options.output, "With --dry-run: write the envelopes to FILE ('-' = stdout)");
  command->add_flag("--dry-run", s->options.dry_run, "Write envelopes to --output instead of Kafka; one pass, no state kept");
  command->add_flag("--once", s->options.once, "One discovery and re-poll pass, then exit");
  command->add_option("--platforms", s->platforms, "Only these platforms (comma list of x, reddit, youtube, instagram, tiktok)");
  add_platform_options(*command, *s);
  add_schedule_options(*command, *s);
  add_run_options(*command, *s);
  metrics::add_endpoint_options(*command, s->options.metrics, "COLLECT");
  command->callback([&action, s] {
    action = [s] {
      if (s->options.dry_run && s->options.output.empty()) throw Error(ExitCode::usage, "--dry-run needs -o FILE");
      if (!s->options.dry_run && !s->options.output.empty()) throw Error(ExitCode::usage, "-o needs --dry-run");
      s->options.platforms = split_list(s->platforms);
      for (const auto& name : s->options.platforms) {
        const auto& names = collect::platform_names();
        if (std::find(names.begin(), names.end(), name) == names.end()) {
          throw Error(ExitCode::usage, "--platforms: unknown platform '" + name + "'");
        }
      }
      s->options.settings["reddit"].subreddits = split_list(s->subreddits);
      s->options.backoff_s = s->backoff_ms / 1000.0;
      collect::run(s->options);
    };
  });
}

void add_collect_config_keys(std::vector<config::Key>& keys) {
  for (auto& key : collect::credential_config_keys()) keys.push_back(std::move(key));
}

}  // namespace smelt::cli
