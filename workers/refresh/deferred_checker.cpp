#include "refresh/deferred_checker.hpp"

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "refresh/checks.hpp"
#include "refresh/connection.hpp"

namespace smelt::refresh {
namespace {

/// The longest the thread waits before it looks at the stop flag again.
constexpr std::chrono::milliseconds MAX_WAIT_MS{250};

}  // namespace

DeferredChecker::DeferredChecker(std::string conninfo, std::chrono::milliseconds interval)
    : conninfo_(std::move(conninfo)), interval_(interval), thread_([this] { run(); }) {}

DeferredChecker::~DeferredChecker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeferredChecker::run() {
  auto next = std::chrono::steady_clock::now() + interval_;
  std::unique_lock lock(mutex_);
  while (!stopping_ && !signals::stop_requested()) {
    if (std::chrono::steady_clock::now() < next) {
      wake_.wait_until(lock, std::min(next, std::chrono::steady_clock::now() + MAX_WAIT_MS));
      continue;
    }
    lock.unlock();
    check_once();
    lock.lock();
    next = std::chrono::steady_clock::now() + interval_;
  }
}

void DeferredChecker::check_once() {
  const auto started = std::chrono::steady_clock::now();
  const std::string run_id = log::new_run_id();
  try {
    if (!session_) session_ = connect(conninfo_, "smelt scheduler checks");
    const auto results = check_deferred(*session_, run_id);
    std::string failing;
    for (const auto& result : results) {
      if (result.blocks()) {
        failing += (failing.empty() ? "" : ", ") + result.check_name + " (" + std::to_string(result.failing_rows) +
                   " rows)";
      }
    }
    const double duration_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!failing.empty()) {
      if (!failing_) {
        log::warn("deferred checks failed: gold is not published until they pass",
                  {{"run_id", run_id},
                   {"checks", failing},
                   {"hint", "smelt check lists the failing checks and their rows; once it passes, gold publishes again"}});
      }
      failing_ = true;
    } else if (failing_) {
      log::info("deferred checks pass again", {{"run_id", run_id}, {"duration_s", duration_s}});
      failing_ = false;
    } else {
      log::debug("deferred checks passed", {{"run_id", run_id}, {"checks", results.size()}, {"duration_s", duration_s}});
    }
  } catch (const Error& e) {
    log::warn("the deferred checks could not run; trying again at the next interval",
              {{"run_id", run_id}, {"detail", e.what()}});
    session_.reset();
  }
}

}  // namespace smelt::refresh
