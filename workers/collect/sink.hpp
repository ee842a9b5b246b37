#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "kafka/client.hpp"

namespace smelt::collect {

/// Where envelopes go: Kafka (idempotent producer) or a JSON lines file.
class Sink {
 public:
  virtual ~Sink() = default;
  /// Queues one message.
  virtual void send(std::string_view key, std::string_view value) = 0;
  /// Waits until every queued message is acknowledged; throws smelt::Error
  /// (kafka) when any was lost, so no cursor moves past it.
  virtual void confirm() = 0;
};

/// An idempotent Kafka producer (-X still overrides its properties).
std::unique_ptr<Sink> open_kafka_sink(const kafka::Options& options);

/// Appends JSON lines to `path`, shared by every platform thread.
std::unique_ptr<Sink> open_file_sink(const std::string& path);

}  // namespace smelt::collect
