#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kafka/client.hpp"

namespace smelt::serve {

/// Where ingest stands on one partition, from outside the workers.
struct PartitionLag {
  std::int32_t partition = 0;
  std::int64_t stored_offset = 0;  ///< next offset to load (smelt.ingest_offsets)
  std::int64_t end_offset = 0;     ///< the broker's high watermark
  std::int64_t lag_messages = 0;   ///< end_offset - stored_offset
  std::optional<double> lag_seconds;  ///< age of the oldest message not loaded yet; 0 when caught up
};

/// Measures consumer lag in messages and seconds against the broker: the
/// high watermark of each partition, and the Kafka timestamp of the first
/// message not loaded yet (fetched once per stored offset and remembered).
/// Works whether or not any `smelt ingest` is running.
class LagProbe {
 public:
  explicit LagProbe(const kafka::Options& options);

  /// The topic it measures.
  const std::string& topic() const { return options_.topic; }

  /// Lag of every partition in `stored` (partition -> next offset).
  std::vector<PartitionLag> measure(const std::map<std::int32_t, std::int64_t>& stored);

 private:
  std::map<std::int32_t, std::int64_t> fetch_timestamps(const std::map<std::int32_t, std::int64_t>& wanted);

  kafka::Options options_;
  kafka::HandlePtr consumer_;
  std::map<std::int32_t, std::pair<std::int64_t, std::int64_t>> timestamps_;  // partition -> (offset, ms)
};

}  // namespace smelt::serve
