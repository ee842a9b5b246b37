#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "pg/session.hpp"

namespace smelt::serve {

/// A few PostgreSQL sessions shared by the HTTP handler threads. A session
/// is opened on demand and prepared with `setup` (an embedded statement
/// taking `setup_params`); one that failed on a broken connection is
/// dropped and the work is tried once more on a new connection, so a
/// restarted PostgreSQL costs no failed request. Work must be read-only.
class SessionPool {
 public:
  SessionPool(std::string conninfo, std::string setup = "", std::vector<pg::Param> setup_params = {});

  /// Runs `work` with a session of the pool; rethrows what it throws.
  template <class Work>
  auto with(Work&& work) {
    for (int attempt = 1;; ++attempt) {
      auto session = acquire();
      try {
        auto result = work(*session);
        release(std::move(session));
        return result;
      } catch (const Error&) {
        const bool broken = !session->ok();
        if (!broken) release(std::move(session));
        if (!broken || attempt > 1) throw;  // a statement failed on a live connection, or twice
      } catch (...) {
        if (session->ok()) release(std::move(session));
        throw;
      }
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
