#include "refresh/progress.hpp"

#include <algorithm>

namespace smelt::refresh {

double Progress::rate() const noexcept {
  return elapsed_s > 0 && done > 0 ? static_cast<double>(done) / elapsed_s : 0.0;
}

double Progress::percent() const noexcept {
  if (total <= 0) return 100.0;
  return std::min(100.0, 100.0 * static_cast<double>(done) / static_cast<double>(total));
}

std::optional<double> Progress::eta_s() const noexcept {
  const double per_second = rate();
  if (per_second <= 0) return std::nullopt;
  return static_cast<double>(std::max<std::int64_t>(0, total - done)) / per_second;
}

}  // namespace smelt::refresh
