#include "kafka/mock_broker.hpp"

#include "common/error.hpp"

namespace smelt::kafka {

MockBroker::MockBroker(int brokers) {
  ConfPtr conf(rd_kafka_conf_new());
  char error[512];
  // The mock cluster hangs off a client handle; it never connects anywhere.
  rd_kafka_conf_set(conf.get(), "log_level", "3", error, sizeof error);
  // Answers leave as soon as they are ready, as from Kafka's brokers (which
  // set TCP_NODELAY): without it an answer queued behind another waits for
  // the client's delayed ACK, some 40 ms.
  rd_kafka_conf_set(conf.get(), "socket.nagle.disable", "true", error, sizeof error);
  handle_.reset(rd_kafka_new(RD_KAFKA_PRODUCER, conf.release(), error, sizeof error));
  if (!handle_) throw Error(ExitCode::kafka, std::string("cannot create the mock broker's client: ") + error);
  cluster_ = rd_kafka_mock_cluster_new(handle_.get(), brokers);
  if (cluster_ == nullptr) throw Error(ExitCode::kafka, "cannot start the mock Kafka cluster");
}

MockBroker::~MockBroker() {
  if (cluster_ != nullptr) rd_kafka_mock_cluster_destroy(cluster_);
}

void MockBroker::create_topic(const std::string& topic, int partitions) {
  auto err = rd_kafka_mock_topic_create(cluster_, topic.c_str(), partitions, 1);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    throw Error(ExitCode::kafka, "cannot create topic " + topic + ": " + rd_kafka_err2str(err));
  }
}

std::string MockBroker::bootstrap() const { return rd_kafka_mock_cluster_bootstraps(cluster_); }

}  // namespace smelt::kafka
