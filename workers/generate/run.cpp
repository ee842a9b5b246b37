#include "generate/run.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "generate/sink.hpp"
#include "generate/time_format.hpp"

namespace smelt::generate {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t PROGRESS_INTERVAL_MS = 2'000;
constexpr std::int64_t PACER_SLACK_US = 1'000;
constexpr std::int64_t PACER_SLEEP_MAX_MS = 100;

enum class StopReason { finished, interrupted, lost };

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

std::string format_time(std::int64_t epoch_ms) {
  std::string out;
  append_rfc3339_ms(out, epoch_ms);
  return out;
}

/// Holds messages to a wall-clock pace (messages per second; 0 = no pace).
class Pacer {
 public:
  Pacer(double rate_per_s, Clock::time_point start) : rate_per_s_(rate_per_s), start_(start) {}

  /// Sleeps until message `index` is due, waking early on a stop request.
  void wait_for(std::uint64_t index, Sink& sink) const {
    if (rate_per_s_ <= 0) return;
    const auto due = start_ + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(static_cast<double>(index) / rate_per_s_));
    for (auto now = Clock::now(); now + std::chrono::microseconds(PACER_SLACK_US) < due; now = Clock::now()) {
      if (signals::stop_requested()) return;
      sink.poll();
      std::this_thread::sleep_for(
          std::min<Clock::duration>(due - now, std::chrono::milliseconds(PACER_SLEEP_MAX_MS)));
    }
  }

 private:
  double rate_per_s_;
  Clock::time_point start_;
};

/// Logs a progress line every PROGRESS_INTERVAL_MS.
class Progress {
 public:
  Progress(std::string run_id, Clock::time_point start) : run_id_(std::move(run_id)), last_time_(start) {}

  void tick(Clock::time_point now, std::uint64_t sent, const Generator& generator, Sink& sink) {
    if (now - last_time_ < std::chrono::milliseconds(PROGRESS_INTERVAL_MS)) return;
    sink.poll();
    const double rate = static_cast<double>(sent - last_sent_) / seconds_between(last_time_, now);
    log::info("generate progress", {{"run_id", run_id_},
                                    {"records", sent},
                                    {"events_per_s", static_cast<std::uint64_t>(std::round(rate))},
                                    {"event_time", format_time(generator.clock_ms())}});
    last_time_ = now;
    last_sent_ = sent;
  }

 private:
  std::string run_id_;
  Clock::time_point last_time_;
  std::uint64_t last_sent_ = 0;
};

std::uint64_t planned_count(const RunOptions& options) {
  if (options.duration_s > 0 && options.rate_per_s > 0) {
    return static_cast<std::uint64_t>(std::ceil(options.duration_s * options.rate_per_s));
  }
  return options.duration_s > 0 ? 0 : options.count;
}

StopReason send_all(const RunOptions& options, Generator& generator, Sink& sink, std::uint64_t& sent,
                    const std::string& run_id) {
  const std::uint64_t count = planned_count(options);
  const bool timed = options.duration_s > 0 && options.rate_per_s <= 0;
  const auto start = Clock::now();
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.duration_s));
  Pacer pacer(options.rate_per_s, start);
  Progress progress(run_id, start);
  while (count == 0 || sent < count) {
    pacer.wait_for(sent, sink);
    if (signals::stop_requested()) return StopReason::interrupted;
    if (sink.failed()) return StopReason::lost;
    const auto now = Clock::now();
    if (timed && now >= deadline) break;
    progress.tick(now, sent, generator, sink);
    sink.write(generator.next());
    ++sent;
  }
  return StopReason::finished;
}

void log_summary(const std::string& run_id, const GeneratorStats& s, std::uint64_t sent, double seconds,
                 const std::string& output) {
  const auto& bad = s.malformed;
  const auto malformed = [&bad](Malformation kind) { return bad[static_cast<std::size_t>(kind)]; };
  const auto by_source = [&s](Platform platform) { return s.by_source[static_cast<std::size_t>(platform)]; };
  const auto by_kind = [&s](Kind kind) { return s.by_kind[static_cast<std::size_t>(kind)]; };
  log::info("generate finished",
            {{"run_id", run_id},
             {"records", sent},
             {"duration_s", seconds},
             {"events_per_s",
              static_cast<std::uint64_t>(std::round(static_cast<double>(sent) / std::max(seconds, 1e-9)))},
             {"output", output},
             {"x", by_source(Platform::x)},
             {"instagram", by_source(Platform::instagram)},
             {"tiktok", by_source(Platform::tiktok)},
             {"youtube", by_source(Platform::youtube)},
             {"reddit", by_source(Platform::reddit)},
             {"posts", by_kind(Kind::post)},
             {"comments", by_kind(Kind::comment)},
             {"users", by_kind(Kind::user)},
             {"new_posts", s.new_posts},
             {"duplicates", s.duplicates},
             {"late", s.late},
             {"out_of_order_pairs", s.out_of_order},
             {"malformed", s.malformed_total()},
             {"malformed_truncated", malformed(Malformation::truncated)},
             {"malformed_invalid_utf8", malformed(Malformation::invalid_utf8)},
             {"malformed_nul_byte", malformed(Malformation::nul_byte)},
             {"malformed_missing_source", malformed(Malformation::missing_source)},
             {"malformed_missing_observed_at", malformed(Malformation::missing_observed_at)},
             {"malformed_json_array", malformed(Malformation::json_array)},
             {"malformed_bad_observed_at", malformed(Malformation::bad_observed_at)}});
}

}  // namespace

void run(const RunOptions& options) {
  GeneratorOptions generator_options = options.generator;
  generator_options.simulated_ms_per_event = 1000.0 / options.event_rate_per_s;
  const std::string run_id = log::new_run_id();
  auto sink = options.output.empty() ? open_kafka_sink(options.kafka) : open_file_sink(options.output);
  Generator generator(generator_options);
  log::info("generate starting", {{"run_id", run_id},
                                  {"output", sink->describe()},
                                  {"count", planned_count(options)},
                                  {"rate", options.rate_per_s},
                                  {"event_rate", options.event_rate_per_s},
                                  {"seed", generator_options.seed},
                                  {"start_time", format_time(generator_options.start_ms)}});
  const auto started = Clock::now();
  std::uint64_t sent = 0;
  const StopReason reason = send_all(options, generator, *sink, sent, run_id);
  try {
    sink->close();
  } catch (const Error&) {
    log_summary(run_id, generator.stats(), sent, seconds_between(started, Clock::now()), sink->describe());
    throw;
  }
  log_summary(run_id, generator.stats(), sent, seconds_between(started, Clock::now()), sink->describe());
  if (reason == StopReason::interrupted) {
    throw Error(ExitCode::interrupted, "generate: interrupted after " + std::to_string(sent) + " messages");
  }
  if (reason == StopReason::lost) throw Error(ExitCode::failure, "generate: stopped after a write failure");
}

}  // namespace smelt::generate
