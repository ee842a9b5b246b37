#include "serve/lag_probe.hpp"

#include <chrono>

#include "common/error.hpp"

namespace smelt::serve {
namespace {

constexpr int WATERMARK_TIMEOUT_MS = 2000;
constexpr int POLL_TIMEOUT_MS = 100;
constexpr auto FETCH_BUDGET = std::chrono::seconds(2);

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

LagProbe::LagProbe(const kafka::Options& options) : options_(options) {
  auto conf = kafka::make_conf(options_, {{"group.id", "smelt-serve-lag-probe"},
                                          {"enable.auto.commit", "false"},
                                          {"enable.auto.offset.store", "false"},
                                          {"enable.partition.eof", "false"},
                                          {"client.id", "smelt-serve"}});
  char error[512];
  consumer_.reset(rd_kafka_new(RD_KAFKA_CONSUMER, conf.release(), error, sizeof error));
  if (!consumer_) throw Error(ExitCode::kafka, std::string("cannot create the Kafka client: ") + error);
  rd_kafka_poll_set_consumer(consumer_.get());
}

std::map<std::int32_t, std::int64_t> LagProbe::fetch_timestamps(const std::map<std::int32_t, std::int64_t>& wanted) {
  std::map<std::int32_t, std::int64_t> found;
  if (wanted.empty()) return found;
  kafka::PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(wanted.size())));
  for (const auto& [partition, offset] : wanted) {
    rd_kafka_topic_partition_list_add(list.get(), options_.topic.c_str(), partition)->offset = offset;
  }
  if (rd_kafka_assign(consumer_.get(), list.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) return found;
  const auto deadline = std::chrono::steady_clock::now() + FETCH_BUDGET;
  while (found.size() < wanted.size() && std::chrono::steady_clock::now() < deadline) {
    rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer_.get(), POLL_TIMEOUT_MS);
    if (message == nullptr) continue;
    auto want = wanted.find(message->partition);
    if (!message->err && want != wanted.end() && message->offset == want->second) {
      rd_kafka_timestamp_type_t type;
      const auto timestamp = rd_kafka_message_timestamp(message, &type);
      if (type != RD_KAFKA_TIMESTAMP_NOT_AVAILABLE && timestamp >= 0) found[message->partition] = timestamp;
    }
    rd_kafka_message_destroy(message);
  }
  rd_kafka_assign(consumer_.get(), nullptr);
  return found;
}

std::vector<PartitionLag> LagProbe::measure(const std::map<std::int32_t, std::int64_t>& stored) {
  std::vector<PartitionLag> lags;
  std::map<std::int32_t, std::int64_t> wanted;
  for (const auto& [partition, offset] : stored) {
    std::int64_t low = 0;
    std::int64_t high = 0;
    if (rd_kafka_query_watermark_offsets(consumer_.get(), options_.topic.c_str(), partition, &low, &high,
                                         WATERMARK_TIMEOUT_MS) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      continue;
    }
    PartitionLag lag{partition, offset, high, std::max<std::int64_t>(0, high - offset), std::nullopt};
    lags.push_back(lag);
    auto cached = timestamps_.find(partition);
    if (lag.lag_messages > 0 && (cached == timestamps_.end() || cached->second.first != offset)) {
      wanted[partition] = offset;
    }
  }
  for (const auto& [partition, timestamp] : fetch_timestamps(wanted)) {
    timestamps_[partition] = {wanted.at(partition), timestamp};
  }
  const auto now = now_ms();
  for (auto& lag : lags) {
    if (lag.lag_messages == 0) {
      lag.lag_seconds = 0.0;
      continue;
    }
    auto cached = timestamps_.find(lag.partition);
    if (cached == timestamps_.end() || cached->second.first != lag.stored_offset) continue;
    lag.lag_seconds = static_cast<double>(std::max<std::int64_t>(0, now - cached->second.second)) / 1000.0;
  }
  return lags;
}

}  // namespace smelt::serve
