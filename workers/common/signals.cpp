#include "common/signals.hpp"

#include <atomic>
#include <csignal>

namespace smelt::signals {
namespace {

std::atomic<bool> stop_flag{false};

extern "C" void on_stop_signal(int) { stop_flag.store(true); }

}  // namespace

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool stop_requested() noexcept { return stop_flag.load(std::memory_order_relaxed); }

void request_stop() noexcept { stop_flag.store(true); }

}  // namespace smelt::signals
