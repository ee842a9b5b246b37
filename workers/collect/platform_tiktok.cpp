// TikTok Research API: POST /v2/research/video/query/ with the campaign's
// hashtags and keywords over a date window of at most 30 days, paged with
// cursor + search_id; each new video's comments from
// /v2/research/video/comment/list/; re-polls query the known video ids (100
// per call). Client-credentials token from /v2/oauth/token/, fetched again
// when it expires. Ids are numbers of up to 20 digits, kept as sent.
#include "collect/json_spans.hpp"
#include "collect/page.hpp"
#include "collect/platform.hpp"
#include "common/log.hpp"

namespace smelt::collect {
namespace {

constexpr const char* VIDEO_FIELDS =
    "id,create_time,username,region_code,video_description,music_id,like_count,comment_count,share_count,"
    "view_count,hashtag_names,video_mention_list,video_duration,voice_to_text";
constexpr const char* COMMENT_FIELDS = "id,video_id,text,like_count,reply_count,parent_comment_id,create_time";
constexpr std::size_t IDS_PER_QUERY = 100;
constexpr std::int64_t DAY_US = 86'400'000'000;

struct Cursor {
  std::string search_id;
  std::string cursor;
  std::string start_date;
  std::int64_t newest_seen_us = 0;
  std::int64_t run_newest_us = 0;
};

Cursor read_cursor(const std::string& text) {
  Cursor c;
  simdjson::dom::parser parser;
  if (auto root = parse_cursor(parser, text)) {
    c.search_id = text_of(*root, "search_id").value_or("");
    c.cursor = text_of(*root, "cursor").value_or("");
    c.start_date = text_of(*root, "start_date").value_or("");
    c.newest_seen_us = integer_of(*root, "newest_seen_us").value_or(0);
    c.run_newest_us = integer_of(*root, "run_newest_us").value_or(0);
  }
  return c;
}

std::string write_cursor(const Cursor& c) {
  std::string out = "{\"newest_seen_us\":" + std::to_string(c.newest_seen_us) +
                    ",\"run_newest_us\":" + std::to_string(c.run_newest_us);
  if (!c.search_id.empty()) out += ",\"search_id\":\"" + log::json_escape(c.search_id) + "\"";
  if (!c.cursor.empty()) out += ",\"cursor\":\"" + log::json_escape(c.cursor) + "\"";
  if (!c.start_date.empty()) out += ",\"start_date\":\"" + c.start_date + "\"";
  return out + "}";
}

/// YYYYMMDD (UTC) of a time.
std::string day_of(std::int64_t epoch_us) {
  const std::string iso = format_time_s(epoch_us);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string json_list(const std::vector<std::string>& values, bool quoted) {
  std::string out = "[";
  for (const auto& value : values) {
    if (out.size() > 1) out += ',';
    out += quoted ? "\"" + log::json_escape(value) + "\"" : value;
  }
  return out + "]";
}

/// Digits only (an id going back into a request body as a JSON number).
bool all_digits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

class TiktokPlatform final : public Platform {
 public:
  explicit TiktokPlatform(PlatformSettings settings) : settings_(std::move(settings)) {}
  std::string_view name() const override { return "tiktok"; }
  bool configured() const override { return !settings_.secret.empty() && !settings_.client_id.empty(); }

  void authorize(HttpClient& http, Request& request) override {
    if (token_.empty()) refresh_credentials(http);
    request.secret_headers = {"Authorization: Bearer " + token_};
  }

  bool refresh_credentials(HttpClient& http) override {
    Request request;
    request.method = "POST";
    request.url = settings_.base_url + "/v2/oauth/token/";
    request.headers = {"Content-Type: application/x-www-form-urlencoded"};
    request.body = "client_key=" + url_encode(settings_.client_id) + "&client_secret=" + url_encode(settings_.secret) +
                   "&grant_type=client_credentials";
    Response response = http.perform(request);
    if (response.status == 401 || response.status == 403) {
      throw CredentialsRefused("the token endpoint refused the client key and secret (HTTP " +
                               std::to_string(response.status) + ")");
    }
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    std::string_view token;
    if (response.status / 100 != 2 || parser.parse(response.body).get(root) || root["access_token"].get(token)) {
      if (response.body.find("invalid_client") != std::string::npos) {
        throw CredentialsRefused("the token endpoint refused the client key and secret");
      }
      throw GaveUp("token request failed (HTTP " + std::to_string(response.status) + ")");
    }
    token_ = std::string(token);
    return true;
  }

  double wait_hint_s(const Response& response, double) const override {
    if (auto retry = response.header("retry-after"); !retry.empty()) return number_or(retry, 0);
    return response.status == 429 ? 60 : 0;
  }

  std::vector<std::string> streams(const Campaign&) const override { return {"query"}; }

  PageResult discover(Fetcher& fetcher, const Campaign& campaign, const std::string&,
                      const std::string& cursor_text) override {
    Cursor cursor = read_cursor(cursor_text);
    const std::int64_t now = now_us();
    if (cursor.search_id.empty()) {
      // A new walk: from the day before the newest video seen (or the
      // campaign's start), within the API's 30-day window.
      std::int64_t from = std::max(campaign.starts_at_us, cursor.newest_seen_us - DAY_US);
      from = std::max(from, now - (settings_.max_days - 1) * DAY_US);
      cursor.start_date = day_of(from);
      cursor.cursor = "0";
    }
    std::string query = "{\"or\":[";
    if (!campaign.hashtags.empty()) {
      query += R"({"operation":"IN","field_name":"hashtag_name","field_values":)" + json_list(campaign.hashtags, true) + "}";
    }
    if (!campaign.keywords.empty()) {
      if (!campaign.hashtags.empty()) query += ',';
      query += R"({"operation":"IN","field_name":"keyword","field_values":)" + json_list(campaign.keywords, true) + "}";
    }
    query += "]}";
    Request request = video_query(query, cursor.start_date, day_of(now), cursor.cursor, cursor.search_id);
    Response response = fetcher.fetch(request, 1);
    Page page(request, response);
    PageResult result = read_videos(fetcher, request, response, page, true);
    for (const auto& video : result.discovered) {
      cursor.run_newest_us = std::max(cursor.run_newest_us, video.created_us);
      comments(fetcher, video.post_id, result);
    }
    simdjson::dom::element data;
    bool has_more = false;
    if (!page.root().at_key("data").get(data)) {
      bool flag = false;
      if (!data["has_more"].get(flag)) has_more = flag;
      if (has_more) {
        cursor.cursor = text_of(data, "cursor").value_or("0");
        cursor.search_id = text_of(data, "search_id").value_or("");
      }
    }
    if (has_more && !cursor.search_id.empty()) {
      result.more = true;
    } else {
      cursor.search_id.clear();
      cursor.cursor.clear();
      cursor.newest_seen_us = std::max(cursor.newest_seen_us, cursor.run_newest_us);
      cursor.run_newest_us = 0;
    }
    result.cursor = write_cursor(cursor);
    return result;
  }

  std::size_t repoll_batch() const override { return IDS_PER_QUERY; }

  PageResult repoll(Fetcher& fetcher, const std::vector<std::string>& ids) override {
    const std::string query =
        R"({"and":[{"operation":"IN","field_name":"video_id","field_values":)" + json_list(ids, true) + "}]}";
    const std::int64_t now = now_us();
    Request request = video_query(query, day_of(now - (settings_.max_days - 1) * DAY_US), day_of(now), "0", "");
    Response response = fetcher.fetch(request, 1);
    Page page(request, response);
    return read_videos(fetcher, request, response, page, false);
  }

 private:
  Request video_query(const std::string& query, const std::string& start, const std::string& end,
                      const std::string& cursor, const std::string& search_id) const {
    Request request;
    request.method = "POST";
    request.url = settings_.base_url + "/v2/research/video/query/?fields=" + VIDEO_FIELDS;
    request.headers = {"Content-Type: application/json"};
    request.body = "{\"query\":" + query + ",\"start_date\":\"" + start + "\",\"end_date\":\"" + end +
                   "\",\"max_count\":100,\"cursor\":" + (all_digits(cursor) ? cursor : "0");
    if (!search_id.empty()) request.body += ",\"search_id\":\"" + log::json_escape(search_id) + "\"";
    request.body += "}";
    return request;
  }

  /// Records TikTok's `error` object when it is not "ok"; throws when the page failed as a whole.
  void check_error(Fetcher& fetcher, const Request& request, const Response& response, const Page& page) {
    auto error = spans::member(page.text(), "error");
    const std::string code = [&] {
      simdjson::dom::element object;
      if (page.root().at_key("error").get(object)) return std::string("ok");
      return text_of(object, "code").value_or("ok");
    }();
    if (response.status / 100 != 2) page.fail("HTTP " + std::to_string(response.status) + " " + code);
    if (code != "ok" && error) fetcher.partial_error(request, *error);
  }

  PageResult read_videos(Fetcher& fetcher, const Request& request, const Response& response, const Page& page,
                         bool track) {
    check_error(fetcher, request, response, page);
    PageResult result;
    result.observed_at = observed_at_of(response);
    simdjson::dom::array videos;
    if (page.root().at_pointer("/data/videos").get(videos)) {
      if (spans::at(page.text(), {"data", "videos"})) page.fail("data.videos is not an array");
      return result;
    }
    const auto raw = spans::elements(*spans::at(page.text(), {"data", "videos"}));
    if (raw.size() != videos.size()) page.fail("videos could not be split");
    std::size_t index = 0;
    for (auto video : videos) {
      auto id = text_of(video, "id");
      if (!id) page.fail("a video without id");
      result.entities.push_back({"post", "tiktok:" + *id, std::string(raw[index++]), ""});
      if (track) {
        if (auto created = integer_of(video, "create_time")) result.discovered.push_back({*id, *created * 1'000'000});
      }
    }
    return result;
  }

  /// Every page of a video's comments, appended to `result`.
  void comments(Fetcher& fetcher, const std::string& video_id, PageResult& result) {
    if (!all_digits(video_id)) return;
    std::string cursor = "0";
    for (;;) {
      Request request;
      request.method = "POST";
      request.url = settings_.base_url + "/v2/research/video/comment/list/?fields=" + COMMENT_FIELDS;
      request.headers = {"Content-Type: application/json"};
      request.body = "{\"video_id\":" + video_id + ",\"max_count\":100,\"cursor\":" + cursor + "}";
      Response response = fetcher.fetch(request, 1);
      Page page(request, response);
      check_error(fetcher, request, response, page);
      for (std::string_view comment : spans::elements(spans::at(page.text(), {"data", "comments"}).value_or("[]"))) {
        result.entities.push_back({"comment", "tiktok:" + video_id, std::string(comment), ""});
      }
      simdjson::dom::element data;
      bool has_more = false;
      if (page.root().at_key("data").get(data) || data["has_more"].get(has_more) || !has_more) return;
      const std::string next = text_of(data, "cursor").value_or("");
      if (!all_digits(next) || next == cursor) return;
      cursor = next;
    }
  }

  PlatformSettings settings_;
  std::string token_;
};

}  // namespace

std::unique_ptr<Platform> make_tiktok(PlatformSettings settings) {
  return std::make_unique<TiktokPlatform>(std::move(settings));
}

}  // namespace smelt::collect
