#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "ingest/batch.hpp"
#include "ingest/bronze_writer.hpp"
#include "ingest/log_identity.hpp"

namespace smelt::ingest {

/// Writes one batch at a time on a thread of its own, so that the next batch
/// is read from Kafka and encoded while PostgreSQL copies and commits the
/// previous one. Each write is BronzeWriter::write: one transaction holding
/// the rows and the fenced offset moves, so a batch is durable whole or not
/// at all whenever the process dies. At most one batch is in flight, beside
/// the one being read: the COPY text held is at most twice --batch-bytes.
///
/// While a batch is in flight the writer's connection belongs to the
/// pipeline's thread: the caller uses the BronzeWriter only when busy() is
/// false (after collect()).
class WritePipeline {
 public:
  /// What a finished write came to.
  struct Result {
    WriteOutcome outcome = WriteOutcome::committed;
    std::int64_t batch_id = 0;
    double seconds = 0;  ///< time from begin to commit
  };

  explicit WritePipeline(BronzeWriter& writer);
  /// Lets the write in flight finish (committed or not), then stops the thread.
  ~WritePipeline();
  WritePipeline(const WritePipeline&) = delete;
  WritePipeline& operator=(const WritePipeline&) = delete;

  /// Starts writing `batch` against the stored offsets `expected` and the
  /// fingerprints `last` (see BronzeWriter::write). The batch's contents move
  /// into the pipeline; `batch` is left empty, holding the buffers of the
  /// previous batch for reuse. Only when not busy().
  void submit(Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
              const std::map<std::int32_t, Fingerprint>& last);
  /// A batch was submitted and not collected yet.
  bool busy() const noexcept { return busy_; }
  /// busy() and its write returned: collect() will not block.
  bool finished() const;
  /// Waits for the batch in flight and returns its result, or rethrows what
  /// its write threw. Then, until release() or take_back(), batch(),
  /// expected() and last() describe that batch. Only when busy().
  Result collect();
  /// The batch collected last, the offsets it was written against and its
  /// last messages' fingerprints.
  const Batch& batch() const { return batch_; }
  const std::map<std::int32_t, std::int64_t>& expected() const { return expected_; }
  const std::map<std::int32_t, Fingerprint>& last() const { return last_; }
  /// Forgets the collected batch (its buffers are kept for the next one).
  void release();
  /// After a failed collect(): moves the collected batch and its fingerprints
  /// back into `batch` and `last`, replacing what they held.
  void take_back(Batch& batch, std::map<std::int32_t, Fingerprint>& last);

 private:
  enum class State { idle, queued, writing, done };
  void run();

  BronzeWriter& writer_;
  Batch batch_;
  std::map<std::int32_t, std::int64_t> expected_;
  std::map<std::int32_t, Fingerprint> last_;
  Result result_;
  std::exception_ptr error_;
  bool busy_ = false;  // touched by the caller's thread only
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  State state_ = State::idle;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace smelt::ingest
