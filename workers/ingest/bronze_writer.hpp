#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ingest/batch.hpp"
#include "ingest/log_identity.hpp"
#include "pg/session.hpp"

namespace smelt::ingest {

/// What writing a batch came to.
enum class WriteOutcome {
  committed,  ///< rows and offsets are durable together
  fenced      ///< another worker moved an offset first; nothing was written
};

/// A partition's stored next offset and, when known, the fingerprint of the
/// message before it.
struct StoredOffset {
  std::int64_t next = 0;
  std::optional<Fingerprint> last;
};

/// Writes batches to bronze and their offsets to smelt.ingest_offsets in one
/// transaction, and reads and initialises stored offsets. Owns its connection.
class BronzeWriter {
 public:
  /// Connects; consumer_group and topic scope every offset it reads or writes.
  BronzeWriter(std::string conninfo, std::string consumer_group, std::string topic, std::string worker);

  /// Creates bronze.events' daily partitions around today (idempotent).
  void ensure_partitions();
  /// Stored next offsets, per partition, for this group and topic.
  std::map<std::int32_t, StoredOffset> load_offsets();
  /// Records `start` as the next offset of a partition that has none stored.
  void init_offset(std::int32_t partition, std::int64_t start);
  /// One transaction: a batch row per partition (one statement), one COPY
  /// of the events and one of the rejects, each row naming its partition's
  /// batch; then the fenced offset moves (one statement). `expected` holds the stored next offset
  /// this worker believes in, per partition of the batch; `last` the
  /// fingerprint of each partition's last message in the batch. Returns the
  /// last batch id through batch_id.
  WriteOutcome write(const Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
                     const std::map<std::int32_t, Fingerprint>& last, std::int64_t& batch_id);
  /// (Re-)opens the connection (at start and after a connection-class failure).
  void reconnect();
  /// True while the connection is usable.
  bool connected() const { return session_ && session_->ok(); }
  /// SQLSTATE of the last failed statement ("" when none or the connection broke).
  std::string last_sqlstate() const { return session_ ? session_->last_sqlstate() : std::string(); }

 private:
  bool commit_offsets(const Batch& batch, const std::map<std::int32_t, std::int64_t>& expected,
                      const std::map<std::int32_t, Fingerprint>& last);
  void copy_all(std::string_view copy_sql, const Batch& batch, const std::map<std::int32_t, std::string>& ids,
                bool events);
  void copy_rows(const std::string& batch_id, std::string_view rows);

  std::string conninfo_;
  std::string consumer_group_;
  std::string topic_;
  std::string worker_;
  std::unique_ptr<pg::Session> session_;
  std::string send_buffer_;  // COPY data on its way, at most about 1 MiB
};

}  // namespace smelt::ingest
