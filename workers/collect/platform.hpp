#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "collect/http.hpp"

// What every platform client provides to the collector, and the types they share.
namespace smelt::collect {

/// A running campaign, as smelt.campaigns holds it.
struct Campaign {
  int id = 0;
  std::string name;
  std::vector<std::string> hashtags;  ///< without '#'
  std::vector<std::string> keywords;
  std::int64_t starts_at_us = 0;
};

/// One entity to send: the envelope's source and kind, the Kafka key and the
/// API's own object (exact bytes), plus X's expansions.
struct Entity {
  std::string kind;      ///< post, comment or user
  std::string key;       ///< <source>:<post id> (comments: of their post)
  std::string payload;   ///< the object as the API sent it
  std::string includes;  ///< "" or a JSON object (X: {"users":[...],"places":[...]})
};

/// A post to keep re-polling.
struct Discovered {
  std::string post_id;
  std::int64_t created_us = 0;
};

/// What one page (one API response, plus the calls needed to complete its
/// entities) gives.
struct PageResult {
  std::vector<Entity> entities;
  std::vector<Discovered> discovered;
  std::string cursor;                        ///< the stream's position after this page (JSON object)
  bool more = false;                         ///< another page follows at once
  std::string observed_at;                   ///< RFC 3339: the response's Date, else the local clock
};

/// The API refused the credentials (401/403 after any token refresh): the
/// platform stops, the others go on.
class CredentialsRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The platform's quota or rate limit blocks it for longer than the run may wait.
class QuotaExhausted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Retries ran out (5xx, timeouts): the stream is left where it is until the next cycle.
class GaveUp : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A response that could not be read; the collector stores it and retries.
struct BadPage : public std::runtime_error {
  BadPage(const std::string& reason, std::string req, long http_status, std::string bytes)
      : std::runtime_error(reason), request(std::move(req)), status(http_status), body(std::move(bytes)) {}
  std::string request;
  long status;
  std::string body;
};

/// Where a platform's calls go; implemented by the collector (rate limits,
/// retries, credentials, quota accounting, partial errors).
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  /// Sends `request` (spending `units` of quota) and returns a 2xx response.
  /// Throws CredentialsRefused, QuotaExhausted or GaveUp.
  virtual Response fetch(Request request, int units) = 0;
  /// Records an error reported inside a successful response.
  virtual void partial_error(const Request& request, std::string_view detail_json) = 0;
};

/// Credentials and settings of one platform, resolved from the environment
/// or the config file (never from the command line).
struct PlatformSettings {
  std::string base_url;
  std::string auth_url;        ///< Reddit's token host
  std::string secret;          ///< bearer token, API key, access token or client secret
  std::string client_id;       ///< Reddit client id, TikTok client key, Instagram user id
  std::vector<std::string> subreddits;  ///< Reddit: also poll /r/{sub}/new
  int max_days = 30;           ///< TikTok: query window
};

/// One platform's API client.
class Platform {
 public:
  virtual ~Platform() = default;
  /// "x", "reddit", "youtube", "instagram" or "tiktok".
  virtual std::string_view name() const = 0;
  /// True when its credentials are set.
  virtual bool configured() const = 0;
  /// Adds credentials to a request (bearer header, key parameter...).
  virtual void authorize(HttpClient& http, Request& request) = 0;
  /// Gets a fresh token after a 401 when the platform issues tokens; false
  /// when there is nothing to refresh (the credentials themselves are bad).
  virtual bool refresh_credentials(HttpClient& http) = 0;
  /// Seconds to wait before the next call, read from rate-limit headers
  /// (remaining 0 until reset, Retry-After, usage percentages); 0 = none.
  virtual double wait_hint_s(const Response& response, double now_s) const = 0;
  /// True when the response refuses the credentials (the platform stops).
  virtual bool credentials_refused(const Response& response) const {
    return response.status == 401 || response.status == 403;
  }
  /// True when the response says the daily quota is spent (YouTube quotaExceeded).
  virtual bool quota_exceeded(const Response& response) const { (void)response; return false; }
  /// Names of the discovery streams of a campaign (each has its own cursor).
  virtual std::vector<std::string> streams(const Campaign& campaign) const = 0;
  /// Fetches the page after `cursor` ("" = start) of a stream.
  virtual PageResult discover(Fetcher& fetcher, const Campaign& campaign, const std::string& stream,
                              const std::string& cursor) = 0;
  /// How many ids one re-poll call takes.
  virtual std::size_t repoll_batch() const = 0;
  /// Observes the counters of known posts again.
  virtual PageResult repoll(Fetcher& fetcher, const std::vector<std::string>& ids) = 0;
};

/// The client of a platform by name; nullptr for an unknown name.
std::unique_ptr<Platform> make_platform(std::string_view name, PlatformSettings settings);

/// The five platforms' names.
const std::vector<std::string>& platform_names();

/// Builds the envelope smelt's decoders read.
std::string envelope(std::string_view source, const Entity& entity, std::string_view observed_at);

/// A campaign's hashtags and keywords as one search string: `#a OR #b OR "k w"`.
std::string query_terms(const Campaign& campaign, std::string_view hashtag_prefix, std::string_view separator);

}  // namespace smelt::collect
