#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/rows.hpp"
#include "pg/session.hpp"

// Streaming bronze rows out of PostgreSQL in bounded chunks.
namespace smelt::refresh {

/// One bronze event as the cursor returns it. The views point into the
/// current chunk and stay valid until the next fetch().
struct BronzeRow {
  decode::BronzeRef ref;  ///< batch, Kafka coordinates, observed_at, source, kind
  std::string_view raw;   ///< bronze.events.raw
};

/// A server-side cursor over bronze.events inside the caller's transaction:
/// rows arrive a chunk at a time (sql/queries/refresh/fetch_rows.sql), so
/// batches and ranges of any size pass through bounded memory.
class BronzeCursor {
 public:
  /// Opens the cursor over the events of the given ingest batches.
  static BronzeCursor for_batches(pg::Session& session, const std::vector<std::int64_t>& batch_ids);
  /// Opens the cursor over the events observed in [from, to).
  static BronzeCursor for_range(pg::Session& session, const std::string& from, const std::string& to);

  /// Fetches the next chunk; false once the cursor is exhausted.
  bool fetch();
  /// Rows in the current chunk.
  int size() const noexcept { return rows_; }
  /// Row `index` of the current chunk.
  BronzeRow row(int index) const;
  /// Closes the cursor (a commit or rollback closes it too).
  void close();

 private:
  explicit BronzeCursor(pg::Session& session) : session_(&session) {}

  pg::Session* session_;
  pg::ResultPtr chunk_;
  int rows_ = 0;
  bool exhausted_ = false;
};

}  // namespace smelt::refresh
