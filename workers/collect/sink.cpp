#include "collect/sink.hpp"

#include <cstdio>
#include <map>
#include <mutex>

#include "common/error.hpp"
#include "kafka/producer.hpp"

namespace smelt::collect {
namespace {

constexpr int FLUSH_TIMEOUT_MS = 120'000;

class KafkaSink final : public Sink {
 public:
  explicit KafkaSink(const kafka::Options& options) : producer_(make_producer(options), options.topic) {}

  void send(std::string_view key, std::string_view value) override { producer_.produce(key, value); }

  void confirm() override {
    if (!producer_.flush(FLUSH_TIMEOUT_MS)) {
      throw Error(ExitCode::kafka, "Kafka did not acknowledge every message within 120 s");
    }
    if (producer_.failed() > 0) {
      throw Error(ExitCode::kafka, "Kafka refused " + std::to_string(producer_.failed()) +
                                       " messages: " + producer_.first_error());
    }
  }

 private:
  static kafka::ConfPtr make_producer(const kafka::Options& options) {
    auto defaults = kafka::producer_defaults();
    defaults.emplace_back("enable.idempotence", "true");
    defaults.emplace_back("linger.ms", "5");
    return kafka::make_conf(options, defaults);
  }

  kafka::Producer producer_;
};

class FileSink final : public Sink {
 public:
  explicit FileSink(const std::string& path) : file_(std::fopen(path.c_str(), "wb")) {
    if (file_ == nullptr) throw Error(ExitCode::usage, "cannot open " + path + " for writing");
  }
  ~FileSink() override { std::fclose(file_); }

  void send(std::string_view key, std::string_view value) override {
    (void)key;
    std::lock_guard lock(mutex_);
    std::fwrite(value.data(), 1, value.size(), file_);
    std::fputc('\n', file_);
  }

  void confirm() override {
    std::lock_guard lock(mutex_);
    if (std::fflush(file_) != 0) throw Error(ExitCode::failure, "writing the output file failed");
  }

 private:
  std::FILE* file_;
  std::mutex mutex_;
};

/// One file shared by the platform threads.
class SharedSink final : public Sink {
 public:
  explicit SharedSink(std::shared_ptr<Sink> inner) : inner_(std::move(inner)) {}
  void send(std::string_view key, std::string_view value) override { inner_->send(key, value); }
  void confirm() override { inner_->confirm(); }

 private:
  std::shared_ptr<Sink> inner_;
};

}  // namespace

std::unique_ptr<Sink> open_kafka_sink(const kafka::Options& options) { return std::make_unique<KafkaSink>(options); }

std::unique_ptr<Sink> open_file_sink(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<Sink>> files;
  std::lock_guard lock(mutex);
  auto& shared = files[path];
  if (!shared) shared = std::make_shared<FileSink>(path == "-" ? "/dev/stdout" : path);
  return std::make_unique<SharedSink>(shared);
}

}  // namespace smelt::collect
