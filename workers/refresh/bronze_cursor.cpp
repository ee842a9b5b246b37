#include "refresh/bronze_cursor.hpp"

#include "refresh/pg_values.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

enum Column : int { batch_id, kafka_partition, kafka_offset, observed_at_us, source, kind, raw };

}  // namespace

BronzeCursor BronzeCursor::for_batches(pg::Session& session, const std::vector<std::int64_t>& batch_ids) {
  session.exec(sql::query("queries/refresh/declare_batch_rows"), {bigint_array(batch_ids)});
  return BronzeCursor(session);
}

BronzeCursor BronzeCursor::for_range(pg::Session& session, const std::string& from, const std::string& to) {
  session.exec(sql::query("queries/refresh/declare_range_rows"), {from, to});
  return BronzeCursor(session);
}

bool BronzeCursor::fetch() {
  if (exhausted_) return false;
  chunk_ = session_->exec(sql::query("queries/refresh/fetch_rows"));
  rows_ = PQntuples(chunk_.get());
  exhausted_ = rows_ == 0;
  return !exhausted_;
}

BronzeRow BronzeCursor::row(int index) const {
  const PGresult* result = chunk_.get();
  BronzeRow row;
  row.ref.batch_id = int_at(result, index, batch_id);
  row.ref.kafka_partition = static_cast<std::int32_t>(int_at(result, index, kafka_partition));
  row.ref.kafka_offset = int_at(result, index, kafka_offset);
  row.ref.observed_at_us = int_at(result, index, observed_at_us);
  row.ref.source = text_at(result, index, source);
  row.ref.kind = text_at(result, index, kind);
  row.raw = text_at(result, index, raw);
  return row;
}

void BronzeCursor::close() {
  session_->exec(sql::query("queries/refresh/close_rows"));
  chunk_.reset();
  rows_ = 0;
  exhausted_ = true;
}

}  // namespace smelt::refresh
