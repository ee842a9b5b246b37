#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pg/session.hpp"

// Data quality checks on demand (smelt check).
namespace smelt::refresh {

/// One check's result over all data.
struct CheckResult {
  std::string check_name;     ///< smelt.checks.check_name
  std::string severity;       ///< "error" or "warn"
  std::int64_t failing_rows;  ///< offending rows; 0 means it passed
  std::string sample;         ///< the first offending rows as a JSON array ("" when none)
  std::string guards;         ///< the rule the check guards, in words

  /// True when the check found offending rows.
  bool failed() const noexcept { return failing_rows > 0; }
  /// True when it failed with severity error.
  bool blocks() const noexcept { return failed() && severity == "error"; }
};

/// Runs every registered check (or those of one severity) over all data as
/// run `run_id` (smelt.run_checks, which records each result in
/// smelt.check_results). Failures first, then by name.
std::vector<CheckResult> run_checks(pg::Session& session, const std::string& run_id,
                                    const std::optional<std::string>& severity);

/// The results as a table: check, severity, status, failing rows, sample
/// (cut to `sample_width` code points).
std::string format_checks(const std::vector<CheckResult>& results, std::size_t sample_width);

}  // namespace smelt::refresh
