#include "ingest/write_pipeline.hpp"

#include <chrono>
#include <utility>

namespace smelt::ingest {

WritePipeline::WritePipeline(BronzeWriter& writer) : writer_(writer), thread_([this] { run(); }) {}

WritePipeline::~WritePipeline() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void WritePipeline::submit(Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
                           const std::map<std::int32_t, Fingerprint>& last) {
  {
    std::lock_guard lock(mutex_);
    std::swap(batch_, batch);
    batch.clear();
    expected_ = expected;
    last_ = last;
    error_ = nullptr;
    state_ = State::queued;
  }
  busy_ = true;
  wake_.notify_all();
}

bool WritePipeline::finished() const {
  if (!busy_) return false;
  std::lock_guard lock(mutex_);
  return state_ == State::done;
}

WritePipeline::Result WritePipeline::collect() {
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return state_ == State::done; });
  state_ = State::idle;
  busy_ = false;
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  return result_;
}

void WritePipeline::release() {
  batch_.clear();
  expected_.clear();
  last_.clear();
}

void WritePipeline::take_back(Batch& batch, std::map<std::int32_t, Fingerprint>& last) {
  std::swap(batch_, batch);
  last = std::move(last_);
  release();
}

void WritePipeline::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || state_ == State::queued; });
    if (state_ != State::queued) return;
    state_ = State::writing;
    lock.unlock();
    Result result;
    std::exception_ptr error;
    const auto started = std::chrono::steady_clock::now();
    try {
      result.outcome = writer_.write(batch_, expected_, last_, result.batch_id);
    } catch (...) {
      error = std::current_exception();
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    lock.lock();
    result_ = result;
    error_ = error;
    state_ = State::done;
    done_.notify_all();
  }
}

}  // namespace smelt::ingest
