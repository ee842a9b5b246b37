#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "decode/decoder.hpp"
#include "decode/rows.hpp"
#include "pg/session.hpp"
#include "refresh/bronze_cursor.hpp"

// Decoding bronze rows into the session's staging tables
// (smelt.create_decode_staging) with COPY.
namespace smelt::refresh {

/// How many decode errors a run keeps to show in its log.
inline constexpr std::size_t DECODE_ERROR_SAMPLES = 3;

/// What decoding a set of bronze rows came to.
struct DecodeStats {
  std::int64_t events = 0;                            ///< bronze rows read
  std::int64_t posts = 0;                             ///< post rows staged
  std::int64_t comments = 0;                          ///< comment rows staged
  std::int64_t users = 0;                             ///< user rows staged
  std::int64_t errors = 0;                            ///< entities that yielded no row
  std::map<std::string, std::int64_t> error_reasons;  ///< errors by decode::reason_name
  std::vector<decode::DecodeError> samples;           ///< the first DECODE_ERROR_SAMPLES errors

  /// Adds another count (samples up to DECODE_ERROR_SAMPLES).
  void add(const DecodeStats& other);
  /// Counts one error and keeps it as a sample while there is room.
  void add_error(const decode::DecodeError& error);
  /// Staged rows of every kind.
  std::int64_t rows() const noexcept { return posts + comments + users; }
  /// The reasons as "missing_id:2,bad_timestamp:1" (by name), "" when none.
  std::string reasons_text() const;
};

/// One decode error as a log line's detail: where it sits and why.
std::string describe(const decode::DecodeError& error);

/// Decodes bronze rows and COPYs the staging rows into pg_temp.stg_posts,
/// stg_comments and stg_users, a few thousand rows at a time, so memory
/// stays bounded whatever the number of rows. Lives inside the caller's
/// transaction, after smelt.create_decode_staging().
class StagingLoader {
 public:
  /// A loader writing through `session` with `decoder`.
  StagingLoader(pg::Session& session, decode::Decoder& decoder) : session_(session), decoder_(decoder) {}

  /// Decodes every row the cursor yields and loads the rows; returns the stats.
  const DecodeStats& load(BronzeCursor& cursor);
  /// Decodes one bronze row; loads the buffered rows once there are enough.
  void add(const BronzeRow& row);
  /// Loads whatever is still buffered.
  void finish();
  /// What was decoded so far.
  const DecodeStats& stats() const noexcept { return stats_; }

 private:
  void flush();

  pg::Session& session_;
  decode::Decoder& decoder_;
  decode::Rows rows_;
  std::string copy_;
  DecodeStats stats_;
};

}  // namespace smelt::refresh
