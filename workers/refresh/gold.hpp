#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pg/session.hpp"

// Refreshing gold (smelt.refresh_gold, smelt.backfill_gold) and reading
// what a refresh came to.
namespace smelt::refresh {

/// What a gold refresh came to.
enum class GoldStatus {
  published,  ///< every check passed; gold and complete_through moved
  blocked,    ///< a check of severity error failed; gold stayed at its last good state
  failed      ///< a step raised; gold stayed at its last good state
};

/// "published", "blocked" or "failed".
std::string_view status_name(GoldStatus status);

/// A gold refresh's outcome as smelt.refresh_runs and smelt.check_results
/// recorded it.
struct GoldOutcome {
  GoldStatus status = GoldStatus::published;  ///< the 'gold' row's status
  std::int64_t rows = 0;                      ///< rows the steps wrote
  std::string error;                          ///< why it did not publish
  std::vector<std::string> blocking_checks;   ///< "check_name (N rows)" for each check that blocked it
};

/// Refreshes gold for every dirty key (call smelt.refresh_gold) as run `run_id`.
GoldOutcome refresh_gold(pg::Session& session, const std::string& run_id);

/// Recomputes gold for the event-time range [from, to) (call
/// smelt.backfill_gold) as run `run_id`.
GoldOutcome backfill_gold(pg::Session& session, const std::string& run_id, const std::string& from,
                          const std::string& to);

/// Reads the outcome of run `run_id`'s gold refresh.
GoldOutcome read_gold_outcome(pg::Session& session, const std::string& run_id);

}  // namespace smelt::refresh
