// YouTube Data API v3: search.list (type video, newest first, publishedAfter)
// finds videos, videos.list reads them whole (search results are not video
// objects), commentThreads.list their comments; videos.list by id (50 per
// call) re-polls. API key; quota in units per method (search 100, lists 1).
#include "collect/json_spans.hpp"
#include "collect/page.hpp"
#include "collect/platform.hpp"
#include "common/log.hpp"

namespace smelt::collect {
namespace {

constexpr int SEARCH_UNITS = 100;
constexpr int LIST_UNITS = 1;
constexpr std::size_t IDS_PER_VIDEOS_LIST = 50;

struct Cursor {
  std::string page_token;
  std::int64_t published_after_us = 0;
  std::int64_t run_newest_us = 0;
};

Cursor read_cursor(const std::string& text) {
  Cursor cursor;
  simdjson::dom::parser parser;
  if (auto root = parse_cursor(parser, text)) {
    cursor.page_token = text_of(*root, "page_token").value_or("");
    cursor.published_after_us = integer_of(*root, "published_after_us").value_or(0);
    cursor.run_newest_us = integer_of(*root, "run_newest_us").value_or(0);
  }
  return cursor;
}

std::string write_cursor(const Cursor& c) {
  std::string out = "{\"published_after_us\":" + std::to_string(c.published_after_us) +
                    ",\"run_newest_us\":" + std::to_string(c.run_newest_us);
  if (!c.page_token.empty()) out += ",\"page_token\":\"" + log::json_escape(c.page_token) + "\"";
  return out + "}";
}

/// The `reason` of the first entry of error.errors[] ("quotaExceeded", "commentsDisabled"...).
std::string error_reason(const Response& response) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(response.body).get(root)) return "";
  simdjson::dom::array errors;
  if (root.at_pointer("/error/errors").get(errors)) return "";
  for (auto error : errors) return text_of(error, "reason").value_or("");
  return "";
}

class YoutubePlatform final : public Platform {
 public:
  explicit YoutubePlatform(PlatformSettings settings) : settings_(std::move(settings)) {}
  std::string_view name() const override { return "youtube"; }
  bool configured() const override { return !settings_.secret.empty(); }
  void authorize(HttpClient&, Request& request) override { request.secret_query = "key=" + url_encode(settings_.secret); }
  bool refresh_credentials(HttpClient&) override { return false; }

  double wait_hint_s(const Response& response, double) const override {
    if (auto retry = response.header("retry-after"); !retry.empty()) return number_or(retry, 0);
    if (response.status == 403 && error_reason(response) == "rateLimitExceeded") return 60;
    return 0;
  }

  bool credentials_refused(const Response& response) const override {
    if (response.status == 401) return true;
    if (response.status == 400) return error_reason(response) == "keyInvalid";
    if (response.status != 403) return false;
    const std::string reason = error_reason(response);
    return reason != "quotaExceeded" && reason != "dailyLimitExceeded" && reason != "commentsDisabled" &&
           reason != "rateLimitExceeded";
  }

  bool quota_exceeded(const Response& response) const override {
    if (response.status != 403) return false;
    const std::string reason = error_reason(response);
    return reason == "quotaExceeded" || reason == "dailyLimitExceeded";
  }

  std::vector<std::string> streams(const Campaign&) const override { return {"search"}; }

  PageResult discover(Fetcher& fetcher, const Campaign& campaign, const std::string&,
                      const std::string& cursor_text) override {
    Cursor cursor = read_cursor(cursor_text);
    const std::int64_t after_us = std::max(cursor.published_after_us, campaign.starts_at_us);
    Request request;
    request.url = settings_.base_url + "/youtube/v3/search?part=snippet&type=video&order=date&maxResults=50&q=" +
                  url_encode(query_terms(campaign, "#", "|")) + "&publishedAfter=" + url_encode(format_time_s(after_us));
    if (!cursor.page_token.empty()) request.url += "&pageToken=" + url_encode(cursor.page_token);
    Response response = fetcher.fetch(request, SEARCH_UNITS);
    Page page(request, response);
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
    simdjson::dom::array items;
    if (page.root().at_key("items").get(items)) page.fail("a search response without items");
    std::vector<std::string> ids;
    for (auto item : items) {
      simdjson::dom::element id;
      if (item.at_key("id").get(id)) page.fail("a search result without id");
      if (auto video = text_of(id, "videoId")) ids.push_back(*video);
      simdjson::dom::element snippet;
      if (!item.at_key("snippet").get(snippet)) {
        if (auto published = parse_time_us(text_of(snippet, "publishedAt").value_or(""))) {
          cursor.run_newest_us = std::max(cursor.run_newest_us, *published);
        }
      }
    }
    PageResult result;
    result.observed_at = observed_at_of(response);
    if (!ids.empty()) {
      result = videos(fetcher, ids, true);
      for (const auto& id : ids) comments(fetcher, id, result);
    }
    const std::string next = text_of(page.root(), "nextPageToken").value_or("");
    if (!next.empty() && !ids.empty()) {
      cursor.page_token = next;
      result.more = true;
    } else {
      cursor.page_token.clear();
      if (cursor.run_newest_us > 0) cursor.published_after_us = cursor.run_newest_us + 1'000'000;
      cursor.run_newest_us = 0;
    }
    result.cursor = write_cursor(cursor);
    return result;
  }

  std::size_t repoll_batch() const override { return IDS_PER_VIDEOS_LIST; }

  PageResult repoll(Fetcher& fetcher, const std::vector<std::string>& ids) override {
    return videos(fetcher, ids, false);
  }

 private:
  PageResult videos(Fetcher& fetcher, const std::vector<std::string>& ids, bool track) {
    Request request;
    request.url = settings_.base_url + "/youtube/v3/videos?part=snippet,statistics&maxResults=50&id=" + join(ids, ",");
    Response response = fetcher.fetch(request, LIST_UNITS);
    Page page(request, response);
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
    PageResult result;
    result.observed_at = observed_at_of(response);
    simdjson::dom::array items;
    if (page.root().at_key("items").get(items)) page.fail("a videos response without items");
    const auto raw = spans::elements(spans::member(page.text(), "items").value_or("[]"));
    if (raw.size() != items.size()) page.fail("items could not be split");
    std::size_t index = 0;
    for (auto item : items) {
      auto id = text_of(item, "id");
      if (!id) page.fail("a video without id");
      result.entities.push_back({"post", "youtube:" + *id, std::string(raw[index++]), ""});
      simdjson::dom::element snippet;
      if (track && !item.at_key("snippet").get(snippet)) {
        if (auto published = parse_time_us(text_of(snippet, "publishedAt").value_or(""))) {
          result.discovered.push_back({*id, *published});
        }
      }
    }
    return result;
  }

  /// Every page of a video's comment threads, appended to `result`.
  void comments(Fetcher& fetcher, const std::string& video_id, PageResult& result) {
    std::string token;
    do {
      Request request;
      request.url = settings_.base_url +
                    "/youtube/v3/commentThreads?part=snippet&maxResults=100&order=time&textFormat=plainText&videoId=" +
                    video_id;
      if (!token.empty()) request.url += "&pageToken=" + url_encode(token);
      Response response = fetcher.fetch(request, LIST_UNITS);
      if (response.status == 403 && error_reason(response) == "commentsDisabled") return;
      Page page(request, response);
      if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status));
      const auto raw = spans::elements(spans::member(page.text(), "items").value_or("[]"));
      for (std::string_view item : raw) result.entities.push_back({"comment", "youtube:" + video_id, std::string(item), ""});
      token = text_of(page.root(), "nextPageToken").value_or("");
    } while (!token.empty());
  }

  PlatformSettings settings_;
};

}  // namespace

std::unique_ptr<Platform> make_youtube(PlatformSettings settings) {
  return std::make_unique<YoutubePlatform>(std::move(settings));
}

}  // namespace smelt::collect
