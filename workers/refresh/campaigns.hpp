#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pg/session.hpp"

// Marketing campaigns as data (smelt.campaigns): thin wrappers on
// smelt.add_campaign and smelt.end_campaign.
namespace smelt::refresh {

/// A campaign as the user describes it.
struct CampaignSpec {
  std::string name;                   ///< unique name
  std::string brand;                  ///< the brand it promotes (share of voice groups by it)
  std::vector<std::string> hashtags;  ///< matched on normalized hashtags ('#' optional)
  std::vector<std::string> keywords;  ///< matched as whole words in the text, any case
  std::optional<std::string> starts;  ///< first moment posts count (default: now)
  std::optional<std::string> ends;    ///< first moment posts no longer count (default: open-ended)
};

/// A campaign as stored.
struct Campaign {
  std::int64_t campaign_id = 0;  ///< smelt.campaigns.campaign_id
  std::string name;              ///< unique name
  std::string brand;             ///< brand
  std::string hashtags;          ///< normalized hashtags, space-separated
  std::string keywords;          ///< keywords, comma-separated
  std::string starts_at;         ///< start (UTC)
  std::string ends_at;           ///< end (UTC), "" when open-ended
  std::string state;             ///< "scheduled", "running" or "ended"
  std::int64_t posts = 0;        ///< posts silver matched so far
};

/// Adds a campaign; returns it as stored. Throws smelt::Error: usage for an
/// unreadable time, failure when the name is taken or the rules are
/// rejected (no hashtag and no keyword, end not after start).
Campaign add_campaign(pg::Session& session, const CampaignSpec& spec);

/// Ends the campaign `name` at `at` (default: now); returns it as stored.
/// Throws smelt::Error (failure) when there is no such campaign or it does
/// not start before `at`.
Campaign end_campaign(pg::Session& session, const std::string& name, const std::optional<std::string>& at);

/// Every campaign, by start.
std::vector<Campaign> list_campaigns(pg::Session& session);

/// Campaigns as a table: id, name, brand, state, start, end, hashtags,
/// keywords, posts.
std::string format_campaigns(const std::vector<Campaign>& campaigns);

}  // namespace smelt::refresh
