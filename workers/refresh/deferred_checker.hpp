#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "pg/session.hpp"

// The deferrable checks, run beside the gold refreshes (smelt scheduler
// --check-interval).
namespace smelt::refresh {

/// Runs smelt.check_deferred every `interval` in a background thread, on a
/// connection of its own (application_name "smelt scheduler checks"), over
/// what the refreshes published without the deferrable checks. A failure of
/// severity error closes the refreshes' gate in the database; the checker
/// logs a warning when that happens and a line when a later run opens it
/// again. A failed run (a lost connection, a cancelled statement) is logged
/// and tried again at the next interval on a new connection: the posts it
/// did not check stay noted. Stops and joins on destruction.
class DeferredChecker {
 public:
  DeferredChecker(std::string conninfo, std::chrono::milliseconds interval);
  ~DeferredChecker();
  DeferredChecker(const DeferredChecker&) = delete;
  DeferredChecker& operator=(const DeferredChecker&) = delete;

 private:
  void run();
  void check_once();

  std::string conninfo_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::unique_ptr<pg::Session> session_;
  bool failing_ = false;  ///< the last run closed the gate
  std::thread thread_;    ///< started last, joined first
};

}  // namespace smelt::refresh
