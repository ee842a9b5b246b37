#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace smelt::testing {

/// A local HTTP server that answers like the five platforms' APIs (X API v2,
/// Reddit, YouTube Data v3, Instagram Graph, TikTok Research) for the
/// collector tests: posts of two campaigns (hashtags alpha1, alpha2) in each
/// API's real shape, small pages so pagination runs over several, and
/// injectable failures. Counts requests per platform.
class ReplayApi {
 public:
  /// A canned response for the next `times` requests whose platform and path match.
  struct Fault {
    std::string platform;
    std::string path_part;  ///< substring of the path; "" = any
    int times = 1;
    int status = 500;
    std::string body;
    std::map<std::string, std::string> headers;
  };

  /// `posts_per_campaign` posts per platform and campaign, created minutes
  /// before now; one comment per post on X, YouTube and TikTok.
  explicit ReplayApi(int posts_per_campaign = 3);
  ~ReplayApi();

  /// http://127.0.0.1:<port>
  std::string url() const;
  /// The credentials it accepts, as the collector's environment.
  std::map<std::string, std::string> credentials() const;

  /// Adds a failure.
  void inject(Fault fault);
  /// Makes the current Reddit and TikTok tokens invalid (401 until a new one is fetched).
  void expire_tokens();
  /// Counters grow by `step` on every observation of a post (0: constant).
  void grow_counters(std::int64_t step);
  /// Adds this many seconds to the Date header (moves observed_at forward).
  void advance_clock(std::int64_t seconds);

  /// Requests answered per platform (faults included).
  int requests(const std::string& platform) const;
  /// The most requests of a platform within any 60-second window.
  int max_requests_per_minute(const std::string& platform) const;
  /// The shortest time between two consecutive requests of a platform (ms).
  double min_gap_ms(const std::string& platform) const;
  /// Every request of a platform as path?params (params in name order).
  std::vector<std::string> targets(const std::string& platform) const;
  /// Requests whose path contains `part`.
  int requests_to(const std::string& platform, const std::string& part) const;
  /// Token requests served.
  int token_requests(const std::string& platform) const;

  /// One post as the test expects it in gold.
  struct Expected {
    std::string platform;
    std::string post_id;
    int campaign = 0;
    std::int64_t likes = 0;  ///< the last value served
    int comments = 0;        ///< 1 when its comment was served (each post has one)
  };
  /// Every post it holds, with the last likes it served.
  std::vector<Expected> expected() const;
  /// How many times each post was observed (any endpoint).
  std::map<std::string, int> observations() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace smelt::testing
