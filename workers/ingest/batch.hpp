#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/envelope.hpp"

namespace smelt::ingest {

/// A Kafka message as the batch needs it (views into the client's buffers).
struct KafkaRecord {
  std::string_view topic;
  std::int32_t partition = 0;
  std::int64_t offset = 0;
  std::optional<std::string_view> key;
  std::optional<std::int64_t> timestamp_ms;
  std::string_view value;
};

/// The offsets a batch covers in one partition.
struct OffsetRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
};

/// The rows of one partition in a batch, encoded as COPY text for
/// bronze.events and bronze.rejects. Each partition becomes its own ingest
/// batch in the database (merge lanes split the work by partition).
struct PartitionRows {
  std::string events_copy;
  std::string rejects_copy;
  std::int64_t events = 0;
  std::int64_t rejects = 0;
  std::optional<std::int64_t> oldest_observed_at_us;  ///< of the events
  std::optional<std::int64_t> newest_observed_at_us;
  std::optional<std::int64_t> oldest_timestamp_ms;    ///< Kafka timestamp, of events and rejects

  bool empty() const { return events + rejects == 0; }
};

/// Messages gathered for one transaction, already encoded as COPY text for
/// bronze.events and bronze.rejects, per partition.
class Batch {
 public:
  /// Adds a message with its verdict.
  void add(const KafkaRecord& record, const Verdict& verdict);
  /// Forgets everything (after a commit or a rollback).
  void clear();

  bool empty() const { return events_ + rejects_ == 0; }
  std::int64_t events() const { return events_; }
  std::int64_t rejects() const { return rejects_; }
  /// Encoded size, a proxy for memory and COPY time.
  size_t bytes() const { return bytes_; }
  /// Encoded rows, per partition (partitions without rows may be listed, empty:
  /// their buffers, up to 1 MiB each, are kept for the next batch).
  const std::map<std::int32_t, PartitionRows>& rows() const { return rows_; }
  /// Offsets covered, per partition.
  const std::map<std::int32_t, OffsetRange>& partitions() const { return partitions_; }
  /// Rejects per reason in this batch.
  const std::map<RejectReason, std::int64_t>& reject_reasons() const { return reject_reasons_; }

 private:
  void add_coordinates(std::string& out, const KafkaRecord& record);
  void add_event(PartitionRows& rows, const KafkaRecord& record, const Envelope& envelope);
  void add_reject(PartitionRows& rows, const KafkaRecord& record, const Rejection& rejection);

  std::map<std::int32_t, PartitionRows> rows_;
  size_t bytes_ = 0;
  std::int64_t events_ = 0;
  std::int64_t rejects_ = 0;
  std::map<std::int32_t, OffsetRange> partitions_;
  std::map<RejectReason, std::int64_t> reject_reasons_;
};

}  // namespace smelt::ingest
