#include "ingest/batch.hpp"

#include "ingest/copy_text.hpp"
#include "ingest/timestamp.hpp"

namespace smelt::ingest {

void Batch::add(const KafkaRecord& record, const Verdict& verdict) {
  if (const auto* envelope = std::get_if<Envelope>(&verdict)) {
    add_event(record, *envelope);
  } else {
    add_reject(record, std::get<Rejection>(verdict));
  }
  auto [it, inserted] = partitions_.try_emplace(record.partition, OffsetRange{record.offset, record.offset});
  if (!inserted) it->second.last = record.offset;
}

void Batch::clear() {
  events_copy_.clear();
  rejects_copy_.clear();
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

void Batch::add_event(const KafkaRecord& record, const Envelope& envelope) {
  add_coordinates(events_copy_, record);
  events_copy_ += '\t';
  events_copy_ += envelope.source;
  events_copy_ += '\t';
  events_copy_ += envelope.kind;
  events_copy_ += '\t';
  events_copy_ += format_utc_us(envelope.observed_at_us);
  events_copy_ += '\t';
  pg::append_copy_text(events_copy_, record.value);
  events_copy_ += '\n';
  ++events_;
}

void Batch::add_reject(const KafkaRecord& record, const Rejection& rejection) {
  add_coordinates(rejects_copy_, record);
  rejects_copy_ += '\t';
  pg::append_copy_bytea(rejects_copy_, record.value);
  rejects_copy_ += '\t';
  rejects_copy_ += to_string(rejection.reason);
  rejects_copy_ += '\t';
  pg::append_copy_text(rejects_copy_, rejection.detail);
  rejects_copy_ += '\n';
  ++rejects_;
  ++reject_reasons_[rejection.reason];
}

}  // namespace smelt::ingest
