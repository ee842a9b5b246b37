#include "generate/engagement.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "generate/world.hpp"

namespace smelt::generate {
namespace {

constexpr double GROWTH_SHAPE = 1.5;
constexpr double VIRAL_PROBABILITY = 0.01;
constexpr double VIRAL_BOOST_MAX = 2000.0;
constexpr double CAMPAIGN_BOOST = 2.5;
constexpr double MINUTE_MS = 60'000.0;

/// Per-platform shape of engagement.
struct PlatformReach {
  double views_per_follower;  ///< audience share that sees a post
  double discovery_views;     ///< median views from recommendation feeds, beyond followers
  double like_rate;           ///< likes per view
  double comment_rate;        ///< comments per like
  double share_rate;          ///< shares per like
  double tau_minutes;         ///< median growth time scale
};

// Indexed by Platform: x, instagram, tiktok, youtube, reddit.
constexpr std::array<PlatformReach, PLATFORM_COUNT> REACH = {{
    {0.30, 15, 0.015, 0.08, 0.15, 20},
    {0.25, 20, 0.060, 0.03, 0.02, 45},
    {0.40, 250, 0.080, 0.02, 0.03, 60},
    {0.10, 300, 0.035, 0.05, 0.01, 240},
    {0.00, 400, 0.050, 0.25, 0.00, 90},
}};

double viral_boost(Rng& rng) {
  if (!rng.chance(VIRAL_PROBABILITY)) return 1.0;
  return std::min(rng.pareto(1.0, 1.2), VIRAL_BOOST_MAX);
}

double grown(double final_value, double age_ms, double tau_ms) noexcept {
  const double fraction = 1.0 - std::pow(1.0 + age_ms / tau_ms, -GROWTH_SHAPE);
  return std::floor(final_value * fraction);
}

std::uint64_t to_count(double value) noexcept { return value <= 0 ? 0 : static_cast<std::uint64_t>(value); }

}  // namespace

Engagement draw_engagement(Rng& rng, Platform platform, std::uint64_t followers, bool campaign) {
  const PlatformReach& reach = REACH[static_cast<std::size_t>(platform)];
  const double audience = static_cast<double>(followers) * reach.views_per_follower;
  const double discovery = rng.lognormal(std::log(reach.discovery_views), 1.5);
  double views = (audience * rng.lognormal(0.0, 1.0) + discovery) * viral_boost(rng);
  if (campaign) views *= CAMPAIGN_BOOST;
  Engagement e;
  e.views = std::floor(views);
  e.likes = std::floor(views * reach.like_rate * rng.lognormal(0.0, 0.5));
  e.comments = std::floor(e.likes * reach.comment_rate * rng.lognormal(0.0, 0.6));
  e.shares = std::floor(e.likes * reach.share_rate * rng.lognormal(0.0, 0.7));
  e.quotes = std::floor(e.shares * 0.12 * rng.lognormal(0.0, 0.5));
  e.tau_ms = reach.tau_minutes * MINUTE_MS * rng.lognormal(0.0, 0.5);
  return e;
}

Counters counters_at(const Engagement& e, std::int64_t age_ms) noexcept {
  Counters c;
  if (age_ms <= 0) return c;
  const auto age = static_cast<double>(age_ms);
  c.views = to_count(grown(e.views, age, e.tau_ms * 0.7));
  c.likes = to_count(grown(e.likes, age, e.tau_ms));
  c.comments = to_count(grown(e.comments, age, e.tau_ms * 1.3));
  c.shares = to_count(grown(e.shares, age, e.tau_ms));
  c.quotes = to_count(grown(e.quotes, age, e.tau_ms * 1.2));
  return c;
}

}  // namespace smelt::generate
