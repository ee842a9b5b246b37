#include "kafka/producer.hpp"

#include "common/error.hpp"
#include "common/log.hpp"

namespace smelt::kafka {
namespace {

constexpr std::int32_t UNASSIGNED_PARTITION = -1;  // RD_KAFKA_PARTITION_UA: let the partitioner hash the key
constexpr int QUEUE_FULL_POLL_MS = 50;
constexpr std::uint64_t POLL_EVERY_MESSAGES = 1024;
constexpr int SYSLOG_ERROR = 3;
constexpr int SYSLOG_WARNING = 4;

void on_log(const rd_kafka_t*, int level, const char* facility, const char* text) {
  const log::Fields fields = {{"facility", facility}, {"detail", text}};
  if (level <= SYSLOG_ERROR) {
    log::error("kafka client", fields);
  } else if (level <= SYSLOG_WARNING) {
    log::warn("kafka client", fields);
  } else {
    log::debug("kafka client", fields);
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> producer_defaults() {
  return {
      {"compression.codec", "zstd"},
      {"linger.ms", "100"},
      {"batch.num.messages", "20000"},
      {"batch.size", "4000000"},
      {"message.max.bytes", "6000000"},
      {"queue.buffering.max.messages", "500000"},
      {"queue.buffering.max.kbytes", "262144"},
      {"message.timeout.ms", "60000"},
  };
}

Producer::Producer(ConfPtr conf, const std::string& topic) : topic_name_(topic) {
  rd_kafka_conf_set_dr_msg_cb(conf.get(), &Producer::on_delivery);
  rd_kafka_conf_set_error_cb(conf.get(), &Producer::on_error);
  rd_kafka_conf_set_log_cb(conf.get(), on_log);
  rd_kafka_conf_set_opaque(conf.get(), this);
  char error[512];
  rd_kafka_t* handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), error, sizeof error);
  if (handle == nullptr) throw Error(ExitCode::kafka, std::string("Kafka producer: ") + error);
  static_cast<void>(conf.release());  // rd_kafka_new took ownership
  handle_.reset(handle);
  topic_.reset(rd_kafka_topic_new(handle, topic.c_str(), nullptr));
  if (!topic_) {
    throw Error(ExitCode::kafka, "Kafka topic " + topic + ": " + rd_kafka_err2str(rd_kafka_last_error()));
  }
}

Producer::~Producer() = default;

void Producer::produce(std::string_view key, std::string_view value) {
  // RD_KAFKA_MSG_F_COPY: librdkafka copies the payload and never writes to it.
  void* payload = const_cast<char*>(value.data());
  while (rd_kafka_produce(topic_.get(), UNASSIGNED_PARTITION, RD_KAFKA_MSG_F_COPY, payload, value.size(),
                          key.data(), key.size(), nullptr) != 0) {
    const rd_kafka_resp_err_t error = rd_kafka_last_error();
    if (error != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      throw Error(ExitCode::kafka, "producing to " + topic_name_ + ": " + rd_kafka_err2str(error));
    }
    rd_kafka_poll(handle_.get(), QUEUE_FULL_POLL_MS);
  }
  if (++produced_ % POLL_EVERY_MESSAGES == 0) rd_kafka_poll(handle_.get(), 0);
}

void Producer::poll(int timeout_ms) { rd_kafka_poll(handle_.get(), timeout_ms); }

bool Producer::flush(int timeout_ms) {
  return rd_kafka_flush(handle_.get(), timeout_ms) == RD_KAFKA_RESP_ERR_NO_ERROR && in_flight() == 0;
}

std::uint64_t Producer::in_flight() const noexcept {
  const int length = rd_kafka_outq_len(handle_.get());
  return length > 0 ? static_cast<std::uint64_t>(length) : 0;
}

void Producer::on_delivery(rd_kafka_t*, const rd_kafka_message_t* message, void* opaque) {
  static_cast<Producer*>(opaque)->record_delivery(*message);
}

void Producer::record_delivery(const rd_kafka_message_t& message) {
  if (message.err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    ++delivered_;
    return;
  }
  if (failed_++ == 0) {
    first_error_ = rd_kafka_err2str(message.err);
    log::error("kafka delivery failed", {{"topic", topic_name_}, {"error", first_error_}});
  }
}

void Producer::on_error(rd_kafka_t* handle, int error, const char* reason, void* opaque) {
  auto* self = static_cast<Producer*>(opaque);
  const auto code = static_cast<rd_kafka_resp_err_t>(error);
  if (code == RD_KAFKA_RESP_ERR__FATAL) {
    char detail[512];
    rd_kafka_fatal_error(handle, detail, sizeof detail);
    log::error("kafka fatal error", {{"detail", detail}});
    return;
  }
  if (code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN) {
    if (!self->brokers_down_logged_) log::warn("kafka: all brokers are down", {{"detail", reason}});
    self->brokers_down_logged_ = true;
    return;
  }
  if (code == RD_KAFKA_RESP_ERR__TRANSPORT || code == RD_KAFKA_RESP_ERR__RESOLVE) {
    log::debug("kafka client error",
               {{"error", rd_kafka_err2name(code)}, {"detail", reason}});  // the client log has it
    return;
  }
  log::warn("kafka client error", {{"error", rd_kafka_err2name(code)}, {"detail", reason}});
}

}  // namespace smelt::kafka
