#pragma once

#include <librdkafka/rdkafka.h>

#include <cstdint>
#include <map>
#include <optional>

#include "kafka/client.hpp"

// Recognising the Kafka log behind a stored offset: a deleted and re-created
// topic, or a replaced broker, restarts offsets at 0 and may grow past the
// stored ones; only the messages themselves tell the logs apart.
namespace smelt::ingest {

/// What identifies one message of a log: its Kafka timestamp (-1 when the
/// broker gave none) and a 64-bit FNV-1a hash of its key and value.
struct Fingerprint {
  std::int64_t timestamp_ms = -1;
  std::int64_t hash = 0;
  bool operator==(const Fingerprint&) const = default;
};

/// The fingerprint of a consumed message.
Fingerprint fingerprint(const rd_kafka_message_t& message);

/// Reads the message at `offsets[partition]` of each partition of `topic`
/// with a short-lived consumer outside any group, and returns its
/// fingerprint, or nullopt when the log has no message at that offset.
/// Throws smelt::Error (ExitCode::kafka) when the broker does not answer
/// within timeout_ms.
std::map<std::int32_t, std::optional<Fingerprint>> read_fingerprints(
    const kafka::Options& options, const std::map<std::int32_t, std::int64_t>& offsets, int timeout_ms);

}  // namespace smelt::ingest
