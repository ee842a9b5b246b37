// The Kafka side of `smelt generate`: every message is delivered or counted
// as failed, and a failed delivery fails the run.
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "generate/generator.hpp"
#include "generate/sink.hpp"
#include "kafka/producer.hpp"

namespace smelt::generate {
namespace {

kafka::Options in_process_cluster() {
  kafka::Options options;
  options.topic = "generate.producer.test";
  options.properties = {"test.mock.num.brokers=1"};  // librdkafka's mock cluster inside the client
  return options;
}

kafka::Options unreachable_broker() {
  kafka::Options options;
  options.brokers = "127.0.0.1:1";
  options.topic = "generate.producer.test";
  options.properties = {"message.timeout.ms=300"};
  return options;
}

TEST(GenerateProducer, DeliversEveryMessage) {
  const kafka::Options options = in_process_cluster();
  kafka::Producer producer(kafka::make_conf(options, kafka::producer_defaults()), options.topic);
  for (int i = 0; i < 5'000; ++i) producer.produce("x:" + std::to_string(i % 50), R"({"source":"x"})");
  EXPECT_TRUE(producer.flush(30'000));
  EXPECT_EQ(producer.produced(), 5'000u);
  EXPECT_EQ(producer.delivered(), 5'000u);
  EXPECT_EQ(producer.failed(), 0u);
  EXPECT_EQ(producer.in_flight(), 0u);
}

TEST(GenerateProducer, CountsFailedDeliveries) {
  const kafka::Options options = unreachable_broker();
  kafka::Producer producer(kafka::make_conf(options, kafka::producer_defaults()), options.topic);
  for (int i = 0; i < 10; ++i) producer.produce("x:1", "{}");
  EXPECT_TRUE(producer.flush(10'000));
  EXPECT_EQ(producer.failed(), 10u);
  EXPECT_EQ(producer.delivered(), 0u);
  EXPECT_FALSE(producer.first_error().empty());
}

TEST(GenerateProducer, SinkFailsTheRunWhenDeliveriesFail) {
  auto sink = open_kafka_sink(unreachable_broker());
  GeneratorOptions options;
  options.users_per_platform = 100;
  Generator generator(options);
  for (int i = 0; i < 20; ++i) sink->write(generator.next());
  try {
    sink->close();
    FAIL() << "close() must throw when messages were lost";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kafka);
    EXPECT_NE(std::string(e.what()).find("20 of 20"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(sink->failed());
}

TEST(GenerateProducer, SinkDeliversWithKeysToTheCluster) {
  auto sink = open_kafka_sink(in_process_cluster());
  GeneratorOptions options;
  options.users_per_platform = 100;
  Generator generator(options);
  for (int i = 0; i < 2'000; ++i) sink->write(generator.next());
  EXPECT_NO_THROW(sink->close());
  EXPECT_FALSE(sink->failed());
  EXPECT_EQ(sink->describe(), "kafka:generate.producer.test");
}

}  // namespace
}  // namespace smelt::generate
