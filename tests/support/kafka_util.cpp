#include "support/kafka_util.hpp"

#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>

#include <atomic>

#include "kafka/client.hpp"

namespace smelt::testing {
namespace {

std::atomic<int> delivery_errors{0};

void on_delivery(rd_kafka_t*, const rd_kafka_message_t* message, void*) {
  if (message->err) {
    ADD_FAILURE() << "delivery failed: " << rd_kafka_err2str(message->err);
    ++delivery_errors;
  }
}

kafka::HandlePtr client(const std::string& bootstrap, rd_kafka_type_t type) {
  kafka::Options options;
  options.brokers = bootstrap;
  auto conf = kafka::make_conf(options, {{"message.max.bytes", "20000000"}, {"linger.ms", "5"}});
  rd_kafka_conf_set_dr_msg_cb(conf.get(), on_delivery);
  char error[512];
  kafka::HandlePtr handle(rd_kafka_new(type, conf.release(), error, sizeof error));
  if (!handle) ADD_FAILURE() << error;
  return handle;
}

}  // namespace

void produce(const std::string& bootstrap, const std::string& topic, const std::vector<TestMessage>& messages,
             int partition) {
  auto producer = client(bootstrap, RD_KAFKA_PRODUCER);
  for (const auto& message : messages) {
    const char* key = message.key ? message.key->data() : nullptr;
    const size_t key_size = message.key ? message.key->size() : 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"  // librdkafka's RD_KAFKA_V_* macros
    auto err = rd_kafka_producev(
        producer.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(partition),
        RD_KAFKA_V_VALUE(const_cast<char*>(message.value.data()), message.value.size()),
        RD_KAFKA_V_KEY(key, key_size),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
#pragma GCC diagnostic pop
    ASSERT_EQ(err, RD_KAFKA_RESP_ERR_NO_ERROR) << rd_kafka_err2str(err);
    rd_kafka_poll(producer.get(), 0);
  }
  ASSERT_EQ(rd_kafka_flush(producer.get(), 30000), RD_KAFKA_RESP_ERR_NO_ERROR);
}

std::map<int, std::int64_t> end_offsets(const std::string& bootstrap, const std::string& topic) {
  auto handle = client(bootstrap, RD_KAFKA_PRODUCER);
  const rd_kafka_metadata_t* metadata = nullptr;
  auto* topic_handle = rd_kafka_topic_new(handle.get(), topic.c_str(), nullptr);
  std::map<int, std::int64_t> offsets;
  if (rd_kafka_metadata(handle.get(), 0, topic_handle, &metadata, 10000) == RD_KAFKA_RESP_ERR_NO_ERROR) {
    for (int i = 0; i < metadata->topics[0].partition_cnt; ++i) {
      int partition = metadata->topics[0].partitions[i].id;
      std::int64_t low = 0;
      std::int64_t high = 0;
      rd_kafka_query_watermark_offsets(handle.get(), topic.c_str(), partition, &low, &high, 10000);
      offsets[partition] = high;
    }
    rd_kafka_metadata_destroy(metadata);
  }
  rd_kafka_topic_destroy(topic_handle);
  return offsets;
}

}  // namespace smelt::testing
