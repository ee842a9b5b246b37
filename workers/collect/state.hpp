#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "collect/platform.hpp"
#include "pg/session.hpp"

// The collector's state in PostgreSQL (migrations V0130/V0131): campaigns,
// advisory locks, cursors, tracked posts, quota, unreadable pages and
// partial errors. One State per thread.
namespace smelt::collect {

/// The decaying re-poll schedule: the next observation after
/// clamp(age x age_fraction, min_interval_s, max_interval_s); none once a
/// post is older than max_age_s.
struct Schedule {
  double min_interval_s = 60;
  double age_fraction = 0.1;
  double max_interval_s = 6 * 3600;
  double max_age_s = 7 * 86400;
};

class State {
 public:
  /// Opens two sessions: one for page transactions, one for accounting that
  /// must survive a rolled-back page (quota, bad pages, partial errors).
  explicit State(const std::string& conninfo);

  /// Campaigns running now.
  std::vector<Campaign> active_campaigns();
  /// Session-level advisory lock for (platform, campaign_id); campaign 0 is the platform's re-polls.
  bool try_lock(const std::string& platform, int campaign_id);
  void unlock(const std::string& platform, int campaign_id);

  /// Where a discovery stream stands.
  struct StreamPosition {
    std::string cursor;            ///< "" when it never moved
    bool walked_recently = false;  ///< followed to its end less than the interval ago, by any collector
  };
  StreamPosition load_cursor(const std::string& platform, int campaign_id, const std::string& stream,
                             double interval_s);
  /// Moves the cursor and starts tracking the page's posts, in one transaction;
  /// `walk_ended`: the page was the stream's last for now.
  void commit_page(const std::string& platform, int campaign_id, const std::string& stream, const std::string& cursor,
                   bool walk_ended, const std::vector<Discovered>& discovered, const Schedule& schedule);

  /// Opens a transaction and locks up to `limit` due posts of a platform.
  std::vector<std::string> begin_repoll(const std::string& platform, std::size_t limit);
  /// Reschedules re-polled posts and commits.
  void finish_repoll(const std::string& platform, const std::vector<std::string>& ids, const Schedule& schedule);
  /// Rolls back an open re-poll.
  void abort_repoll() noexcept;

  /// Counts a request and its quota units.
  void add_quota(const std::string& platform, int units);
  /// Units spent on the current quota day.
  std::int64_t quota_used(const std::string& platform);
  /// Keeps an unreadable response.
  void record_bad_page(const std::string& platform, int campaign_id, const BadPage& page);
  /// Keeps an error reported inside a successful response.
  void record_partial_error(const std::string& platform, int campaign_id, const std::string& request,
                            std::string_view detail_json);

 private:
  pg::Session work_;
  pg::Session log_;
};

/// A PostgreSQL text[] literal of the values.
std::string text_array(const std::vector<std::string>& values);

}  // namespace smelt::collect
