#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "pg/session.hpp"

// How far gold lags behind what has been ingested.
namespace smelt::refresh {

/// Gold's freshness at one moment.
struct Freshness {
  std::string newest_event;          ///< newest observed_at ingested into bronze ("" when none)
  std::string gold_watermark;        ///< event time gold was last published at ("" before the first)
  std::optional<double> lag_s;       ///< newest_event - gold_watermark, when both exist
  std::string gold_published_at;     ///< wall time of the last publish ("" before the first)
  std::int64_t pending_batches = 0;  ///< committed ingest batches not merged yet
};

/// Reads gold's freshness (sql/queries/refresh/freshness.sql).
Freshness read_freshness(pg::Session& session);

}  // namespace smelt::refresh
