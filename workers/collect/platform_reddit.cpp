// Reddit: /search and /r/{sub}/new listings walked with `after` until the
// newest post already seen; /api/info for re-polls (100 fullnames per call).
// OAuth2 client credentials (application-only), a descriptive User-Agent.
#include "collect/json_spans.hpp"
#include "collect/page.hpp"
#include "collect/platform.hpp"
#include "common/log.hpp"

namespace smelt::collect {
namespace {

constexpr std::size_t IDS_PER_INFO = 100;

struct Cursor {
  std::string after;
  std::int64_t newest_seen_us = 0;  // creation time of the newest post of the last complete walk
  std::int64_t run_newest_us = 0;   // newest post of the walk in progress
};

Cursor read_cursor(const std::string& text) {
  Cursor cursor;
  simdjson::dom::parser parser;
  if (auto root = parse_cursor(parser, text)) {
    cursor.after = text_of(*root, "after").value_or("");
    cursor.newest_seen_us = integer_of(*root, "newest_seen_us").value_or(0);
    cursor.run_newest_us = integer_of(*root, "run_newest_us").value_or(0);
  }
  return cursor;
}

std::string write_cursor(const Cursor& c) {
  std::string out = "{\"newest_seen_us\":" + std::to_string(c.newest_seen_us) +
                    ",\"run_newest_us\":" + std::to_string(c.run_newest_us);
  if (!c.after.empty()) out += ",\"after\":\"" + log::json_escape(c.after) + "\"";
  return out + "}";
}

std::optional<std::int64_t> created_us(simdjson::dom::element data) {
  simdjson::dom::element value;
  if (data.at_key("created_utc").get(value)) return std::nullopt;
  double seconds;
  if (!value.get(seconds)) return static_cast<std::int64_t>(seconds * 1e6);
  std::int64_t whole;
  if (!value.get(whole)) return whole * 1'000'000;
  return std::nullopt;
}

class RedditPlatform final : public Platform {
 public:
  explicit RedditPlatform(PlatformSettings settings) : settings_(std::move(settings)) {}
  std::string_view name() const override { return "reddit"; }
  bool configured() const override { return !settings_.secret.empty() && !settings_.client_id.empty(); }

  void authorize(HttpClient& http, Request& request) override {
    if (token_.empty()) refresh_credentials(http);
    request.secret_headers = {"Authorization: Bearer " + token_};
  }

  bool refresh_credentials(HttpClient& http) override {
    Request request;
    request.method = "POST";
    request.url = settings_.auth_url + "/api/v1/access_token";
    request.basic_auth = settings_.client_id + ":" + settings_.secret;
    request.headers = {"Content-Type: application/x-www-form-urlencoded"};
    request.body = "grant_type=client_credentials";
    Response response = http.perform(request);
    if (response.status == 401 || response.status == 403) {
      throw CredentialsRefused("the token endpoint refused the client id and secret (HTTP " +
                               std::to_string(response.status) + ")");
    }
    if (response.status / 100 != 2) throw GaveUp("token request failed (HTTP " + std::to_string(response.status) + ")");
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    std::string_view token;
    if (parser.parse(response.body).get(root) || root["access_token"].get(token)) {
      throw GaveUp("the token response holds no access_token");
    }
    token_ = std::string(token);
    return true;
  }

  double wait_hint_s(const Response& response, double) const override {
    if (auto retry = response.header("retry-after"); !retry.empty()) return number_or(retry, 0);
    const double remaining = number_or(response.header("x-ratelimit-remaining"), 1e9);
    if (remaining < 1 || response.status == 429) return number_or(response.header("x-ratelimit-reset"), 60);
    return 0;
  }

  std::vector<std::string> streams(const Campaign&) const override {
    std::vector<std::string> out = {"search"};
    for (const auto& sub : settings_.subreddits) out.push_back("r/" + sub + "/new");
    return out;
  }

  PageResult discover(Fetcher& fetcher, const Campaign& campaign, const std::string& stream,
                      const std::string& cursor_text) override {
    Cursor cursor = read_cursor(cursor_text);
    Request request;
    if (stream == "search") {
      request.url = settings_.base_url + "/search?q=" + url_encode(query_terms(campaign, "", " OR ")) +
                    "&sort=new&type=link&limit=100&raw_json=1";
    } else {
      request.url = settings_.base_url + "/" + stream + "?limit=100&raw_json=1";
    }
    if (!cursor.after.empty()) request.url += "&after=" + url_encode(cursor.after);
    Response response = fetcher.fetch(request, 1);
    std::int64_t oldest_us = 0;
    PageResult result = read_listing(request, response, true, &oldest_us, &cursor.run_newest_us);
    Page page(request, response);
    const std::string after = [&] {
      simdjson::dom::element data;
      if (page.root().at_key("data").get(data)) return std::string();
      return text_of(data, "after").value_or("");
    }();
    const bool reached_seen = oldest_us != 0 && oldest_us <= cursor.newest_seen_us;
    if (!after.empty() && !reached_seen && oldest_us >= campaign.starts_at_us) {
      cursor.after = after;
      result.more = true;
    } else {
      cursor.after.clear();
      cursor.newest_seen_us = std::max(cursor.newest_seen_us, cursor.run_newest_us);
      cursor.run_newest_us = 0;
    }
    result.cursor = write_cursor(cursor);
    return result;
  }

  std::size_t repoll_batch() const override { return IDS_PER_INFO; }

  PageResult repoll(Fetcher& fetcher, const std::vector<std::string>& ids) override {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back("t3_" + id);
    Request request;
    request.url = settings_.base_url + "/api/info?id=" + join(names, ",") + "&raw_json=1";
    Response response = fetcher.fetch(request, 1);
    return read_listing(request, response, false, nullptr, nullptr);
  }

 private:
  PageResult read_listing(const Request& request, const Response& response, bool track, std::int64_t* oldest_us,
                          std::int64_t* newest_us) {
    Page page(request, response);
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
    PageResult result;
    result.observed_at = observed_at_of(response);
    simdjson::dom::array children;
    if (page.root().at_pointer("/data/children").get(children)) page.fail("not a listing");
    const auto raw = spans::elements(spans::at(page.text(), {"data", "children"}).value_or("[]"));
    if (raw.size() != children.size()) page.fail("listing children could not be split");
    std::size_t index = 0;
    for (auto child : children) {
      const std::string kind = text_of(child, "kind").value_or("");
      simdjson::dom::element data;
      if (child.at_key("data").get(data)) page.fail("a listing child has no data");
      auto id = text_of(data, "id");
      if (!id) page.fail("a listing child has no id");
      Entity entity;
      entity.payload = std::string(raw[index++]);
      if (kind == "t1") {
        std::string link = text_of(data, "link_id").value_or("");
        if (link.rfind("t3_", 0) == 0) link = link.substr(3);
        entity.kind = "comment";
        entity.key = "reddit:" + link;
      } else if (kind == "t3") {
        entity.kind = "post";
        entity.key = "reddit:" + *id;
      } else {
        continue;  // subreddits, accounts: not campaign content
      }
      const auto created = created_us(data);
      if (created && oldest_us && (*oldest_us == 0 || *created < *oldest_us)) *oldest_us = *created;
      if (created && newest_us && *created > *newest_us) *newest_us = *created;
      if (track && kind == "t3" && created) result.discovered.push_back({*id, *created});
      result.entities.push_back(std::move(entity));
    }
    return result;
  }

  PlatformSettings settings_;
  std::string token_;
};

}  // namespace

std::unique_ptr<Platform> make_reddit(PlatformSettings settings) {
  return std::make_unique<RedditPlatform>(std::move(settings));
}

}  // namespace smelt::collect
