#include "collect/state.hpp"

#include <simdjson.h>

#include "collect/page.hpp"
#include "sql/embedded.hpp"

namespace smelt::collect {
namespace {

std::string_view q(std::string_view name) {
  static const std::string prefix = "queries/collect/";
  return sql::query(prefix + std::string(name));
}

std::vector<std::string> json_strings(const char* text) {
  std::vector<std::string> out;
  simdjson::dom::parser parser;
  simdjson::dom::array array;
  if (text == nullptr || parser.parse(std::string_view(text)).get(array)) return out;
  for (auto item : array) {
    std::string_view value;
    if (!item.get(value)) out.emplace_back(value);
  }
  return out;
}

std::string hex(std::string_view bytes) {
  static constexpr char DIGITS[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char byte : bytes) {
    const auto c = static_cast<unsigned char>(byte);
    out += DIGITS[c >> 4];
    out += DIGITS[c & 15];
  }
  return out;
}

std::string number(double value) { return std::to_string(value); }

}  // namespace

std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& value : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

State::State(const std::string& conninfo) : work_(conninfo), log_(conninfo) {}

std::vector<Campaign> State::active_campaigns() {
  auto result = work_.exec(q("active_campaigns"));
  std::vector<Campaign> campaigns;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    Campaign c;
    c.id = std::stoi(PQgetvalue(result.get(), row, 0));
    c.name = PQgetvalue(result.get(), row, 1);
    c.hashtags = json_strings(PQgetvalue(result.get(), row, 2));
    c.keywords = json_strings(PQgetvalue(result.get(), row, 3));
    c.starts_at_us = std::stoll(PQgetvalue(result.get(), row, 4));
    campaigns.push_back(std::move(c));
  }
  return campaigns;
}

bool State::try_lock(const std::string& platform, int campaign_id) {
  return pg::first_value(work_.exec(q("try_lock"), {platform, std::to_string(campaign_id)}).get()) == "t";
}

void State::unlock(const std::string& platform, int campaign_id) {
  work_.exec(q("unlock"), {platform, std::to_string(campaign_id)});
}

State::StreamPosition State::load_cursor(const std::string& platform, int campaign_id, const std::string& stream,
                                         double interval_s) {
  auto result = work_.exec(q("load_cursor"), {platform, std::to_string(campaign_id), stream, number(interval_s)});
  StreamPosition position;
  if (PQntuples(result.get()) == 1) {
    position.cursor = PQgetvalue(result.get(), 0, 0);
    position.walked_recently = std::string_view(PQgetvalue(result.get(), 0, 1)) == "t";
  }
  return position;
}

void State::commit_page(const std::string& platform, int campaign_id, const std::string& stream,
                        const std::string& cursor, bool walk_ended, const std::vector<Discovered>& discovered,
                        const Schedule& schedule) {
  work_.begin();
  try {
    work_.exec(q("save_cursor"), {platform, std::to_string(campaign_id), stream, cursor, walk_ended ? "t" : "f"});
    if (!discovered.empty()) {
      std::vector<std::string> ids;
      std::vector<std::string> created;
      for (const auto& post : discovered) {
        ids.push_back(post.post_id);
        created.push_back(std::to_string(post.created_us));
      }
      work_.exec(q("track_posts"), {platform, std::to_string(campaign_id), text_array(ids), text_array(created),
                                    number(schedule.min_interval_s), number(schedule.age_fraction),
                                    number(schedule.max_interval_s)});
    }
    work_.commit();
  } catch (...) {
    work_.rollback();
    throw;
  }
}

std::vector<std::string> State::begin_repoll(const std::string& platform, std::size_t limit) {
  work_.begin();
  auto result = work_.exec(q("due_posts"), {platform, std::to_string(limit)});
  std::vector<std::string> ids;
  for (int row = 0; row < PQntuples(result.get()); ++row) ids.emplace_back(PQgetvalue(result.get(), row, 0));
  return ids;
}

void State::finish_repoll(const std::string& platform, const std::vector<std::string>& ids,
                          const Schedule& schedule) {
  work_.exec(q("reschedule_posts"), {platform, text_array(ids), number(schedule.min_interval_s),
                                     number(schedule.age_fraction), number(schedule.max_interval_s),
                                     number(schedule.max_age_s)});
  work_.commit();
}

void State::abort_repoll() noexcept { work_.rollback(); }

void State::add_quota(const std::string& platform, int units) {
  log_.exec(q("add_quota"), {platform, std::to_string(units)});
}

std::int64_t State::quota_used(const std::string& platform) {
  return std::stoll(pg::first_value(log_.exec(q("quota_used"), {platform}).get()).value_or("0"));
}

void State::record_bad_page(const std::string& platform, int campaign_id, const BadPage& page) {
  pg::Param campaign = campaign_id > 0 ? pg::Param(std::to_string(campaign_id)) : std::nullopt;
  log_.exec(q("record_bad_page"),
            {platform, campaign, page.request, std::to_string(page.status), page.what(), hex(page.body)});
}

void State::record_partial_error(const std::string& platform, int campaign_id, const std::string& request,
                                 std::string_view detail_json) {
  pg::Param campaign = campaign_id > 0 ? pg::Param(std::to_string(campaign_id)) : std::nullopt;
  log_.exec(q("record_partial_error"), {platform, campaign, request, std::string(detail_json)});
}

}  // namespace smelt::collect
