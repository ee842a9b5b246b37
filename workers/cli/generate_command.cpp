#include <chrono>
#include <memory>

#include "cli/app.hpp"
#include "common/range_checks.hpp"
#include "common/error.hpp"
#include "generate/run.hpp"
#include "generate/time_format.hpp"

namespace smelt::cli {
namespace {

constexpr const char* DESCRIPTION =
    "Simulated social-media traffic: posts, comments and profiles of X, Instagram, TikTok, YouTube and "
    "Reddit in each API's own JSON shape, inside smelt's envelope. Posts are observed again and again "
    "while their likes, shares, comments and views grow. Sends to Kafka (key = source:post id) or writes "
    "JSON lines.";

constexpr const char* FOOTER = R"(
Event time: observed_at starts at --start-time and advances 1/--event-rate
seconds per message. The messages depend only on --seed, --start-time,
--event-rate, --users, the fault fractions and how many are sent, never on
--rate or the output, so a file and a Kafka run of the same options hold the
same bytes. Kafka keys: <source>:<post id> for posts and comments,
<source>:user:<id> for profiles.

Examples:
  # 100k messages as fast as possible into a file, reproducible
  smelt generate -o events.jsonl --rate 0 --count 100000 --seed 7 --start-time 2026-11-22T10:00:00Z
  # ten minutes of live traffic at the plan's 2800 events/s, with every kind of fault
  smelt generate -b 127.0.0.1:9092 --duration 600 --duplicates 0.01 --late 0.01 --out-of-order 0.01 --malformed 0.001
  # six hours of event time (100 messages per event-time second) in about a minute, on stdout
  smelt generate -o - --rate 40000 --event-rate 100 --count 2160000 | gzip > six_hours.jsonl.gz)";

struct Settings {
  generate::RunOptions run;
  std::string start_time = "now";
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t parse_start_time(const std::string& text) {
  if (text == "now") return now_ms();
  if (auto parsed = generate::parse_rfc3339(text)) return *parsed;
  throw Error(ExitCode::usage,
              "--start-time '" + text + "' is not an RFC 3339 time (2026-11-22T10:00:00Z) or 'now'");
}

void check_faults(const generate::Faults& faults) {
  const double total = faults.duplicates + faults.late + faults.out_of_order + faults.malformed;
  if (total > 1.0) throw Error(ExitCode::usage, "the fault fractions add up to more than 1");
}

void add_volume_options(CLI::App& command, Settings& s) {
  auto* count = command.add_option("-n,--count", s.run.count, "Messages to send in total; 0 = until stopped")
                    ->envname("SMELT_GENERATE_COUNT")
                    ->capture_default_str();
  command
      .add_option("--duration", s.run.duration_s,
                  "Run for this many seconds of wall time instead of --count (with --rate N: rate x duration "
                  "messages)")
      ->check(range::positive("seconds"))
      ->excludes(count);
  command
      .add_option("-r,--rate", s.run.rate_per_s, "Messages per second of wall time; 0 = as fast as possible")
      ->envname("SMELT_GENERATE_RATE")
      ->check(range::at_least(0, "messages per second"))
      ->capture_default_str();
  command
      .add_option("--event-rate", s.run.event_rate_per_s,
                  "Messages per second of event time: observed_at advances 1/N s per message whatever --rate "
                  "is (give --rate's value to keep event time in step with wall time; less than --rate to "
                  "simulate hours in minutes)")
      ->envname("SMELT_GENERATE_EVENT_RATE")
      ->check(range::positive("messages per second of event time"))
      ->capture_default_str();
}

void add_world_options(CLI::App& command, Settings& s) {
  command
      .add_option("--seed", s.run.generator.seed,
                  "Random seed; the same seed and options give the same events")
      ->envname("SMELT_GENERATE_SEED")
      ->capture_default_str();
  command.add_option("--start-time", s.start_time, "Event time of the first message: RFC 3339 UTC or 'now'")
      ->envname("SMELT_GENERATE_START_TIME")
      ->capture_default_str();
  command.add_option("--users", s.run.generator.users_per_platform, "Simulated accounts per platform")
      ->envname("SMELT_GENERATE_USERS")
      ->check(range::between(1, 5e6, "accounts"))
      ->capture_default_str();
}

void add_fault_options(CLI::App& command, Settings& s) {
  auto& faults = s.run.generator.faults;
  const CLI::Validator fraction = range::between(0, 1, "(a fraction of the messages)");
  command
      .add_option("--duplicates", faults.duplicates,
                  "Fraction of messages that repeat a recent message byte for byte")
      ->check(fraction)
      ->capture_default_str();
  command
      .add_option("--late", faults.late,
                  "Fraction of observations whose observed_at is 2-30 minutes in the past")
      ->check(fraction)
      ->capture_default_str();
  command
      .add_option("--out-of-order", faults.out_of_order,
                  "Fraction of slots that send two observations of one post, newest first")
      ->check(fraction)
      ->capture_default_str();
  command
      .add_option("--malformed", faults.malformed,
                  "Fraction of messages broken one of 7 ways (truncated, invalid UTF-8, NUL byte, no source, "
                  "no observed_at, JSON array, bad observed_at); never contains a newline")
      ->check(fraction)
      ->capture_default_str();
}

}  // namespace

void add_generate_command(CLI::App& app, Action& action) {
  auto settings = std::make_shared<Settings>();
  auto* command = app.add_subcommand(
      "generate", "Simulated traffic of five platforms in their API shapes, to Kafka or JSON lines");
  command->footer(std::string("\n") + DESCRIPTION + "\n" + FOOTER);
  command->add_option("-o,--output", settings->run.output,
                      "Write JSON lines to FILE ('-' = stdout) instead of producing to Kafka");
  add_volume_options(*command, *settings);
  add_world_options(*command, *settings);
  add_fault_options(*command, *settings);
  kafka::add_options(*command, settings->run.kafka);
  command->callback([&action, settings] {
    action = [settings] {
      check_faults(settings->run.generator.faults);
      settings->run.generator.start_ms = parse_start_time(settings->start_time);
      generate::run(settings->run);
    };
  });
}

}  // namespace smelt::cli
