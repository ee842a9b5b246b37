#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "generate/faults.hpp"
#include "generate/platforms.hpp"
#include "generate/random.hpp"
#include "generate/world.hpp"

namespace smelt::generate {

/// The rate the simulated clock follows when the caller gives none: the
/// source plan's 10 M events per hour.
inline constexpr double DEFAULT_EVENTS_PER_SIMULATED_SECOND = 2800.0;

/// What to simulate. The same options give the same messages, byte for byte.
struct GeneratorOptions {
  std::uint64_t seed = 1;     ///< everything random derives from it
  std::int64_t start_ms = 0;  ///< event time of the first message (Unix ms)
  /// How far the simulated clock moves per message (ms of event time).
  double simulated_ms_per_event = 1000.0 / DEFAULT_EVENTS_PER_SIMULATED_SECOND;
  std::size_t users_per_platform = 20'000;  ///< simulated accounts on each platform
  Faults faults;                            ///< fractions of faulty messages
};

/// Which fault, if any, produced a message.
enum class Fault : std::uint8_t { none, duplicate, late, out_of_order, malformed };

/// One message: Kafka key and value, with what it holds.
struct Message {
  std::string key;                ///< `<source>:<post id>` or `<source>:user:<id>`
  std::string value;              ///< the envelope (or its malformed bytes)
  Platform source = Platform::x;  ///< the envelope's source
  Kind kind = Kind::post;         ///< the envelope's kind
  Fault fault = Fault::none;      ///< the fault injected, if any
};

/// Running totals of what the generator produced.
struct GeneratorStats {
  std::uint64_t messages = 0;                                 ///< all messages, faults included
  std::array<std::uint64_t, PLATFORM_COUNT> by_source{};      ///< indexed by Platform
  std::array<std::uint64_t, KIND_COUNT> by_kind{};            ///< indexed by Kind
  std::uint64_t new_posts = 0;                                ///< posts seen for the first time
  std::uint64_t observations = 0;                             ///< post messages in total (first and repeated)
  std::uint64_t duplicates = 0;                               ///< byte-for-byte repeats
  std::uint64_t late = 0;                                     ///< observations from minutes ago
  std::uint64_t out_of_order = 0;                             ///< reversed pairs (each pair is two messages)
  std::array<std::uint64_t, MALFORMATION_COUNT> malformed{};  ///< indexed by Malformation

  /// All malformed messages.
  std::uint64_t malformed_total() const noexcept;
};

/// The simulated event stream. Posts are created, then observed again and
/// again on a schedule that spaces observations out as a post ages (a
/// quarter of its age, 5 s to 30 min); the collector spends up to 70% of the
/// messages on due observations, most overdue first, and the rest on new
/// posts, comments and profiles. Faults are injected at the requested
/// fractions. A fixed number of posts stays tracked (the oldest retire), and
/// the run starts warm: 5,000 posts created before the start, most at the
/// pace new posts keep, a fifth over the six hours before.
class Generator {
 public:
  /// Builds the world and a backlog of posts created in the hours before start.
  explicit Generator(const GeneratorOptions& options);
  ~Generator();
  Generator(const Generator&) = delete;
  Generator& operator=(const Generator&) = delete;

  /// The next message; valid until the following call.
  const Message& next();
  /// Totals so far.
  const GeneratorStats& stats() const noexcept { return stats_; }
  /// The simulated clock (event time of the latest regular message).
  std::int64_t clock_ms() const noexcept { return clock_ms_; }
  /// The world (users, hashtags, campaigns) behind the stream.
  const World& world() const noexcept { return *world_; }

 private:
  struct Due {
    std::int64_t due_ms;
    std::uint64_t serial;
  };

  void preload_posts();
  void advance_clock();
  void emit_regular();
  void emit_unscheduled(double u);
  void emit_new_post();
  void emit_observation();
  void emit_comment();
  void emit_user();
  void emit_late();
  void emit_out_of_order();
  void emit_duplicate();
  void emit_malformed();
  void render_observation(Message& message, const Post& post, std::int64_t observed_ms);
  Post* live_post(std::uint64_t serial) noexcept;
  std::size_t count_older_than(std::int64_t age_ms) const;
  Post& pick_recent_post();
  Post* due_post() noexcept;
  Post& pop_most_overdue();
  void schedule(const Post& post, std::int64_t after_ms);
  void push_due(Due due);
  void retire_oldest();
  void remember(const Message& message);
  void count(const Message& message);

  GeneratorOptions options_;
  Rng rng_;
  std::unique_ptr<World> world_;
  std::deque<Post> posts_;  ///< live posts in serial order
  std::uint64_t first_serial_ = 0;
  std::uint64_t next_serial_ = 0;
  std::uint64_t next_comment_serial_ = 0;
  std::vector<Due> schedule_;  ///< min-heap by due time
  Comment comment_;
  Message current_;
  Message pending_;
  bool has_pending_ = false;
  std::vector<Message> recent_;  ///< ring of recent messages to duplicate
  std::size_t recent_next_ = 0;
  std::uint64_t slot_ = 0;
  std::int64_t clock_ms_ = 0;
  GeneratorStats stats_;
};

}  // namespace smelt::generate
