// X API v2: recent search for discovery (since_id, next_token), tweet lookup
// by ids (100 per call) for re-polls. App-only OAuth 2.0 bearer token.
#include <set>

#include "collect/json_spans.hpp"
#include "collect/page.hpp"
#include "collect/platform.hpp"
#include "common/log.hpp"

namespace smelt::collect {
namespace {

constexpr const char* TWEET_FIELDS =
    "tweet.fields=id,text,author_id,created_at,lang,conversation_id,public_metrics,entities,geo,"
    "referenced_tweets,in_reply_to_user_id,note_tweet,edit_history_tweet_ids,possibly_sensitive,reply_settings"
    "&expansions=author_id,geo.place_id,entities.mentions.username"
    "&user.fields=id,name,username,created_at,description,location,verified,protected,public_metrics,"
    "profile_image_url,url&place.fields=id,full_name,name,country,country_code,place_type,geo";
constexpr std::size_t IDS_PER_LOOKUP = 100;

struct Cursor {
  std::string since_id;
  std::string next_token;
  std::string run_newest;
};

Cursor read_cursor(const std::string& text) {
  Cursor cursor;
  if (text.empty()) return cursor;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text).get(root)) return cursor;
  cursor.since_id = text_of(root, "since_id").value_or("");
  cursor.next_token = text_of(root, "next_token").value_or("");
  cursor.run_newest = text_of(root, "run_newest").value_or("");
  return cursor;
}

std::string write_cursor(const Cursor& cursor) {
  std::string out = "{";
  auto field = [&out](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (out.size() > 1) out += ',';
    out += '"' + std::string(name) + "\":\"" + log::json_escape(value) + '"';
  };
  field("since_id", cursor.since_id);
  field("next_token", cursor.next_token);
  field("run_newest", cursor.run_newest);
  return out + "}";
}

/// Numeric comparison of two decimal ids.
bool id_greater(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() > b.size();
  return a > b;
}

/// The profiles and places a tweet refers to, out of the page's includes.
std::string includes_for(simdjson::dom::element tweet, std::string_view includes_text) {
  std::set<std::string> user_ids;
  if (auto author = text_of(tweet, "author_id")) user_ids.insert(*author);
  simdjson::dom::array mentions;
  if (!tweet.at_pointer("/entities/mentions").get(mentions)) {
    for (auto mention : mentions) {
      if (auto id = text_of(mention, "id")) user_ids.insert(*id);
    }
  }
  std::string place_id;
  simdjson::dom::element geo;
  if (!tweet.at_key("geo").get(geo)) place_id = text_of(geo, "place_id").value_or("");
  std::string users;
  if (auto list = spans::member(includes_text, "users")) {
    for (std::string_view user : spans::elements(*list)) {
      auto id = spans::member(user, "id");
      if (id && id->size() >= 2 && user_ids.count(std::string(id->substr(1, id->size() - 2)))) {
        users += users.empty() ? "" : ",";
        users += user;
      }
    }
  }
  std::string places;
  if (auto list = spans::member(includes_text, "places"); list && !place_id.empty()) {
    for (std::string_view place : spans::elements(*list)) {
      auto id = spans::member(place, "id");
      if (id && id->size() >= 2 && id->substr(1, id->size() - 2) == place_id) places += place;
    }
  }
  std::string out = "{\"users\":[" + users + "]";
  if (!places.empty()) out += ",\"places\":[" + places + "]";
  return out + "}";
}

bool is_reply(simdjson::dom::element tweet) {
  simdjson::dom::array referenced;
  if (tweet.at_key("referenced_tweets").get(referenced)) return false;
  for (auto ref : referenced) {
    if (text_of(ref, "type").value_or("") == "replied_to") return true;
  }
  return false;
}

class XPlatform final : public Platform {
 public:
  explicit XPlatform(PlatformSettings settings) : settings_(std::move(settings)) {}
  std::string_view name() const override { return "x"; }
  bool configured() const override { return !settings_.secret.empty(); }
  void authorize(HttpClient&, Request& request) override {
    request.secret_headers = {"Authorization: Bearer " + settings_.secret};
  }
  bool refresh_credentials(HttpClient&) override { return false; }

  double wait_hint_s(const Response& response, double now_s) const override {
    const std::string remaining = response.header("x-rate-limit-remaining");
    const std::string reset = response.header("x-rate-limit-reset");
    if ((response.status == 429 || remaining == "0") && !reset.empty()) {
      return std::max(0.0, number_or(reset, now_s) - now_s + 1);
    }
    if (auto retry = response.header("retry-after"); !retry.empty()) return number_or(retry, 0);
    return 0;
  }

  std::vector<std::string> streams(const Campaign&) const override { return {"search"}; }

  PageResult discover(Fetcher& fetcher, const Campaign& campaign, const std::string&,
                      const std::string& cursor_text) override {
    Cursor cursor = read_cursor(cursor_text);
    Request request;
    request.url = settings_.base_url + "/2/tweets/search/recent?query=" +
                  url_encode("(" + query_terms(campaign, "#", " OR ") + ")") + "&max_results=100&" + TWEET_FIELDS;
    if (!cursor.since_id.empty()) request.url += "&since_id=" + cursor.since_id;
    if (cursor.since_id.empty()) request.url += "&start_time=" + url_encode(format_time_s(campaign.starts_at_us));
    if (!cursor.next_token.empty()) request.url += "&next_token=" + url_encode(cursor.next_token);
    Response response = fetcher.fetch(request, 1);
    PageResult result = read_tweets(fetcher, request, response, true);
    Page page(request, response);
    const std::string newest = [&] {
      simdjson::dom::element meta;
      if (page.root().at_key("meta").get(meta)) return std::string();
      return text_of(meta, "newest_id").value_or("");
    }();
    if (cursor.run_newest.empty() || id_greater(newest, cursor.run_newest)) {
      if (!newest.empty()) cursor.run_newest = newest;
    }
    std::string next_token;
    simdjson::dom::element meta;
    if (!page.root().at_key("meta").get(meta)) next_token = text_of(meta, "next_token").value_or("");
    if (!next_token.empty()) {
      cursor.next_token = next_token;
      result.more = true;
    } else {
      if (!cursor.run_newest.empty()) cursor.since_id = cursor.run_newest;
      cursor.next_token.clear();
      cursor.run_newest.clear();
    }
    result.cursor = write_cursor(cursor);
    return result;
  }

  std::size_t repoll_batch() const override { return IDS_PER_LOOKUP; }

  PageResult repoll(Fetcher& fetcher, const std::vector<std::string>& ids) override {
    Request request;
    request.url = settings_.base_url + "/2/tweets?ids=" + join(ids, ",") + "&" + TWEET_FIELDS;
    Response response = fetcher.fetch(request, 1);
    return read_tweets(fetcher, request, response, false);
  }

 private:
  PageResult read_tweets(Fetcher& fetcher, const Request& request, const Response& response, bool track) {
    if (response.status / 100 != 2) Page(request, response).fail("HTTP " + std::to_string(response.status));
    Page page(request, response);
    PageResult result;
    result.observed_at = observed_at_of(response);
    const std::string_view includes = spans::member(page.text(), "includes").value_or("{}");
    if (auto errors = spans::member(page.text(), "errors")) {
      for (std::string_view error : spans::elements(*errors)) fetcher.partial_error(request, error);
    }
    simdjson::dom::array tweets;
    const auto data_text = spans::member(page.text(), "data");
    if (page.root().at_key("data").get(tweets)) {
      if (data_text) page.fail("data is not an array");
      return result;
    }
    const auto raw = spans::elements(*data_text);
    if (raw.size() != tweets.size()) page.fail("data could not be split into tweets");
    std::size_t index = 0;
    for (auto tweet : tweets) {
      auto id = text_of(tweet, "id");
      if (!id) page.fail("a tweet has no id");
      Entity entity;
      const bool reply = is_reply(tweet);
      entity.kind = reply ? "comment" : "post";
      entity.key = "x:" + (reply ? text_of(tweet, "conversation_id").value_or(*id) : *id);
      entity.payload = std::string(raw[index++]);
      entity.includes = includes_for(tweet, includes);
      result.entities.push_back(std::move(entity));
      if (track && !reply) {
        auto created = parse_time_us(text_of(tweet, "created_at").value_or(""));
        if (created) result.discovered.push_back({*id, *created});
      }
    }
    return result;
  }

  PlatformSettings settings_;
};

}  // namespace

std::unique_ptr<Platform> make_x(PlatformSettings settings) { return std::make_unique<XPlatform>(std::move(settings)); }

}  // namespace smelt::collect
