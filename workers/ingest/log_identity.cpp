#include "ingest/log_identity.hpp"

#include <chrono>
#include <string>

#include "common/error.hpp"

namespace smelt::ingest {
namespace {

constexpr std::uint64_t FNV_OFFSET_BASIS = 14695981039346656037ULL;
constexpr std::uint64_t FNV_PRIME = 1099511628211ULL;
constexpr int PROBE_POLL_MS = 100;

std::uint64_t fnv1a(std::uint64_t hash, const void* data, size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) {
    hash ^= bytes[i];
    hash *= FNV_PRIME;
  }
  return hash;
}

kafka::HandlePtr probe_consumer(const kafka::Options& options) {
  auto conf = kafka::make_conf(options, {{"group.id", "smelt-ingest-log-check"},
                                         {"enable.auto.commit", "false"},
                                         {"enable.auto.offset.store", "false"},
                                         {"auto.offset.reset", "error"},
                                         {"enable.partition.eof", "true"},
                                         {"client.id", "smelt-ingest-log-check"}});
  char error[512];
  kafka::HandlePtr consumer(rd_kafka_new(RD_KAFKA_CONSUMER, conf.release(), error, sizeof error));
  if (!consumer) throw Error(ExitCode::kafka, std::string("cannot create a Kafka consumer: ") + error);
  rd_kafka_poll_set_consumer(consumer.get());
  return consumer;
}

}  // namespace

Fingerprint fingerprint(const rd_kafka_message_t& message) {
  Fingerprint result;
  rd_kafka_timestamp_type_t type;
  const auto timestamp = rd_kafka_message_timestamp(&message, &type);
  if (type != RD_KAFKA_TIMESTAMP_NOT_AVAILABLE && timestamp >= 0) result.timestamp_ms = timestamp;
  std::uint64_t hash = FNV_OFFSET_BASIS;
  const unsigned char key_marker = message.key != nullptr ? 1 : 0;  // a NULL key differs from an empty one
  hash = fnv1a(hash, &key_marker, 1);
  if (message.key != nullptr) hash = fnv1a(hash, message.key, message.key_len);
  const std::uint64_t key_length = message.key_len;
  hash = fnv1a(hash, &key_length, sizeof key_length);
  if (message.payload != nullptr) hash = fnv1a(hash, message.payload, message.len);
  result.hash = static_cast<std::int64_t>(hash);
  return result;
}

std::map<std::int32_t, std::optional<Fingerprint>> read_fingerprints(
    const kafka::Options& options, const std::map<std::int32_t, std::int64_t>& offsets, int timeout_ms) {
  std::map<std::int32_t, std::optional<Fingerprint>> found;
  if (offsets.empty()) return found;
  auto consumer = probe_consumer(options);
  kafka::PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())));
  for (const auto& [partition, offset] : offsets) {
    rd_kafka_topic_partition_list_add(list.get(), options.topic.c_str(), partition)->offset = offset;
  }
  if (auto err = rd_kafka_assign(consumer.get(), list.get()); err) {
    throw Error(ExitCode::kafka, std::string("cannot read back stored messages: ") + rd_kafka_err2str(err));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (found.size() < offsets.size() && std::chrono::steady_clock::now() < deadline) {
    rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer.get(), PROBE_POLL_MS);
    if (message == nullptr) continue;
    const auto wanted = offsets.find(message->partition);
    if (wanted != offsets.end() && !found.contains(message->partition)) {
      if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (message->offset == wanted->second) {
          found[message->partition] = fingerprint(*message);
        } else {
          found[message->partition] = std::nullopt;
        }
      } else if (message->err == RD_KAFKA_RESP_ERR__PARTITION_EOF ||
                 message->err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET ||
                 message->err == RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE) {
        found[message->partition] = std::nullopt;
      }
    }
    rd_kafka_message_destroy(message);
  }
  rd_kafka_consumer_close(consumer.get());
  if (found.size() < offsets.size()) {
    throw Error(ExitCode::kafka, "cannot read back the last stored message of every partition within " +
                                     std::to_string(timeout_ms / 1000) + " s");
  }
  return found;
}

}  // namespace smelt::ingest
