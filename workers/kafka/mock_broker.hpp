#pragma once

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <string>

#include "kafka/client.hpp"

namespace smelt::kafka {

/// A Kafka-protocol broker in this process: librdkafka's mock cluster. Real
/// clients (kcat, smelt ingest, any Kafka library) connect to bootstrap().
/// It keeps only about 5 MiB or 100k message sets per partition and nothing
/// survives the process, so it is for local runs and tests.
class MockBroker {
 public:
  /// Starts `brokers` brokers on loopback with ephemeral ports.
  explicit MockBroker(int brokers = 1);
  ~MockBroker();
  MockBroker(const MockBroker&) = delete;
  MockBroker& operator=(const MockBroker&) = delete;

  /// Creates a topic; throws smelt::Error when the cluster refuses.
  void create_topic(const std::string& topic, int partitions);
  /// The bootstrap.servers string clients use, e.g. "127.0.0.1:40123".
  std::string bootstrap() const;
  /// The underlying cluster, for fault injection in tests.
  rd_kafka_mock_cluster_t* cluster() const { return cluster_; }

 private:
  HandlePtr handle_;
  rd_kafka_mock_cluster_t* cluster_ = nullptr;
};

}  // namespace smelt::kafka
