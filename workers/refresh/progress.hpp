#pragma once

#include <cstdint>
#include <optional>

// Progress of a long job: how much is done, how fast, how long to go.
namespace smelt::refresh {

/// A snapshot of a job's progress.
struct Progress {
  std::int64_t done = 0;   ///< units finished
  std::int64_t total = 0;  ///< units planned
  double elapsed_s = 0;    ///< wall time so far

  /// Units per second so far (0 before anything is done).
  double rate() const noexcept;
  /// Percentage done, 0..100 (100 when nothing was planned).
  double percent() const noexcept;
  /// Seconds left at the current rate; nullopt until a rate is known.
  std::optional<double> eta_s() const noexcept;
};

}  // namespace smelt::refresh
