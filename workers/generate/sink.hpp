#pragma once

#include <memory>
#include <string>

#include "generate/generator.hpp"
#include "kafka/client.hpp"

namespace smelt::generate {

/// Where generated messages go.
class Sink {
 public:
  virtual ~Sink() = default;
  /// Sends one message.
  virtual void write(const Message& message) = 0;
  /// Serves background work such as delivery reports; cheap, call often.
  virtual void poll() {}
  /// True once a message is known to be lost (the run should stop).
  virtual bool failed() const noexcept { return false; }
  /// Delivers everything still buffered; throws smelt::Error when any message was lost.
  virtual void close() = 0;
  /// Where the messages go, for logs ("file:/tmp/x.jsonl", "kafka:smelt.events").
  virtual std::string describe() const = 0;
};

/// JSON lines: each message then '\n'. `path` "-" is stdout. Throws smelt::Error when the file cannot be
/// opened.
std::unique_ptr<Sink> open_file_sink(const std::string& path);

/// A Kafka producer (key = message key) with throughput defaults that -X overrides.
std::unique_ptr<Sink> open_kafka_sink(const kafka::Options& options);

}  // namespace smelt::generate
