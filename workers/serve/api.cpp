#include "serve/api.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>

#include "sql/embedded.hpp"

namespace smelt::serve {
namespace {

constexpr int MAX_MINUTES = 60 * 24 * 31;
constexpr int MAX_DAYS = 400;
constexpr int MAX_HASHTAGS = 10;
constexpr int MAX_TRENDING = 50;
constexpr size_t MAX_HASHTAG_CHARS = 100;

/// The parameters of one call, checked against the names the endpoint takes.
class Params {
 public:
  Params(const QueryParams& params, const std::vector<std::string>& allowed) : params_(params) {
    for (const auto& [name, value] : params) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string names;
        for (const auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
        throw BadRequest("unknown parameter '" + name + "'; this endpoint takes " +
                         (names.empty() ? std::string("none") : names));
      }
      if (params.count(name) > 1) throw BadRequest("parameter '" + name + "' given more than once");
    }
  }

  /// The value, or nullopt when absent or empty.
  std::optional<std::string> get(const std::string& name) const {
    auto found = params_.find(name);
    if (found == params_.end() || found->second.empty()) return std::nullopt;
    return found->second;
  }

  /// An integer in [low, high]; `fallback` when absent.
  int integer(const std::string& name, int low, int high, int fallback) const {
    auto text = get(name);
    if (!text) return fallback;
    int value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < low || value > high) {
      throw BadRequest("parameter '" + name + "' must be a whole number from " + std::to_string(low) + " to " +
                       std::to_string(high) + ", not '" + *text + "'");
    }
    return value;
  }

  /// A value that must be one of `known`; nullopt when absent or "all".
  pg::Param member(const std::string& name, const std::set<std::string>& known, const std::string& what) const {
    auto text = get(name);
    if (!text || *text == "all") return std::nullopt;
    if (!known.contains(*text)) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw BadRequest("parameter '" + name + "': no " + what + " '" + *text + "' (known: " + list + ", or all)");
    }
    return text;
  }

 private:
  const QueryParams& params_;
};

bool hashtag_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

/// hashtags=a,b,c as a JSON array of normalized (lowercase, no '#') hashtags.
pg::Param hashtag_list(const Params& params) {
  auto text = params.get("hashtags");
  if (!text) return std::nullopt;
  std::string json = "[";
  int count = 0;
  size_t start = 0;
  while (start <= text->size()) {
    size_t end = text->find(',', start);
    if (end == std::string::npos) end = text->size();
    std::string tag = text->substr(start, end - start);
    if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
    std::transform(tag.begin(), tag.end(), tag.begin(), [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    if (tag.empty() || tag.size() > MAX_HASHTAG_CHARS || !std::all_of(tag.begin(), tag.end(), hashtag_char)) {
      throw BadRequest("parameter 'hashtags' must be a comma-separated list of hashtags (letters, digits, _)");
    }
    if (++count > MAX_HASHTAGS) throw BadRequest("parameter 'hashtags' takes at most 10 hashtags");
    json += (count > 1 ? ",\"" : "\"") + tag + "\"";
    start = end + 1;
  }
  return json + "]";
}

using Planner = std::function<ApiQuery(const QueryParams&, const KnownValues&)>;

const std::map<std::string, Planner>& planners() {
  static const std::map<std::string, Planner> table = {
      {"filters",
       [](const QueryParams& q, const KnownValues&) {
         Params p(q, {});
         return ApiQuery{sql::query("queries/api/filters"), {}};
       }},
      {"freshness",
       [](const QueryParams& q, const KnownValues&) {
         Params p(q, {});
         return ApiQuery{sql::query("queries/api/freshness"), {}};
       }},
      {"engagement_minute",
       [](const QueryParams& q, const KnownValues& known) {
         Params p(q, {"platform", "minutes"});
         return ApiQuery{sql::query("queries/api/engagement_minute"),
                         {p.member("platform", known.platforms, "platform"),
                          std::to_string(p.integer("minutes", 5, MAX_MINUTES, 60))}};
       }},
      {"likes_last_5_minutes",
       [](const QueryParams& q, const KnownValues& known) {
         Params p(q, {"platform"});
         return ApiQuery{sql::query("queries/api/likes_last_5_minutes"),
                         {p.member("platform", known.platforms, "platform")}};
       }},
      {"hashtag_sentiment",
       [](const QueryParams& q, const KnownValues&) {
         Params p(q, {"hashtags", "minutes"});
         return ApiQuery{sql::query("queries/api/hashtag_sentiment"),
                         {hashtag_list(p), std::to_string(p.integer("minutes", 60, MAX_MINUTES, 24 * 60))}};
       }},
      {"trending_hashtags",
       [](const QueryParams& q, const KnownValues&) {
         Params p(q, {"limit"});
         return ApiQuery{sql::query("queries/api/trending_hashtags"),
                         {std::to_string(p.integer("limit", 1, MAX_TRENDING, 10))}};
       }},
      {"campaign_daily",
       [](const QueryParams& q, const KnownValues& known) {
         Params p(q, {"campaign", "days"});
         return ApiQuery{sql::query("queries/api/campaign_daily"),
                         {p.member("campaign", known.campaigns, "campaign"),
                          std::to_string(p.integer("days", 1, MAX_DAYS, 14))}};
       }},
      {"share_of_voice",
       [](const QueryParams& q, const KnownValues&) {
         Params p(q, {"days"});
         return ApiQuery{sql::query("queries/api/share_of_voice"),
                         {std::to_string(p.integer("days", 1, MAX_DAYS, 7))}};
       }},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& api_endpoints() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, planner] : planners()) out.push_back(name);
    return out;
  }();
  return names;
}

ApiQuery plan_api_query(const std::string& endpoint, const QueryParams& params, const KnownValues& known) {
  auto found = planners().find(endpoint);
  if (found == planners().end()) {
    std::string names;
    for (const auto& name : api_endpoints()) names += (names.empty() ? "" : ", ") + name;
    throw BadRequest("no API endpoint '" + endpoint + "' (endpoints: " + names + ")");
  }
  return found->second(params, known);
}

}  // namespace smelt::serve
