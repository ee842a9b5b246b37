#include "ingest/batch.hpp"

#include "ingest/copy_text.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::ingest {

void Batch::add(const KafkaRecord& record, const Verdict& verdict) {
  auto& rows = rows_[record.partition];
  const size_t before = rows.events_copy.size() + rows.rejects_copy.size();
  if (const auto* envelope = std::get_if<Envelope>(&verdict)) {
    add_event(rows, record, *envelope);
  } else {
    add_reject(rows, record, std::get<Rejection>(verdict));
  }
  bytes_ += rows.events_copy.size() + rows.rejects_copy.size() - before;
  if (record.timestamp_ms && (!rows.oldest_timestamp_ms || *record.timestamp_ms < *rows.oldest_timestamp_ms)) {
    rows.oldest_timestamp_ms = record.timestamp_ms;
  }
  auto [it, inserted] = partitions_.try_emplace(record.partition, OffsetRange{record.offset, record.offset});
  if (!inserted) it->second.last = record.offset;
}

namespace {

// A partition's buffer larger than this is freed rather than kept for the
// next batch: kept buffers would otherwise grow to each partition's largest
// batch ever, many times --batch-bytes in all.
constexpr size_t KEPT_BUFFER_BYTES = 1 << 20;

void clear_buffer(std::string& buffer) {
  if (buffer.capacity() > KEPT_BUFFER_BYTES) {
    std::string().swap(buffer);
  } else {
    buffer.clear();
  }
}

}  // namespace

void Batch::clear() {
  for (auto& [partition, rows] : rows_) {
    clear_buffer(rows.events_copy);
    clear_buffer(rows.rejects_copy);
    rows.events = 0;
    rows.rejects = 0;
    rows.oldest_observed_at_us.reset();
    rows.newest_observed_at_us.reset();
    rows.oldest_timestamp_ms.reset();
  }
  bytes_ = 0;
  events_ = 0;
  rejects_ = 0;
  partitions_.clear();
  reject_reasons_.clear();
}

// topic, kafka_partition, kafka_offset, kafka_key (bytea), kafka_timestamp
void Batch::add_coordinates(std::string& out, const KafkaRecord& record) {
  pg::append_copy_text(out, record.topic);
  out += '\t';
  out += std::to_string(record.partition);
  out += '\t';
  out += std::to_string(record.offset);
  out += '\t';
  if (record.key) {
    pg::append_copy_bytea(out, *record.key);
  } else {
    pg::append_copy_null(out);
  }
  out += '\t';
  if (record.timestamp_ms) {
    out += format_utc_us(*record.timestamp_ms * 1000);
  } else {
    pg::append_copy_null(out);
  }
}

void Batch::add_event(PartitionRows& rows, const KafkaRecord& record, const Envelope& envelope) {
  std::string& out = rows.events_copy;
  add_coordinates(out, record);
  out += '\t';
  out += envelope.source;
  out += '\t';
  out += envelope.kind;
  out += '\t';
  out += format_utc_us(envelope.observed_at_us);
  out += '\t';
  pg::append_copy_text(out, record.value);
  out += '\n';
  ++rows.events;
  const auto observed = envelope.observed_at_us;
  if (!rows.oldest_observed_at_us || observed < *rows.oldest_observed_at_us) rows.oldest_observed_at_us = observed;
  if (!rows.newest_observed_at_us || observed > *rows.newest_observed_at_us) rows.newest_observed_at_us = observed;
  ++events_;
}

void Batch::add_reject(PartitionRows& rows, const KafkaRecord& record, const Rejection& rejection) {
  std::string& out = rows.rejects_copy;
  add_coordinates(out, record);
  out += '\t';
  pg::append_copy_bytea(out, record.value);
  out += '\t';
  out += to_string(rejection.reason);
  out += '\t';
  pg::append_copy_text(out, rejection.detail);
  out += '\n';
  ++rows.rejects;
  ++rejects_;
  ++reject_reasons_[rejection.reason];
}

}  // namespace smelt::ingest
