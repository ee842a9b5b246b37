#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pg/session.hpp"

namespace smelt::serve {

/// A few PostgreSQL sessions shared by the HTTP handler threads. A session
/// is opened on demand and prepared with `setup` (an embedded statement
/// taking `setup_params`); one that failed on a broken connection is
/// dropped, so the next request connects again (PostgreSQL restarted).
class SessionPool {
 public:
  SessionPool(std::string conninfo, std::string setup = "", std::vector<pg::Param> setup_params = {});

  /// Runs `work` with a session of the pool; rethrows what it throws.
  template <class Work>
  auto with(Work&& work) {
    auto session = acquire();
    try {
      auto result = work(*session);
      release(std::move(session));
      return result;
    } catch (...) {
      if (session->ok()) release(std::move(session));
      throw;
    }
  }

 private:
  std::unique_ptr<pg::Session> acquire();
  void release(std::unique_ptr<pg::Session> session);

  std::string conninfo_;
  std::string setup_;
  std::vector<pg::Param> setup_params_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<pg::Session>> idle_;
};

}  // namespace smelt::serve
