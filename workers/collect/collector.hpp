#pragma once

#include <map>
#include <string>
#include <vector>

#include "collect/platform.hpp"
#include "collect/state.hpp"
#include "kafka/client.hpp"
#include "metrics/endpoint.hpp"

// smelt collect: one thread per platform discovers campaign posts, re-polls
// tracked ones and produces envelopes to Kafka, keeping its place in PostgreSQL.
namespace smelt::collect {

/// Per-platform limits.
struct Limits {
  double requests_per_minute = 30;  ///< spacing between calls
  std::int64_t daily_units = 0;     ///< quota units per quota day; 0 = no daily budget
};

/// Everything `smelt collect` is told.
struct Options {
  std::string conninfo;
  kafka::Options kafka;
  std::string output;                    ///< --dry-run: JSON lines here instead of Kafka
  bool dry_run = false;
  bool once = false;
  std::vector<std::string> platforms;    ///< empty: every platform with credentials
  std::string credentials_dir;
  std::map<std::string, PlatformSettings> settings;  ///< base URLs and such, by platform
  std::map<std::string, Limits> limits;
  Schedule schedule;
  double interval_s = 15;                ///< between discovery cycles
  int retries = 5;                       ///< per call, on 5xx, timeouts and unreadable pages
  double backoff_s = 1;                  ///< first retry delay; doubles, with jitter, up to 60 s
  double max_wait_s = 900;               ///< longest rate-limit pause a call waits out
  long http_timeout_ms = 30000;
  std::string user_agent = "smelt-collect/" SMELT_VERSION " (campaign analytics)";
  metrics::EndpointOptions metrics;
};

/// Runs until SIGINT/SIGTERM (or one cycle with --once). Throws smelt::Error
/// when no platform can run or, with --once, when a platform refused its credentials.
void run(Options options);

}  // namespace smelt::collect
