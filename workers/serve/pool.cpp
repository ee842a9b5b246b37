#include "serve/pool.hpp"

namespace smelt::serve {
namespace {

/// Idle sessions kept open; more are opened under load and closed after.
constexpr size_t MAX_IDLE_SESSIONS = 4;

}  // namespace

SessionPool::SessionPool(std::string conninfo, std::string setup, std::vector<pg::Param> setup_params)
    : conninfo_(std::move(conninfo)), setup_(std::move(setup)), setup_params_(std::move(setup_params)) {}

std::unique_ptr<pg::Session> SessionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto session = std::move(idle_.back());
      idle_.pop_back();
      return session;
    }
  }
  auto session = std::make_unique<pg::Session>(conninfo_);
  if (!setup_.empty()) session->exec(setup_, setup_params_);
  return session;
}

void SessionPool::release(std::unique_ptr<pg::Session> session) {
  std::lock_guard lock(mutex_);
  if (session->ok() && idle_.size() < MAX_IDLE_SESSIONS) idle_.push_back(std::move(session));
}

}  // namespace smelt::serve
