#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace smelt::generate {

/// 128-bit unsigned integer (a GCC extension) for Lemire's bounded draw.
__extension__ typedef unsigned __int128 Uint128;

/// One step of splitmix64: a good 64-bit mixer, used to seed and to hash.
std::uint64_t splitmix64(std::uint64_t& state) noexcept;

/// A stateless 64-bit hash of one value (splitmix64's finaliser).
std::uint64_t mix64(std::uint64_t value) noexcept;

/// xoshiro256** with the distributions the simulation needs, all written here
/// so the same seed gives the same numbers with any standard library.
class Rng {
 public:
  /// Seeds the four state words from `seed` through splitmix64.
  explicit Rng(std::uint64_t seed) noexcept;

  /// The next 64 random bits.
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [0, 1), 53 bits of precision.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in [low, high).
  double uniform(double low, double high) noexcept { return low + (high - low) * uniform(); }
  /// Uniform integer in [0, bound); bound must be > 0 (Lemire's multiply-shift).
  std::uint64_t below(std::uint64_t bound) noexcept {
    return static_cast<std::uint64_t>((static_cast<Uint128>(next()) * bound) >> 64);
  }
  /// Uniform integer in [low, high] (inclusive).
  std::int64_t between(std::int64_t low, std::int64_t high) noexcept {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
  }
  /// True with probability p.
  bool chance(double p) noexcept { return uniform() < p; }

  /// Standard normal (Marsaglia's polar method).
  double normal() noexcept;
  /// Normal with the given mean and standard deviation.
  double normal(double mean, double stddev) noexcept { return mean + stddev * normal(); }
  /// Lognormal: exp(normal(mu, sigma)).
  double lognormal(double mu, double sigma) noexcept;
  /// Exponential with the given mean.
  double exponential(double mean) noexcept;
  /// Pareto (type I) with scale x_min and shape alpha: heavy tail, P(X > x) = (x_min / x)^alpha.
  double pareto(double x_min, double alpha) noexcept;

  /// A derived, independent generator (for a sub-stream such as one user's profile).
  Rng fork() noexcept { return Rng(next()); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
  double spare_normal_ = 0.0;
  bool has_spare_ = false;
};

/// Draws indices 0..n-1 with given weights in O(log n) (cumulative table, binary search).
class WeightedTable {
 public:
  WeightedTable() = default;
  /// Builds the table; weights must be non-negative with a positive sum.
  explicit WeightedTable(std::span<const double> weights);
  /// One index drawn with probability weight[i] / sum.
  std::size_t draw(Rng& rng) const noexcept;
  /// How many entries the table has.
  std::size_t size() const noexcept { return cumulative_.size(); }
  /// The probability of index i.
  double probability(std::size_t i) const noexcept;

 private:
  std::vector<double> cumulative_;
};

/// Zipf(s) over ranks 0..n-1: rank k has weight 1 / (k + 1)^s.
WeightedTable make_zipf(std::size_t n, double exponent);

}  // namespace smelt::generate
