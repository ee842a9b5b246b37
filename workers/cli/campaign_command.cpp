#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/app.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "refresh/campaigns.hpp"
#include "refresh/connection.hpp"

namespace smelt::cli {
namespace {

struct CampaignOptions {
  std::string conninfo;
  refresh::CampaignSpec spec;
  std::string starts;
  std::string ends;
  std::string end_at;
};

std::optional<std::string> given(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

void print(const refresh::Campaign& campaign) { std::cout << refresh::format_campaigns({campaign}); }

void run_add(CampaignOptions& options) {
  if (options.spec.hashtags.empty() && options.spec.keywords.empty()) {
    throw Error(ExitCode::usage, "campaign add: give at least one --hashtag or --keyword");
  }
  options.spec.starts = given(options.starts);
  options.spec.ends = given(options.ends);
  auto session = refresh::connect(options.conninfo, "smelt campaign");
  const auto campaign = refresh::add_campaign(*session, options.spec);
  print(campaign);
  const std::string until = campaign.ends_at.empty() ? "now" : "'" + campaign.ends_at + "'";
  std::cout << "\nNew posts match from the next refresh on. Posts already in silver count once you run:\n"
            << "  smelt backfill --models gold --from '" << campaign.starts_at << "' --to " << until << "\n";
  log::info("campaign added",
            {{"campaign_id", campaign.campaign_id}, {"name", campaign.name}, {"records", 1}});
}

void run_list(const CampaignOptions& options) {
  auto session = refresh::connect(options.conninfo, "smelt campaign");
  const auto campaigns = refresh::list_campaigns(*session);
  std::cout << refresh::format_campaigns(campaigns);
}

void run_end(const CampaignOptions& options) {
  auto session = refresh::connect(options.conninfo, "smelt campaign");
  const auto campaign = refresh::end_campaign(*session, options.spec.name, given(options.end_at));
  print(campaign);
  std::cout << "\nPosts created from " << campaign.ends_at
            << " on no longer match. Posts matched after it leave "
            << "the campaign once you run:\n  smelt backfill --models gold --from '" << campaign.ends_at
            << "' --to now\n";
  log::info("campaign ended",
            {{"campaign_id", campaign.campaign_id}, {"name", campaign.name}, {"records", 1}});
}

void add_add(CLI::App& parent, Action& action, const std::shared_ptr<CampaignOptions>& options) {
  auto* command = parent.add_subcommand("add", "Add a campaign: posts match by hashtag or keyword");
  add_database_option(*command, options->conninfo);
  command->add_option("name", options->spec.name, "Unique campaign name")->required();
  command
      ->add_option("--brand", options->spec.brand,
                   "Brand the campaign promotes (share of voice groups by it)")
      ->required();
  command->add_option("--hashtag", options->spec.hashtags,
                      "Hashtag that marks a post (repeatable; '#' optional)");
  command->add_option("--keyword", options->spec.keywords,
                      "Word or phrase in the text (repeatable; whole words)");
  command->add_option("--starts", options->starts, "First moment posts count (creation time; default now)");
  command->add_option("--ends", options->ends, "First moment posts no longer count (default: open-ended)");
  command->footer(R"help(
A post belongs to a campaign when one of its hashtags (normalized: case and
accents folded) is one of --hashtag, or one of --keyword occurs in its text
as a whole word in any case, and it was created in [--starts, --ends).
Matches are kept in silver.campaign_posts; gold.mart_campaign_daily and
gold.mart_share_of_voice_daily count them.

New posts match from the next refresh on. Posts already in silver count once
a backfill has run over the campaign's window: add prints the command.

Examples:
  smelt campaign add blackfriday --brand acme --hashtag blackfriday --hashtag bf2026 --starts 2026-11-20
  smelt campaign add "winter launch" --brand acme --keyword "acme winter" --starts 2026-12-01 --ends 2027-01-01)help");
  command->callback([options, &action] { action = [options] { run_add(*options); }; });
}

void add_list(CLI::App& parent, Action& action, const std::shared_ptr<CampaignOptions>& options) {
  auto* command = parent.add_subcommand("list", "List campaigns with their rules, window and matched posts");
  add_database_option(*command, options->conninfo);
  command->callback([options, &action] { action = [options] { run_list(*options); }; });
}

void add_end(CLI::App& parent, Action& action, const std::shared_ptr<CampaignOptions>& options) {
  auto* command = parent.add_subcommand("end", "End a campaign: posts created from then on no longer match");
  add_database_option(*command, options->conninfo);
  command->add_option("name", options->spec.name, "Campaign name")->required();
  command->add_option("--at", options->end_at, "When it ends (default now)");
  command->footer(R"help(
Posts already matched that were created at or after --at leave the campaign
once a backfill has run from --at: end prints the command.

Examples:
  smelt campaign end blackfriday
  smelt campaign end blackfriday --at 2026-11-30T23:59:59Z)help");
  command->callback([options, &action] { action = [options] { run_end(*options); }; });
}

}  // namespace

void add_campaign_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CampaignOptions>();
  auto* command = app.add_subcommand("campaign", "Manage marketing campaigns (add, list, end)");
  command->require_subcommand(1);
  add_add(*command, action, options);
  add_list(*command, action, options);
  add_end(*command, action, options);
  command->footer(R"help(
Campaigns are data in smelt.campaigns, managed by smelt.add_campaign and
smelt.end_campaign; these commands are thin wrappers on them.

Examples:
  smelt campaign add blackfriday --brand acme --hashtag blackfriday --starts 2026-11-20
  smelt campaign list
  smelt campaign end blackfriday --at 2026-11-30T23:59:59Z)help");
}

}  // namespace smelt::cli
