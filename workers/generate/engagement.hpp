#pragma once

#include <cstdint>

#include "generate/random.hpp"

namespace smelt::generate {

enum class Platform : std::uint8_t;

/// Where a post's cumulative counters end up and how fast they get there.
struct Engagement {
  double views = 0;     ///< impressions / plays
  double likes = 0;     ///< likes, favourites, upvotes
  double comments = 0;  ///< replies, comments
  double shares = 0;    ///< retweets, shares
  double quotes = 0;    ///< X quote tweets
  double tau_ms = 0;    ///< time scale of the growth curve
};

/// The cumulative counters of a post at one moment.
struct Counters {
  std::uint64_t views = 0;     ///< impressions / plays
  std::uint64_t likes = 0;     ///< likes, favourites, upvotes
  std::uint64_t comments = 0;  ///< replies, comments
  std::uint64_t shares = 0;    ///< retweets, shares
  std::uint64_t quotes = 0;    ///< X quote tweets
};

/// Draws a post's final engagement: reach proportional to the author's
/// audience, a lognormal spread, and a rare Pareto-tailed viral boost.
/// Campaign posts are promoted and reach further.
Engagement draw_engagement(Rng& rng, Platform platform, std::uint64_t followers, bool campaign);

/// The counters `age_ms` after creation: final × (1 − (1 + age/τ)^−1.5), a
/// curve that rises fast and then decays like a power law. It never
/// decreases with age, so any set of observations sorted by time is
/// non-decreasing counter by counter.
Counters counters_at(const Engagement& engagement, std::int64_t age_ms) noexcept;

}  // namespace smelt::generate
