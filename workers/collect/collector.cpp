#include "collect/collector.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "collect/credentials.hpp"
#include "collect/limiter.hpp"
#include "collect/page.hpp"
#include "collect/sink.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"

namespace smelt::collect {
namespace {

/// How a platform's run ended.
enum class Outcome { done, stopped, credentials_refused, quota_exhausted, failed };

/// A stop was requested in the middle of a call.
struct Stopping {};

/// Seconds until the next midnight Pacific standard time (UTC-8), when YouTube's quota resets.
double seconds_to_quota_reset() {
  constexpr std::int64_t DAY_S = 86'400;
  constexpr std::int64_t PACIFIC_OFFSET_S = 8 * 3600;
  const std::int64_t now_s = now_us() / 1'000'000;
  const std::int64_t local = now_s - PACIFIC_OFFSET_S;
  return static_cast<double>(DAY_S - (local % DAY_S));
}

class PlatformRunner final : public Fetcher {
 public:
  PlatformRunner(const Options& options, std::unique_ptr<Platform> platform, metrics::Registry& registry,
                 unsigned seed)
      : options_(options),
        platform_(std::move(platform)),
        name_(platform_->name()),
        limits_(options.limits.count(name_) ? options.limits.at(name_) : Limits{}),
        limiter_(limits_.requests_per_minute, options.backoff_s, seed),
        http_(options.http_timeout_ms, options.user_agent),
        registry_(registry) {}

  Outcome run() {
    try {
      state_ = std::make_unique<State>(options_.conninfo);
      sink_ = options_.dry_run ? open_file_sink(options_.output) : open_kafka_sink(options_.kafka);
      registry_.set("smelt_collect_platform_up", {{"platform", name_}}, 1);
      for (;;) {
        try {
          cycle();
        } catch (const QuotaExhausted& e) {
          if (options_.once) throw;
          log::warn(name_ + ": quota or rate limit exhausted; waiting for it to return",
                    {{"platform", name_}, {"detail", e.what()}});
        }
        if (options_.once || signals::stop_requested()) return Outcome::done;
        if (!sleep_unless_stopped(options_.interval_s)) return Outcome::done;
      }
    } catch (const Stopping&) {
      return Outcome::stopped;
    } catch (const CredentialsRefused& e) {
      log::error(name_ + ": the API refused the credentials; " + name_ + " stops, the other platforms go on",
                 {{"platform", name_}, {"detail", e.what()}});
      registry_.set("smelt_collect_platform_up", {{"platform", name_}}, 0);
      return Outcome::credentials_refused;
    } catch (const QuotaExhausted& e) {
      log::warn(name_ + ": quota or rate limit exhausted for this run", {{"platform", name_}, {"detail", e.what()}});
      return Outcome::quota_exhausted;
    } catch (const std::exception& e) {
      log::error(name_ + ": collection failed", {{"platform", name_}, {"detail", e.what()}});
      registry_.set("smelt_collect_platform_up", {{"platform", name_}}, 0);
      return Outcome::failed;
    }
  }

  Response fetch(Request request, int units) override {
    bool refreshed = false;
    int failures = 0;
    for (;;) {
      check_budget(units);
      wait_turn();
      platform_->authorize(http_, request);
      Response response = http_.perform(request);
      limiter_.sent();
      ++requests_;
      registry_.add("smelt_collect_requests_total",
                    {{"platform", name_}, {"status", std::to_string(response.status)}});
      if (!options_.dry_run) state_->add_quota(name_, units);
      const double hint = platform_->wait_hint_s(response, static_cast<double>(now_us()) / 1e6);
      if (platform_->quota_exceeded(response)) {
        limiter_.pause(seconds_to_quota_reset());
        throw QuotaExhausted("the API reports its daily quota spent; calls resume after midnight Pacific time");
      }
      if (response.status == 429) {
        const double wait = hint > 0 ? hint : limiter_.backoff_s(failures);
        log::warn(name_ + ": rate limited (HTTP 429), waiting", {{"platform", name_}, {"wait_s", wait}});
        limiter_.pause(wait);
        if (++failures > options_.retries * 4) throw GaveUp("still rate limited after many waits");
        continue;
      }
      if (hint > 0) limiter_.pause(hint);
      if (response.status == 0 || response.status >= 500) {
        if (failures >= options_.retries) {
          throw GaveUp("HTTP " + std::to_string(response.status) + " " + response.transport_error + " after " +
                       std::to_string(failures + 1) + " attempts");
        }
        const double wait = limiter_.backoff_s(failures++);
        log::warn(name_ + ": server error or timeout, retrying",
                  {{"platform", name_}, {"status", response.status}, {"error", response.transport_error},
                   {"wait_s", wait}});
        limiter_.pause(wait);
        continue;
      }
      if (platform_->credentials_refused(response)) {
        if (!refreshed && platform_->refresh_credentials(http_)) {
          log::info(name_ + ": token refused, fetched a new one", {{"platform", name_}});
          refreshed = true;
          continue;
        }
        throw CredentialsRefused("HTTP " + std::to_string(response.status) + " on " + request.describe());
      }
      return response;
    }
  }

  void partial_error(const Request& request, std::string_view detail_json) override {
    log::warn(name_ + ": the API reported an error inside a successful response",
              {{"platform", name_}, {"request", request.describe()}});
    registry_.add("smelt_collect_partial_errors_total", {{"platform", name_}});
    if (!options_.dry_run) state_->record_partial_error(name_, campaign_id_, request.describe(), detail_json);
  }

 private:
  void cycle() {
    for (const Campaign& campaign : state_->active_campaigns()) {
      if (!state_->try_lock(name_, campaign.id)) continue;
      campaign_id_ = campaign.id;
      try {
        for (const std::string& stream : platform_->streams(campaign)) walk(campaign, stream);
      } catch (const GaveUp& e) {
        log::warn(name_ + ": campaign left for the next cycle",
                  {{"platform", name_}, {"campaign", campaign.name}, {"detail", e.what()}});
      } catch (...) {
        state_->unlock(name_, campaign.id);
        throw;
      }
      state_->unlock(name_, campaign.id);
    }
    campaign_id_ = 0;
    if (!options_.dry_run) repoll_due();
  }

  /// Follows one discovery stream page by page to its end.
  void walk(const Campaign& campaign, const std::string& stream) {
    auto [cursor, walked_recently] = state_->load_cursor(name_, campaign.id, stream, options_.interval_s);
    if (walked_recently) {
      // --interval holds for all collectors together: another one (or this
      // one's previous run) followed this stream to its end a moment ago.
      log::debug(name_ + ": stream walked less than --interval ago; not due yet",
                 {{"platform", name_}, {"campaign", campaign.name}, {"stream", stream}});
      return;
    }
    for (;;) {
      PageResult page = with_retries([&] { return platform_->discover(*this, campaign, stream, cursor); });
      deliver(page);
      if (!options_.dry_run) {
        state_->commit_page(name_, campaign.id, stream, page.cursor, !page.more, page.discovered, options_.schedule);
      }
      cursor = page.cursor;
      log::debug(name_ + ": page", {{"platform", name_}, {"stream", stream}, {"records", page.entities.size()}});
      if (!page.more || signals::stop_requested()) return;
    }
  }

  /// Observes due tracked posts again, a batch per call, youngest first.
  void repoll_due() {
    if (!state_->try_lock(name_, 0)) return;
    try {
      for (;;) {
        auto ids = state_->begin_repoll(name_, platform_->repoll_batch());
        if (ids.empty()) {
          state_->abort_repoll();
          break;
        }
        PageResult page;
        try {
          page = with_retries([&] { return platform_->repoll(*this, ids); });
          deliver(page);
        } catch (...) {
          state_->abort_repoll();
          throw;
        }
        state_->finish_repoll(name_, ids, options_.schedule);
        registry_.add("smelt_collect_repolled_posts_total", {{"platform", name_}}, static_cast<double>(ids.size()));
        if (signals::stop_requested()) break;
      }
    } catch (const GaveUp& e) {
      log::warn(name_ + ": re-polls left for the next cycle", {{"platform", name_}, {"detail", e.what()}});
    } catch (...) {
      state_->unlock(name_, 0);
      throw;
    }
    state_->unlock(name_, 0);
  }

  /// Calls `read` until it gives a readable page; each unreadable one is kept.
  template <typename Read>
  PageResult with_retries(Read read) {
    for (int attempt = 0;; ++attempt) {
      try {
        return read();
      } catch (const BadPage& bad) {
        log::warn(name_ + ": unreadable response kept in smelt.collect_bad_pages",
                  {{"platform", name_}, {"request", bad.request}, {"status", bad.status}, {"reason", bad.what()}});
        registry_.add("smelt_collect_bad_pages_total", {{"platform", name_}});
        if (!options_.dry_run) state_->record_bad_page(name_, campaign_id_, bad);
        if (attempt >= options_.retries) throw GaveUp(std::string("unreadable response: ") + bad.what());
        limiter_.pause(limiter_.backoff_s(attempt));
      }
    }
  }

  /// Sends a page's entities and waits until Kafka acknowledged all of them.
  void deliver(const PageResult& page) {
    for (const Entity& entity : page.entities) sink_->send(entity.key, envelope(name_, entity, page.observed_at));
    sink_->confirm();
    registry_.add("smelt_collect_messages_total", {{"platform", name_}}, static_cast<double>(page.entities.size()));
    messages_ += page.entities.size();
  }

  void check_budget(int units) {
    if (limits_.daily_units <= 0 || options_.dry_run) return;
    if (state_->quota_used(name_) + units > limits_.daily_units) {
      limiter_.pause(seconds_to_quota_reset());
      throw QuotaExhausted("the daily budget of " + std::to_string(limits_.daily_units) + " units is spent");
    }
  }

  void wait_turn() {
    const double wait = limiter_.wait_s();
    if (options_.once && wait > options_.max_wait_s) {
      throw QuotaExhausted("the next call is allowed in " + std::to_string(static_cast<long>(wait)) + " s");
    }
    if (wait > 0 && !sleep_unless_stopped(wait)) throw Stopping{};
    if (signals::stop_requested()) throw Stopping{};
  }

 public:
  std::uint64_t messages() const { return messages_; }
  std::uint64_t requests() const { return requests_; }
  const std::string& name() const { return name_; }

 private:
  const Options& options_;
  std::unique_ptr<Platform> platform_;
  std::string name_;
  Limits limits_;
  Limiter limiter_;
  HttpClient http_;
  metrics::Registry& registry_;
  std::unique_ptr<State> state_;
  std::unique_ptr<Sink> sink_;
  int campaign_id_ = 0;
  std::uint64_t messages_ = 0;
  std::uint64_t requests_ = 0;
};

void declare_metrics(metrics::Registry& registry) {
  registry.counter("smelt_collect_requests_total", "API calls by platform and HTTP status (0: transport failure)");
  registry.counter("smelt_collect_messages_total", "Envelopes Kafka acknowledged, by platform");
  registry.counter("smelt_collect_repolled_posts_total", "Tracked posts observed again, by platform");
  registry.counter("smelt_collect_bad_pages_total", "Unreadable responses kept in smelt.collect_bad_pages");
  registry.counter("smelt_collect_partial_errors_total", "Errors reported inside successful responses");
  registry.gauge("smelt_collect_platform_up", "1 while a platform collects, 0 once it stopped");
}

std::vector<std::unique_ptr<Platform>> configured_platforms(const Options& options) {
  std::vector<std::unique_ptr<Platform>> out;
  for (const std::string& name : platform_names()) {
    const bool chosen = options.platforms.empty() ||
                        std::find(options.platforms.begin(), options.platforms.end(), name) != options.platforms.end();
    if (!chosen) continue;
    PlatformSettings settings = options.settings.count(name) ? options.settings.at(name) : PlatformSettings{};
    for (const auto& credential : credential_names()) {
      if (credential.platform != name) continue;
      const std::string value = read_credential(credential.env, options.credentials_dir);
      (credential.secret ? settings.secret : settings.client_id) = value;
    }
    auto platform = make_platform(name, std::move(settings));
    if (platform->configured()) {
      out.push_back(std::move(platform));
    } else if (!options.platforms.empty()) {
      throw Error(ExitCode::usage, name + " was asked for but its credentials are not set (see docs/collect.md)");
    } else {
      log::info(name + ": no credentials, not collected", {{"platform", name}});
    }
  }
  return out;
}

}  // namespace

void run(Options options) {
  auto platforms = configured_platforms(options);
  if (platforms.empty()) {
    throw Error(ExitCode::usage, "no platform has credentials: set SMELT_COLLECT_* variables (docs/collect.md)");
  }
  if (options.dry_run) options.once = true;
  metrics::Registry registry;
  declare_metrics(registry);
  std::unique_ptr<metrics::Endpoint> endpoint;
  if (options.metrics.port > 0) {
    endpoint = std::make_unique<metrics::Endpoint>(options.metrics.address, options.metrics.port, registry);
  }
  const std::string run_id = log::new_run_id();
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<PlatformRunner>> runners;
  std::vector<Outcome> outcomes(platforms.size(), Outcome::done);
  unsigned seed = static_cast<unsigned>(now_us());
  for (auto& platform : platforms) {
    runners.push_back(std::make_unique<PlatformRunner>(options, std::move(platform), registry, seed++));
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < runners.size(); ++i) {
    threads.emplace_back([&, i] { outcomes[i] = runners[i]->run(); });
  }
  for (auto& thread : threads) thread.join();
  std::uint64_t messages = 0;
  std::vector<std::string> refused;
  for (std::size_t i = 0; i < runners.size(); ++i) {
    messages += runners[i]->messages();
    log::info(runners[i]->name() + ": finished",
              {{"platform", runners[i]->name()}, {"records", runners[i]->messages()},
               {"requests", runners[i]->requests()}, {"run_id", run_id}});
    if (outcomes[i] == Outcome::credentials_refused || outcomes[i] == Outcome::failed) {
      refused.push_back(runners[i]->name());
    }
  }
  const double duration = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  log::info("collect finished", {{"run_id", run_id}, {"records", messages}, {"duration_s", duration}});
  if (!refused.empty()) {
    throw Error(ExitCode::failure, "stopped platforms: " + join(refused, ", ") + " (see the errors above)");
  }
}

}  // namespace smelt::collect
