#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kafka/client.hpp"

namespace smelt::replay {

/// What `smelt replay` sends back to Kafka.
struct ReplayOptions {
  std::string conninfo;
  kafka::Options kafka;
  std::vector<std::string> reasons;  ///< only these reasons (empty: all)
  std::string since;                 ///< only rejects since this time (empty: any)
  std::vector<std::int64_t> ids;     ///< only these reject ids (empty: any)
  bool again = false;                ///< also rejects replayed before
  std::int64_t limit = 100000;
  bool dry_run = false;
};

/// What a replay did.
struct ReplayStats {
  std::string run_id;
  std::int64_t replayed = 0;
  std::map<std::string, std::int64_t> by_reason;
};

/// Re-submits matching rejected messages to the topic with their original
/// keys, waits for every delivery, then marks them replayed_at, all while
/// holding row locks so concurrent replays never send one message twice.
/// When a delivery fails nothing is marked (a later replay sends again).
ReplayStats run_replay(const ReplayOptions& options);

/// Decodes lowercase hex ("7b7d") into bytes.
std::string hex_decode(std::string_view hex);

}  // namespace smelt::replay
