#include "generate/sink.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.hpp"
#include "common/log.hpp"
#include "kafka/producer.hpp"

namespace smelt::generate {
namespace {

constexpr std::size_t FILE_BUFFER_BYTES = 1 << 20;
constexpr int FLUSH_TIMEOUT_MS = 120'000;

class FileSink final : public Sink {
 public:
  explicit FileSink(const std::string& path) : path_(path) {
    file_ = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) throw Error(ExitCode::failure, "cannot open " + path + ": " + std::strerror(errno));
    buffer_.reserve(FILE_BUFFER_BYTES + FILE_BUFFER_BYTES / 4);
  }
  ~FileSink() override {
    if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  }
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  void write(const Message& message) override {
    buffer_ += message.value;
    buffer_ += '\n';
    if (buffer_.size() >= FILE_BUFFER_BYTES) drain();
  }

  bool failed() const noexcept override { return write_error_ != 0; }

  void close() override {
    if (file_ == nullptr) return;
    drain();
    if (std::fflush(file_) != 0 && write_error_ == 0) write_error_ = errno;
    if (file_ != stdout && std::fclose(file_) != 0 && write_error_ == 0) write_error_ = errno;
    file_ = nullptr;
    if (write_error_ != 0)
      throw Error(ExitCode::failure, "writing " + describe() + ": " + std::strerror(write_error_));
  }

  std::string describe() const override { return path_ == "-" ? "stdout" : "file:" + path_; }

 private:
  void drain() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size() &&
        write_error_ == 0) {
      write_error_ = errno != 0 ? errno : EIO;
    }
    buffer_.clear();
  }

  std::string path_;
  std::string buffer_;
  std::FILE* file_ = nullptr;
  int write_error_ = 0;
};

class KafkaSink final : public Sink {
 public:
  explicit KafkaSink(const kafka::Options& options)
      : topic_(options.topic),
        producer_(kafka::make_conf(options, kafka::producer_defaults()), options.topic) {}

  void write(const Message& message) override { producer_.produce(message.key, message.value); }
  void poll() override { producer_.poll(0); }
  bool failed() const noexcept override { return producer_.failed() > 0; }

  void close() override {
    if (!producer_.flush(FLUSH_TIMEOUT_MS)) {
      throw Error(ExitCode::kafka, "Kafka: " + std::to_string(producer_.in_flight()) +
                                       " messages still undelivered after " +
                                       std::to_string(FLUSH_TIMEOUT_MS / 1000) + " s");
    }
    if (producer_.failed() > 0) {
      throw Error(ExitCode::kafka, "Kafka: " + std::to_string(producer_.failed()) + " of " +
                                       std::to_string(producer_.produced()) +
                                       " messages were not delivered: " + producer_.first_error());
    }
  }

  std::string describe() const override { return "kafka:" + topic_; }

 private:
  std::string topic_;
  kafka::Producer producer_;
};

}  // namespace

std::unique_ptr<Sink> open_file_sink(const std::string& path) { return std::make_unique<FileSink>(path); }

std::unique_ptr<Sink> open_kafka_sink(const kafka::Options& options) {
  return std::make_unique<KafkaSink>(options);
}

}  // namespace smelt::generate
