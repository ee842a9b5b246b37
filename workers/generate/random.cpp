#include "generate/random.hpp"

#include <algorithm>
#include <cmath>

namespace smelt::generate {

std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  state += 0x9e3779b97f4a7c15ULL;
  return mix64(state);
}

std::uint64_t mix64(std::uint64_t value) noexcept {
  std::uint64_t z = value;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed) noexcept {
  std::uint64_t state = seed;
  for (auto& word : state_) word = splitmix64(state);
}

double Rng::normal() noexcept {
  if (has_spare_) {
    has_spare_ = false;
    return spare_normal_;
  }
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = uniform(-1.0, 1.0);
    v = uniform(-1.0, 1.0);
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

double Rng::lognormal(double mu, double sigma) noexcept { return std::exp(normal(mu, sigma)); }

double Rng::exponential(double mean) noexcept { return -mean * std::log1p(-uniform()); }

double Rng::pareto(double x_min, double alpha) noexcept {
  return x_min / std::pow(1.0 - uniform(), 1.0 / alpha);
}

WeightedTable::WeightedTable(std::span<const double> weights) {
  cumulative_.reserve(weights.size());
  double sum = 0.0;
  for (double weight : weights) {
    sum += weight;
    cumulative_.push_back(sum);
  }
  for (double& value : cumulative_) value /= sum;
  if (!cumulative_.empty()) cumulative_.back() = 1.0;
}

std::size_t WeightedTable::draw(Rng& rng) const noexcept {
  const double u = rng.uniform();
  auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  auto index = static_cast<std::size_t>(found - cumulative_.begin());
  return std::min(index, cumulative_.size() - 1);
}

double WeightedTable::probability(std::size_t i) const noexcept {
  return i == 0 ? cumulative_[0] : cumulative_[i] - cumulative_[i - 1];
}

WeightedTable make_zipf(std::size_t n, double exponent) {
  std::vector<double> weights(n);
  for (std::size_t k = 0; k < n; ++k) weights[k] = 1.0 / std::pow(static_cast<double>(k + 1), exponent);
  return WeightedTable(weights);
}

}  // namespace smelt::generate
