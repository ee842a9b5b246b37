// Instagram Graph API: ig_hashtag_search resolves each campaign hashtag once
// (the id is kept in the cursor: a business account may look up 30 hashtags
// a week), then /{hashtag-id}/recent_media and /top_media are walked page by
// page; re-polls read media fields of up to 50 ids per call (?ids=).
// Long-lived access token of a business or creator account.
#include <map>

#include "collect/json_spans.hpp"
#include "collect/page.hpp"
#include "collect/platform.hpp"
#include "common/log.hpp"

namespace smelt::collect {
namespace {

constexpr const char* MEDIA_FIELDS =
    "id,caption,comments_count,like_count,media_type,media_url,permalink,timestamp";
constexpr const char* LOOKUP_FIELDS =
    "id,caption,comments_count,like_count,media_type,media_url,permalink,timestamp,username,owner";
constexpr std::size_t IDS_PER_LOOKUP = 50;
constexpr double USAGE_SLOWDOWN_PERCENT = 90;
constexpr double USAGE_PAUSE_S = 60;

struct Cursor {
  std::string hashtag_id;
  std::string after;
  std::int64_t newest_seen_us = 0;
  std::int64_t run_newest_us = 0;
};

Cursor read_cursor(const std::string& text) {
  Cursor cursor;
  simdjson::dom::parser parser;
  if (auto root = parse_cursor(parser, text)) {
    cursor.hashtag_id = text_of(*root, "hashtag_id").value_or("");
    cursor.after = text_of(*root, "after").value_or("");
    cursor.newest_seen_us = integer_of(*root, "newest_seen_us").value_or(0);
    cursor.run_newest_us = integer_of(*root, "run_newest_us").value_or(0);
  }
  return cursor;
}

std::string write_cursor(const Cursor& c) {
  std::string out = "{\"newest_seen_us\":" + std::to_string(c.newest_seen_us) +
                    ",\"run_newest_us\":" + std::to_string(c.run_newest_us);
  if (!c.hashtag_id.empty()) out += ",\"hashtag_id\":\"" + log::json_escape(c.hashtag_id) + "\"";
  if (!c.after.empty()) out += ",\"after\":\"" + log::json_escape(c.after) + "\"";
  return out + "}";
}

/// The largest percentage in an X-App-Usage / X-Business-Use-Case-Usage
/// header, and the minutes until access returns when it names them.
void read_usage(const std::string& header, double& percent, double& regain_minutes) {
  for (const char* name : {"call_count", "total_time", "total_cputime"}) {
    for (auto pos = header.find(name); pos != std::string::npos; pos = header.find(name, pos + 1)) {
      const auto colon = header.find(':', pos);
      if (colon != std::string::npos) percent = std::max(percent, number_or(header.substr(colon + 1), 0));
    }
  }
  const auto pos = header.find("estimated_time_to_regain_access");
  if (pos != std::string::npos) {
    const auto colon = header.find(':', pos);
    if (colon != std::string::npos) regain_minutes = std::max(regain_minutes, number_or(header.substr(colon + 1), 0));
  }
}

class InstagramPlatform final : public Platform {
 public:
  explicit InstagramPlatform(PlatformSettings settings) : settings_(std::move(settings)) {}
  std::string_view name() const override { return "instagram"; }
  bool configured() const override { return !settings_.secret.empty() && !settings_.client_id.empty(); }
  void authorize(HttpClient&, Request& request) override {
    request.secret_query = "access_token=" + url_encode(settings_.secret);
  }
  bool refresh_credentials(HttpClient&) override { return false; }

  bool credentials_refused(const Response& response) const override {
    if (response.status == 401 || response.status == 403) return true;
    // Graph answers an invalid or expired token with 400 and OAuthException code 190.
    return response.status == 400 && response.body.find("\"code\":190") != std::string::npos;
  }

  double wait_hint_s(const Response& response, double) const override {
    if (auto retry = response.header("retry-after"); !retry.empty()) return number_or(retry, 0);
    double percent = 0;
    double regain = 0;
    read_usage(response.header("x-app-usage"), percent, regain);
    read_usage(response.header("x-business-use-case-usage"), percent, regain);
    if (regain > 0) return regain * 60;
    if (percent >= USAGE_SLOWDOWN_PERCENT || response.status == 429) return USAGE_PAUSE_S;
    return 0;
  }

  std::vector<std::string> streams(const Campaign& campaign) const override {
    std::vector<std::string> out;
    for (const auto& tag : campaign.hashtags) {
      out.push_back("recent_media:" + tag);
      out.push_back("top_media:" + tag);
    }
    return out;
  }

  PageResult discover(Fetcher& fetcher, const Campaign& campaign, const std::string& stream,
                      const std::string& cursor_text) override {
    Cursor cursor = read_cursor(cursor_text);
    const auto colon = stream.find(':');
    const std::string edge = stream.substr(0, colon);
    const std::string tag = stream.substr(colon + 1);
    // One lookup per hashtag: recent_media and top_media share the id.
    std::string& known = hashtag_ids_[tag];
    if (cursor.hashtag_id.empty()) cursor.hashtag_id = known.empty() ? hashtag_id(fetcher, tag) : known;
    known = cursor.hashtag_id;
    Request request;
    request.url = settings_.base_url + "/" + cursor.hashtag_id + "/" + edge + "?user_id=" + settings_.client_id +
                  "&fields=" + MEDIA_FIELDS + "&limit=50";
    if (!cursor.after.empty()) request.url += "&after=" + url_encode(cursor.after);
    Response response = fetcher.fetch(request, 1);
    Page page(request, response);
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
    PageResult result;
    result.observed_at = observed_at_of(response);
    simdjson::dom::array media;
    if (page.root().at_key("data").get(media)) page.fail("no data array");
    const auto raw = spans::elements(spans::member(page.text(), "data").value_or("[]"));
    if (raw.size() != media.size()) page.fail("data could not be split");
    std::int64_t oldest_us = 0;
    std::size_t index = 0;
    for (auto item : media) {
      auto id = text_of(item, "id");
      if (!id) page.fail("a media object without id");
      result.entities.push_back({"post", "instagram:" + *id, std::string(raw[index++]), ""});
      if (auto created = parse_time_us(text_of(item, "timestamp").value_or(""))) {
        result.discovered.push_back({*id, *created});
        cursor.run_newest_us = std::max(cursor.run_newest_us, *created);
        if (oldest_us == 0 || *created < oldest_us) oldest_us = *created;
      }
    }
    std::string after;
    simdjson::dom::element paging;
    if (!page.root().at_key("paging").get(paging)) {
      simdjson::dom::element cursors;
      if (!paging.at_key("cursors").get(cursors) && text_of(paging, "next")) after = text_of(cursors, "after").value_or("");
    }
    const bool reached_seen = edge == "recent_media" && oldest_us != 0 && oldest_us <= cursor.newest_seen_us;
    if (!after.empty() && !reached_seen) {
      cursor.after = after;
      result.more = true;
    } else {
      cursor.after.clear();
      cursor.newest_seen_us = std::max(cursor.newest_seen_us, cursor.run_newest_us);
      cursor.run_newest_us = 0;
    }
    result.cursor = write_cursor(cursor);
    (void)campaign;
    return result;
  }

  std::size_t repoll_batch() const override { return IDS_PER_LOOKUP; }

  PageResult repoll(Fetcher& fetcher, const std::vector<std::string>& ids) override {
    Request request;
    request.url = settings_.base_url + "/?ids=" + join(ids, ",") + "&fields=" + LOOKUP_FIELDS;
    Response response = fetcher.fetch(request, 1);
    Page page(request, response);
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
    PageResult result;
    result.observed_at = observed_at_of(response);
    for (const auto& id : ids) {
      auto raw = spans::member(page.text(), id);
      if (raw) result.entities.push_back({"post", "instagram:" + id, std::string(*raw), ""});
    }
    return result;
  }

 private:
  std::string hashtag_id(Fetcher& fetcher, const std::string& tag) {
    Request request;
    request.url = settings_.base_url + "/ig_hashtag_search?user_id=" + settings_.client_id + "&q=" + url_encode(tag);
    Response response = fetcher.fetch(request, 1);
    Page page(request, response);
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
    simdjson::dom::array data;
    if (page.root().at_key("data").get(data)) page.fail("no data array");
    for (auto item : data) {
      if (auto id = text_of(item, "id")) return *id;
    }
    page.fail("no hashtag id for #" + tag);
  }

  PlatformSettings settings_;
  std::map<std::string, std::string> hashtag_ids_;
};

}  // namespace

std::unique_ptr<Platform> make_instagram(PlatformSettings settings) {
  return std::make_unique<InstagramPlatform>(std::move(settings));
}

}  // namespace smelt::collect
