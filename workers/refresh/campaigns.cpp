#include "refresh/campaigns.hpp"

#include "common/error.hpp"
#include "refresh/connection.hpp"
#include "refresh/pg_values.hpp"
#include "refresh/text_table.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

pg::Param optional_time(pg::Session& session, const std::optional<std::string>& value,
                        std::string_view option) {
  if (!value) return std::nullopt;
  return read_timestamp(session, *value, option);
}

Campaign find_campaign(pg::Session& session, std::int64_t campaign_id) {
  for (auto& campaign : list_campaigns(session)) {
    if (campaign.campaign_id == campaign_id) return campaign;
  }
  throw Error(ExitCode::failure, "campaign " + std::to_string(campaign_id) + " disappeared");
}

}  // namespace

Campaign add_campaign(pg::Session& session, const CampaignSpec& spec) {
  auto taken = session.exec(sql::query("queries/campaign/exists"), {spec.name});
  if (PQntuples(taken.get()) > 0) {
    throw Error(ExitCode::failure,
                "a campaign named \"" + spec.name +
                    "\" exists already (smelt campaign list shows it; end it or pick another name)");
  }
  const auto starts = optional_time(session, spec.starts, "--starts");
  const auto ends = optional_time(session, spec.ends, "--ends");
  auto added = exec_checked(
      session, sql::query("queries/campaign/add"),
      {spec.name, spec.brand, json_strings(spec.hashtags), json_strings(spec.keywords), starts, ends});
  return find_campaign(session, int_at(added.get(), 0, 0));
}

Campaign end_campaign(pg::Session& session, const std::string& name, const std::optional<std::string>& at) {
  const auto when = optional_time(session, at, "--at");
  auto ended = exec_checked(session, sql::query("queries/campaign/end"), {name, when});
  return find_campaign(session, int_at(ended.get(), 0, 0));
}

std::vector<Campaign> list_campaigns(pg::Session& session) {
  auto result = session.exec(sql::query("queries/campaign/list"));
  std::vector<Campaign> campaigns;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    const PGresult* r = result.get();
    campaigns.push_back({int_at(r, row, 0), std::string(text_at(r, row, 1)), std::string(text_at(r, row, 2)),
                         std::string(text_at(r, row, 3)), std::string(text_at(r, row, 4)),
                         std::string(text_at(r, row, 5)), std::string(text_at(r, row, 6)),
                         std::string(text_at(r, row, 7)), int_at(r, row, 8)});
  }
  return campaigns;
}

std::string format_campaigns(const std::vector<Campaign>& campaigns) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(campaigns.size());
  for (const auto& c : campaigns) {
    rows.push_back({std::to_string(c.campaign_id), c.name, c.brand, c.state, c.starts_at,
                    c.ends_at.empty() ? "-" : c.ends_at, c.hashtags, c.keywords, std::to_string(c.posts)});
  }
  return render_table({"id", "name", "brand", "state", "starts", "ends", "hashtags", "keywords", "posts"},
                      rows);
}

}  // namespace smelt::refresh
