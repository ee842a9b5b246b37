#pragma once

#include <librdkafka/rdkafka.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kafka/client.hpp"

namespace smelt::kafka {

/// Owning handle for a librdkafka topic object.
struct TopicDeleter {
  void operator()(rd_kafka_topic_t* topic) const noexcept { rd_kafka_topic_destroy(topic); }
};
using TopicPtr = std::unique_ptr<rd_kafka_topic_t, TopicDeleter>;

/// Producer properties tuned for throughput and for the local broker, for
/// make_conf's `defaults` (so -X still overrides them): zstd, 100 ms linger,
/// large batches and queues, 6 MB requests, 60 s delivery timeout. The local
/// broker (librdkafka's mock cluster) keeps about 5 MiB per partition, answers
/// a fetch with one message set per partition and finds it by walking the
/// partition's list of sets from the oldest, so few large sets matter more to
/// it than a few milliseconds of linger (docs/generator.md).
std::vector<std::pair<std::string, std::string>> producer_defaults();

/// A Kafka producer for one topic (librdkafka C API). Messages are copied on
/// produce; delivery reports are served on produce, poll and flush, and every
/// failed delivery is counted and kept, never dropped silently.
class Producer {
 public:
  /// Creates the client from `conf` (consumed) and opens `topic`. Throws
  /// smelt::Error (kafka) when librdkafka refuses.
  Producer(ConfPtr conf, const std::string& topic);
  /// Destroys the client without waiting: call flush() first.
  ~Producer();
  Producer(const Producer&) = delete;
  Producer& operator=(const Producer&) = delete;

  /// Queues one message, partitioned by key. While the local queue is full it
  /// serves delivery reports and retries. Throws smelt::Error (kafka) on any
  /// other error.
  void produce(std::string_view key, std::string_view value);
  /// Serves delivery reports and client errors, waiting up to timeout_ms.
  void poll(int timeout_ms = 0);
  /// Waits up to timeout_ms for every queued message to be delivered or to
  /// fail; true when nothing is left in flight.
  bool flush(int timeout_ms);

  /// Messages handed to produce().
  std::uint64_t produced() const noexcept { return produced_; }
  /// Messages the broker acknowledged.
  std::uint64_t delivered() const noexcept { return delivered_; }
  /// Messages whose delivery failed.
  std::uint64_t failed() const noexcept { return failed_; }
  /// Messages still queued or in flight.
  std::uint64_t in_flight() const noexcept;
  /// The first delivery error seen ("" when none).
  const std::string& first_error() const noexcept { return first_error_; }

 private:
  static void on_delivery(rd_kafka_t* handle, const rd_kafka_message_t* message, void* opaque);
  static void on_error(rd_kafka_t* handle, int error, const char* reason, void* opaque);
  void record_delivery(const rd_kafka_message_t& message);

  HandlePtr handle_;
  TopicPtr topic_;
  std::string topic_name_;
  std::uint64_t produced_ = 0;
  std::uint64_t delivered_ = 0;
  std::uint64_t failed_ = 0;
  std::string first_error_;
  bool brokers_down_logged_ = false;
};

}  // namespace smelt::kafka
