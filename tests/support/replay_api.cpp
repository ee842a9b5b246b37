#include "support/replay_api.hpp"

#include <httplib.h>

#include <algorithm>
#include <ctime>
#include <set>
#include <sstream>

namespace smelt::testing {
namespace {

const std::string X_TOKEN = "x-bearer-Zq81VnWm";
const std::string REDDIT_ID = "reddit-client-id-4t";
const std::string REDDIT_SECRET = "reddit-secret-Hk29sPq";
const std::string YOUTUBE_KEY = "youtube-key-Bn37Lc0";
const std::string INSTAGRAM_TOKEN = "instagram-token-Ue55Jd";
const std::string INSTAGRAM_USER = "17841400000000001";
const std::string TIKTOK_KEY = "tiktok-client-key-9a";
const std::string TIKTOK_SECRET = "tiktok-secret-Wr64Ty";
constexpr std::size_t PAGE_SIZE = 2;

struct Post {
  std::string platform;
  std::string id;
  int campaign = 0;
  std::int64_t created_s = 0;
  std::int64_t base_likes = 0;
  int observations = 0;
  std::int64_t last_likes = 0;
  int comments_served = 0;
};

std::string iso(std::int64_t seconds, const char* format = "%Y-%m-%dT%H:%M:%S.000Z") {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char buffer[40];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  std::strftime(buffer, sizeof buffer, format, &parts);
#pragma GCC diagnostic pop
  return buffer;
}

std::string http_date(std::int64_t seconds) { return iso(seconds, "%a, %d %b %Y %H:%M:%S GMT"); }

std::string base64(const std::string& text) {
  static constexpr char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += ALPHABET[(n >> shift) & 63];
  }
  if (i < text.size()) {
    unsigned n = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size()) n |= static_cast<unsigned char>(text[i + 1]) << 8;
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += i + 1 < text.size() ? ALPHABET[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string tag_of(int campaign) { return "alpha" + std::to_string(campaign); }

}  // namespace

struct ReplayApi::Impl {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  mutable std::mutex mutex;
  std::vector<Post> posts;  // newest first within each platform
  std::vector<Fault> faults;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> hits;
  std::map<std::string, std::vector<std::string>> paths;
  std::map<std::string, std::vector<std::string>> targets;
  std::map<std::string, int> token_hits;
  // Tokens stay valid until expire_tokens(), as several clients of one app may hold one each.
  std::set<std::string> reddit_tokens;
  std::set<std::string> tiktok_tokens;
  int token_serial = 0;
  std::int64_t growth = 0;
  std::int64_t clock_offset_s = 0;

  std::int64_t now_s() const { return static_cast<std::int64_t>(std::time(nullptr)) + clock_offset_s; }

  std::int64_t observe(Post& post) {
    ++post.observations;
    post.last_likes = post.base_likes + growth * (post.observations - 1);
    return post.last_likes;
  }

  /// Posts of a platform for the campaign whose hashtag the request names.
  std::vector<Post*> campaign_posts(const std::string& platform, const std::string& text) {
    std::vector<Post*> out;
    for (auto& post : posts) {
      if (post.platform == platform && text.find(tag_of(post.campaign)) != std::string::npos) out.push_back(&post);
    }
    return out;
  }

  Post* find(const std::string& platform, const std::string& id) {
    for (auto& post : posts) {
      if (post.platform == platform && post.id == id) return &post;
    }
    return nullptr;
  }

  bool apply_fault(const std::string& platform, const httplib::Request& req, httplib::Response& res) {
    for (auto& fault : faults) {
      if (fault.times <= 0 || fault.platform != platform) continue;
      if (!fault.path_part.empty() && req.path.find(fault.path_part) == std::string::npos) continue;
      --fault.times;
      res.status = fault.status;
      for (const auto& [name, value] : fault.headers) res.set_header(name, value);
      res.set_content(fault.body, "application/json");
      return true;
    }
    return false;
  }

  // ---- renderers, in each API's shape --------------------------------------

  std::string tweet(Post& p) {
    const std::int64_t likes = observe(p);
    return R"({"id":")" + p.id + R"(","text":"Launch day #)" + tag_of(p.campaign) +
           R"( is great","author_id":"u)" + p.id + R"(","created_at":")" + iso(p.created_s) +
           R"(","lang":"en","conversation_id":")" + p.id + R"(","edit_history_tweet_ids":[")" + p.id +
           R"("],"public_metrics":{"retweet_count":3,"reply_count":1,"like_count":)" + std::to_string(likes) +
           R"(,"quote_count":1,"impression_count":)" + std::to_string(likes * 40) +
           R"(},"entities":{"hashtags":[{"start":11,"end":18,"tag":")" + tag_of(p.campaign) + R"("}]}})";
  }
  std::string reply(const Post& p) {
    return R"({"id":")" + p.id + R"(9","text":"@fan agreed #)" + tag_of(p.campaign) + R"(","author_id":"r)" + p.id +
           R"(","created_at":")" + iso(p.created_s + 30) + R"(","lang":"en","conversation_id":")" + p.id +
           R"(","referenced_tweets":[{"type":"replied_to","id":")" + p.id +
           R"("}],"public_metrics":{"retweet_count":0,"reply_count":0,"like_count":2,"quote_count":0}})";
  }
  std::string x_user(const std::string& id) {
    return R"({"id":")" + id + R"(","name":"Fan )" + id + R"(","username":"fan_)" + id +
           R"(","verified":false,"public_metrics":{"followers_count":120,"following_count":80,"tweet_count":5,"listed_count":0}})";
  }
  std::string reddit_post(Post& p) {
    const std::int64_t likes = observe(p);
    return R"({"kind":"t3","data":{"id":")" + p.id + R"(","name":"t3_)" + p.id +
           R"(","subreddit":"gadgets","title":"Thoughts on #)" + tag_of(p.campaign) +
           R"(","selftext":"Tried it today.","author":"redditor_)" + p.id + R"(","created_utc":)" +
           std::to_string(p.created_s) + R"(.0,"permalink":"/r/gadgets/comments/)" + p.id +
           R"(/thoughts/","ups":)" + std::to_string(likes) + R"(,"score":)" + std::to_string(likes) +
           R"(,"num_comments":4,"num_crossposts":0,"view_count":null}})";
  }
  std::string video(Post& p) {
    const std::int64_t likes = observe(p);
    return R"({"kind":"youtube#video","etag":"e)" + p.id + R"(","id":")" + p.id + R"(","snippet":{"publishedAt":")" +
           iso(p.created_s, "%Y-%m-%dT%H:%M:%SZ") + R"(","channelId":"UCchan)" + p.id +
           R"(","title":"Unboxing #)" + tag_of(p.campaign) +
           R"(","description":"Our review.","channelTitle":"Reviews","tags":[")" + tag_of(p.campaign) +
           R"("]},"statistics":{"viewCount":")" + std::to_string(likes * 30) + R"(","likeCount":")" +
           std::to_string(likes) + R"(","favoriteCount":"0","commentCount":"1"}})";
  }
  std::string comment_thread(Post& p) {
    ++p.comments_served;
    const std::string when = iso(p.created_s + 60, "%Y-%m-%dT%H:%M:%SZ");
    return R"({"kind":"youtube#commentThread","etag":"c","id":"Ugc)" + p.id + R"(","snippet":{"videoId":")" + p.id +
           R"(","topLevelComment":{"kind":"youtube#comment","etag":"t","id":"Ugc)" + p.id +
           R"(","snippet":{"videoId":")" + p.id +
           R"(","textDisplay":"Love it","textOriginal":"Love it","authorDisplayName":"@viewer","authorChannelId":{"value":"UCviewer"},"likeCount":2,"publishedAt":")" +
           when + R"(","updatedAt":")" + when + R"("}},"canReply":true,"totalReplyCount":0,"isPublic":true}})";
  }
  std::string media(Post& p) {
    const std::int64_t likes = observe(p);
    return R"({"id":")" + p.id + R"(","caption":"New drop #)" + tag_of(p.campaign) +
           R"(","comments_count":3,"like_count":)" + std::to_string(likes) +
           R"(,"media_type":"IMAGE","permalink":"https://www.instagram.com/p/)" + p.id + R"(/","timestamp":")" +
           iso(p.created_s, "%Y-%m-%dT%H:%M:%S+0000") + R"("})";
  }
  std::string tiktok_video(Post& p) {
    const std::int64_t likes = observe(p);
    return R"({"id":)" + p.id + R"(,"create_time":)" + std::to_string(p.created_s) +
           R"(,"username":"creator)" + std::to_string(p.campaign) + R"(","region_code":"US","video_description":"Trying #)" +
           tag_of(p.campaign) + R"(","like_count":)" + std::to_string(likes) + R"(,"comment_count":1,"share_count":4,"view_count":)" +
           std::to_string(likes * 50) + R"(,"hashtag_names":[")" + tag_of(p.campaign) + R"("]})";
  }
  std::string tiktok_comment(Post& p) {
    ++p.comments_served;
    return R"({"id":6)" + p.id.substr(1) + R"(,"video_id":)" + p.id +
           R"(,"text":"so good","like_count":1,"reply_count":0,"parent_comment_id":)" + p.id +
           R"(,"create_time":)" + std::to_string(p.created_s + 60) + "}";
  }

  static std::size_t offset_of(const std::string& token) {
    return token.size() > 1 && token[0] == 'o' ? std::stoul(token.substr(1)) : 0;
  }

  void respond(httplib::Response& res, const std::string& body) {
    res.set_header("Date", http_date(now_s()));
    res.set_content(body, "application/json");
  }

  bool authorized(const std::string& platform, const httplib::Request& req, httplib::Response& res) {
    const std::string auth = req.get_header_value("Authorization");
    bool ok = true;
    if (platform == "x") ok = auth == "Bearer " + X_TOKEN;
    if (platform == "reddit") ok = auth.rfind("Bearer ", 0) == 0 && reddit_tokens.count(auth.substr(7));
    if (platform == "tiktok") ok = auth.rfind("Bearer ", 0) == 0 && tiktok_tokens.count(auth.substr(7));
    if (platform == "youtube") ok = req.get_param_value("key") == YOUTUBE_KEY;
    if (platform == "instagram") ok = req.get_param_value("access_token") == INSTAGRAM_TOKEN;
    if (ok) return true;
    res.status = platform == "instagram" ? 400 : 401;
    res.set_content(platform == "tiktok"
                        ? R"({"data":{},"error":{"code":"access_token_invalid","message":"expired","log_id":"l"}})"
                        : platform == "instagram"
                            ? R"({"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}})"
                            : R"({"title":"Unauthorized","status":401})",
                    "application/json");
    return false;
  }

  void count(const std::string& platform, const httplib::Request& req) {
    hits[platform].push_back(std::chrono::steady_clock::now());
    paths[platform].push_back(req.path);
    std::string target = req.path + "?";
    for (const auto& [name, value] : req.params) target += name + "=" + value + "&";
    targets[platform].push_back(target);
  }

  template <typename Handler>
  httplib::Server::Handler wrap(const std::string& platform, Handler handler) {
    return [this, platform, handler](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      count(platform, req);
      if (apply_fault(platform, req, res)) return;
      if (!authorized(platform, req, res)) return;
      handler(req, res);
    };
  }

  void routes() {
    server.Get("/2/tweets/search/recent", wrap("x", [this](const httplib::Request& req, httplib::Response& res) {
      auto found = campaign_posts("x", req.get_param_value("query"));
      const std::string since = req.get_param_value("since_id");
      std::vector<Post*> list;
      for (Post* p : found) {
        if (since.empty() || p->id.size() > since.size() || (p->id.size() == since.size() && p->id > since)) list.push_back(p);
      }
      const std::size_t begin = offset_of(req.get_param_value("next_token"));
      std::string data;
      std::string users;
      for (std::size_t i = begin; i < std::min(list.size(), begin + PAGE_SIZE); ++i) {
        if (!data.empty()) data += ',';
        data += tweet(*list[i]) + "," + reply(*list[i]);
        ++list[i]->comments_served;
        users += (users.empty() ? "" : ",") + x_user("u" + list[i]->id) + "," + x_user("r" + list[i]->id);
      }
      std::string body = "{";
      if (!data.empty()) body += R"("data":[)" + data + R"(],"includes":{"users":[)" + users + "]},";
      body += R"("meta":{"result_count":)" + std::to_string(std::min(list.size() - std::min(begin, list.size()), PAGE_SIZE) * 2);
      if (!list.empty() && begin == 0) body += R"(,"newest_id":")" + list.front()->id + R"(","oldest_id":")" + list.back()->id + "\"";
      if (begin + PAGE_SIZE < list.size()) body += R"(,"next_token":"o)" + std::to_string(begin + PAGE_SIZE) + "\"";
      respond(res, body + "}}");
    }));
    server.Get("/2/tweets", wrap("x", [this](const httplib::Request& req, httplib::Response& res) {
      std::string data, users, errors;
      std::stringstream ids(req.get_param_value("ids"));
      for (std::string id; std::getline(ids, id, ',');) {
        if (Post* p = find("x", id)) {
          data += (data.empty() ? "" : ",") + tweet(*p);
          users += (users.empty() ? "" : ",") + x_user("u" + id);
        } else {
          errors += (errors.empty() ? "" : ",") + std::string(R"({"value":")") + id +
                    R"(","detail":"Could not find tweet","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":")" +
                    id + R"(","type":"https://api.twitter.com/2/problems/resource-not-found"})";
        }
      }
      std::string body = R"({"data":[)" + data + R"(],"includes":{"users":[)" + users + "]}";
      if (!errors.empty()) body += R"(,"errors":[)" + errors + "]";
      respond(res, body + "}");
    }));
    server.Post("/api/v1/access_token", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      ++token_hits["reddit"];
      const std::string expected = "Basic " + base64(REDDIT_ID + ":" + REDDIT_SECRET);
      if (req.get_header_value("Authorization") != expected) {
        res.status = 401;
        res.set_content(R"({"message":"Unauthorized","error":401})", "application/json");
        return;
      }
      const std::string reddit_token = "reddit-token-" + std::to_string(++token_serial);
      reddit_tokens.insert(reddit_token);
      respond(res, R"({"access_token":")" + reddit_token + R"(","token_type":"bearer","expires_in":86400,"scope":"*"})");
    });
    server.Get("/search", wrap("reddit", [this](const httplib::Request& req, httplib::Response& res) {
      auto list = campaign_posts("reddit", req.get_param_value("q"));
      std::size_t begin = 0;
      const std::string after = req.get_param_value("after");
      for (std::size_t i = 0; i < list.size(); ++i) {
        if ("t3_" + list[i]->id == after) begin = i + 1;
      }
      std::string children;
      const std::size_t end = std::min(list.size(), begin + PAGE_SIZE);
      for (std::size_t i = begin; i < end; ++i) children += (children.empty() ? "" : ",") + reddit_post(*list[i]);
      const std::string next = end < list.size() ? "\"t3_" + list[end - 1]->id + "\"" : "null";
      res.set_header("x-ratelimit-remaining", "95.0");
      res.set_header("x-ratelimit-used", "5");
      res.set_header("x-ratelimit-reset", "300");
      respond(res, R"({"kind":"Listing","data":{"after":)" + next + R"(,"dist":)" + std::to_string(end - begin) +
                       R"(,"children":[)" + children + R"(],"before":null}})");
    }));
    server.Get("/api/info", wrap("reddit", [this](const httplib::Request& req, httplib::Response& res) {
      std::string children;
      std::stringstream ids(req.get_param_value("id"));
      for (std::string id; std::getline(ids, id, ',');) {
        if (Post* p = find("reddit", id.substr(3))) children += (children.empty() ? "" : ",") + reddit_post(*p);
      }
      respond(res, R"({"kind":"Listing","data":{"after":null,"children":[)" + children + "]}}");
    }));
    server.Get("/youtube/v3/search", wrap("youtube", [this](const httplib::Request& req, httplib::Response& res) {
      std::vector<Post*> list;
      const std::string after = req.get_param_value("publishedAfter");
      for (Post* p : campaign_posts("youtube", req.get_param_value("q"))) {
        if (after.empty() || iso(p->created_s, "%Y-%m-%dT%H:%M:%SZ") > after) list.push_back(p);
      }
      const std::size_t begin = offset_of(req.get_param_value("pageToken"));
      std::string items;
      const std::size_t end = std::min(list.size(), begin + PAGE_SIZE);
      for (std::size_t i = begin; i < end; ++i) {
        items += (items.empty() ? "" : ",") + std::string(R"({"kind":"youtube#searchResult","etag":"s","id":{"kind":"youtube#video","videoId":")") +
                 list[i]->id + R"("},"snippet":{"publishedAt":")" + iso(list[i]->created_s, "%Y-%m-%dT%H:%M:%SZ") +
                 R"(","channelId":"UCchan","title":"t"}})";
      }
      std::string body = R"({"kind":"youtube#searchListResponse","etag":"x","regionCode":"US","pageInfo":{"totalResults":)" +
                         std::to_string(list.size()) + R"(,"resultsPerPage":2},"items":[)" + items + "]";
      if (end < list.size()) body += R"(,"nextPageToken":"o)" + std::to_string(end) + "\"";
      respond(res, body + "}");
    }));
    server.Get("/youtube/v3/videos", wrap("youtube", [this](const httplib::Request& req, httplib::Response& res) {
      std::string items;
      std::stringstream ids(req.get_param_value("id"));
      for (std::string id; std::getline(ids, id, ',');) {
        if (Post* p = find("youtube", id)) items += (items.empty() ? "" : ",") + video(*p);
      }
      respond(res, R"({"kind":"youtube#videoListResponse","etag":"v","items":[)" + items + "]}");
    }));
    server.Get("/youtube/v3/commentThreads", wrap("youtube", [this](const httplib::Request& req, httplib::Response& res) {
      Post* p = find("youtube", req.get_param_value("videoId"));
      respond(res, R"({"kind":"youtube#commentThreadListResponse","etag":"c","items":[)" +
                       (p ? comment_thread(*p) : std::string()) + "]}");
    }));
    server.Get("/ig_hashtag_search", wrap("instagram", [this](const httplib::Request& req, httplib::Response& res) {
      respond(res, R"({"data":[{"id":"1784100)" + req.get_param_value("q").substr(5) + R"("}]})");
    }));
    server.Get(R"(/(\d+)/(recent_media|top_media))", wrap("instagram", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string hashtag = req.matches[1];
      std::vector<Post*> list;
      if (std::string(req.matches[2]) == "recent_media") list = campaign_posts("instagram", "alpha" + hashtag.substr(7));
      const std::size_t begin = offset_of(req.get_param_value("after"));
      const std::size_t end = std::min(list.size(), begin + PAGE_SIZE);
      std::string data;
      for (std::size_t i = begin; i < end; ++i) data += (data.empty() ? "" : ",") + media(*list[i]);
      std::string body = R"({"data":[)" + data + "]";
      if (end < list.size()) {
        body += R"(,"paging":{"cursors":{"after":"o)" + std::to_string(end) + R"("},"next":"https://graph.facebook.com/next"})";
      }
      res.set_header("x-app-usage", R"({"call_count":3,"total_cputime":1,"total_time":2})");
      respond(res, body + "}");
    }));
    server.Get("/", wrap("instagram", [this](const httplib::Request& req, httplib::Response& res) {
      std::string body;
      std::stringstream ids(req.get_param_value("ids"));
      for (std::string id; std::getline(ids, id, ',');) {
        if (Post* p = find("instagram", id)) body += (body.empty() ? "" : ",") + ("\"" + id + "\":" + media(*p));
      }
      respond(res, "{" + body + "}");
    }));
    server.Post("/v2/oauth/token/", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      ++token_hits["tiktok"];
      if (req.body.find("client_key=" + TIKTOK_KEY + "&") == std::string::npos ||
          req.body.find("client_secret=" + TIKTOK_SECRET + "&") == std::string::npos) {
        respond(res, R"({"error":"invalid_client","error_description":"Client key or secret is incorrect.","log_id":"l"})");
        return;
      }
      const std::string tiktok_token = "tiktok-token-" + std::to_string(++token_serial);
      tiktok_tokens.insert(tiktok_token);
      respond(res, R"({"access_token":")" + tiktok_token + R"(","expires_in":7200,"token_type":"Bearer"})");
    });
    server.Post("/v2/research/video/query/", wrap("tiktok", [this](const httplib::Request& req, httplib::Response& res) {
      std::vector<Post*> list;
      if (req.body.find("video_id") != std::string::npos) {
        for (auto& p : posts) {
          if (p.platform == "tiktok" && req.body.find("\"" + p.id + "\"") != std::string::npos) list.push_back(&p);
        }
      } else {
        list = campaign_posts("tiktok", req.body);
      }
      std::size_t begin = 0;
      const auto at = req.body.find("\"cursor\":");
      if (at != std::string::npos) begin = std::stoul(req.body.substr(at + 9));
      const std::size_t end = std::min(list.size(), begin + PAGE_SIZE);
      std::string videos;
      for (std::size_t i = begin; i < end; ++i) videos += (videos.empty() ? "" : ",") + tiktok_video(*list[i]);
      respond(res, R"({"data":{"videos":[)" + videos + R"(],"cursor":)" + std::to_string(end) + R"(,"has_more":)" +
                       (end < list.size() ? "true" : "false") +
                       R"(,"search_id":"7201388236984"},"error":{"code":"ok","message":"","log_id":"202312"}})");
    }));
    server.Post("/v2/research/video/comment/list/", wrap("tiktok", [this](const httplib::Request& req, httplib::Response& res) {
      Post* found = nullptr;
      for (auto& p : posts) {
        if (p.platform == "tiktok" && req.body.find("\"video_id\":" + p.id + ",") != std::string::npos) found = &p;
      }
      respond(res, R"({"data":{"comments":[)" + (found ? tiktok_comment(*found) : std::string()) +
                       R"(],"cursor":1,"has_more":false},"error":{"code":"ok","message":"","log_id":"l"}})");
    }));
  }
};

ReplayApi::ReplayApi(int posts_per_campaign) : impl_(std::make_unique<Impl>()) {
  const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  for (const std::string platform : {"x", "reddit", "youtube", "instagram", "tiktok"}) {
    for (int campaign = 1; campaign <= 2; ++campaign) {
      for (int i = posts_per_campaign; i >= 1; --i) {
        Post p;
        p.platform = platform;
        p.campaign = campaign;
        p.created_s = now - 600 + i * 10 + campaign;
        p.base_likes = 10 * i + campaign;
        const std::string n = std::to_string(campaign) + std::to_string(i);
        if (platform == "x") p.id = "18600000000000000" + n;
        if (platform == "reddit") p.id = "1h" + n + "zq";
        if (platform == "youtube") p.id = "vid" + n + "Ab-_x";
        if (platform == "instagram") p.id = "179000000000000" + n;
        // TikTok ids: 19 digits, and one of 20 digits, beyond 64 bits.
        if (platform == "tiktok") p.id = (campaign == 2 && i == 1 ? "990000000000000000" : "73000000000000000") + n;
        impl_->posts.push_back(p);
      }
    }
  }
  impl_->routes();
  impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  while (!impl_->server.is_running()) std::this_thread::yield();
}

ReplayApi::~ReplayApi() {
  impl_->server.stop();
  impl_->thread.join();
}

std::string ReplayApi::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

std::map<std::string, std::string> ReplayApi::credentials() const {
  return {{"SMELT_COLLECT_X_BEARER_TOKEN", X_TOKEN},
          {"SMELT_COLLECT_REDDIT_CLIENT_ID", REDDIT_ID},
          {"SMELT_COLLECT_REDDIT_CLIENT_SECRET", REDDIT_SECRET},
          {"SMELT_COLLECT_YOUTUBE_API_KEY", YOUTUBE_KEY},
          {"SMELT_COLLECT_INSTAGRAM_ACCESS_TOKEN", INSTAGRAM_TOKEN},
          {"SMELT_COLLECT_INSTAGRAM_USER_ID", INSTAGRAM_USER},
          {"SMELT_COLLECT_TIKTOK_CLIENT_KEY", TIKTOK_KEY},
          {"SMELT_COLLECT_TIKTOK_CLIENT_SECRET", TIKTOK_SECRET}};
}

void ReplayApi::inject(Fault fault) {
  std::lock_guard lock(impl_->mutex);
  impl_->faults.push_back(std::move(fault));
}

void ReplayApi::expire_tokens() {
  std::lock_guard lock(impl_->mutex);
  impl_->reddit_tokens.clear();
  impl_->tiktok_tokens.clear();
}

void ReplayApi::grow_counters(std::int64_t step) {
  std::lock_guard lock(impl_->mutex);
  impl_->growth = step;
}

void ReplayApi::advance_clock(std::int64_t seconds) {
  std::lock_guard lock(impl_->mutex);
  impl_->clock_offset_s += seconds;
}

int ReplayApi::requests(const std::string& platform) const {
  std::lock_guard lock(impl_->mutex);
  auto found = impl_->hits.find(platform);
  return found == impl_->hits.end() ? 0 : static_cast<int>(found->second.size());
}

int ReplayApi::max_requests_per_minute(const std::string& platform) const {
  std::lock_guard lock(impl_->mutex);
  auto found = impl_->hits.find(platform);
  if (found == impl_->hits.end()) return 0;
  const auto& times = found->second;
  int most = 0;
  std::size_t begin = 0;
  for (std::size_t end = 0; end < times.size(); ++end) {
    while (times[end] - times[begin] >= std::chrono::seconds(60)) ++begin;
    most = std::max(most, static_cast<int>(end - begin + 1));
  }
  return most;
}

std::vector<std::string> ReplayApi::targets(const std::string& platform) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->targets[platform];
}

double ReplayApi::min_gap_ms(const std::string& platform) const {
  std::lock_guard lock(impl_->mutex);
  const auto& times = impl_->hits[platform];
  double least = 1e18;
  for (std::size_t i = 1; i < times.size(); ++i) {
    least = std::min(least, std::chrono::duration<double, std::milli>(times[i] - times[i - 1]).count());
  }
  return least;
}

int ReplayApi::requests_to(const std::string& platform, const std::string& part) const {
  std::lock_guard lock(impl_->mutex);
  int n = 0;
  for (const auto& path : impl_->paths[platform]) n += path.find(part) != std::string::npos;
  return n;
}

int ReplayApi::token_requests(const std::string& platform) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->token_hits[platform];
}

std::vector<ReplayApi::Expected> ReplayApi::expected() const {
  std::lock_guard lock(impl_->mutex);
  std::vector<Expected> out;
  for (const auto& p : impl_->posts) {
    out.push_back({p.platform, p.id, p.campaign, p.last_likes, p.comments_served > 0 ? 1 : 0});
  }
  return out;
}

std::map<std::string, int> ReplayApi::observations() const {
  std::lock_guard lock(impl_->mutex);
  std::map<std::string, int> out;
  for (const auto& p : impl_->posts) out[p.platform + ":" + p.id] = p.observations;
  return out;
}

}  // namespace smelt::testing
