#include "generate/generator.hpp"

#include <algorithm>
#include <cmath>

namespace smelt::generate {
namespace {

// Mix of regular messages.
constexpr double NEW_POST_SHARE = 0.05;
constexpr double OBSERVATION_SHARE = 0.70;
constexpr double COMMENT_SHARE = 0.17;  // the rest are profile observations

// How many posts stay tracked; the oldest retire first.
constexpr std::size_t LIVE_POSTS_MAX = 50'000;
// Posts already tracked when the run starts (a warm start: as if the stream
// had been running), created at the pace new posts will keep.
constexpr std::size_t PRELOADED_POSTS = 5'000;
// A fifth of them are older, from the last six hours (bigger counters, room for late observations).
constexpr double PRELOADED_OLD_SHARE = 0.2;
constexpr double PRELOADED_OLD_WINDOW_MS = 6.0 * 3600 * 1000;

// Re-observation schedule: a quarter of the post's age, within bounds.
constexpr double INTERVAL_AGE_FRACTION = 0.25;
constexpr double INTERVAL_MIN_MS = 5'000;
constexpr double INTERVAL_MAX_MS = 30.0 * 60 * 1000;

constexpr double COLLECTOR_DELAY_MAX_MS = 20'000;  // a new post is first seen this soon after creation
constexpr double COMMENT_AGE_MAX_MS = 60'000;
constexpr std::int64_t LATE_MIN_MS = 2 * 60 * 1000;
constexpr std::int64_t LATE_MAX_MS = 30 * 60 * 1000;
constexpr std::int64_t REORDER_GAP_MIN_MS = 1'000;
constexpr std::int64_t REORDER_GAP_MAX_MS = 60'000;
constexpr std::size_t RECENT_RING_SIZE = 64;

bool later(const auto& a, const auto& b) noexcept {
  return a.due_ms != b.due_ms ? a.due_ms > b.due_ms : a.serial > b.serial;
}

}  // namespace

std::uint64_t GeneratorStats::malformed_total() const noexcept {
  std::uint64_t total = 0;
  for (std::uint64_t value : malformed) total += value;
  return total;
}

Generator::Generator(const GeneratorOptions& options)
    : options_(options),
      rng_(mix64(options.seed ^ 0x67656e65726174ULL)),
      world_(std::make_unique<World>(options.seed, options.start_ms, options.users_per_platform)),
      clock_ms_(options.start_ms) {
  preload_posts();
}

Generator::~Generator() = default;

void Generator::preload_posts() {
  const double window_ms =
      static_cast<double>(PRELOADED_POSTS) * options_.simulated_ms_per_event / NEW_POST_SHARE;
  std::vector<std::int64_t> created(PRELOADED_POSTS);
  for (auto& time : created) {
    const double window = rng_.chance(PRELOADED_OLD_SHARE) ? PRELOADED_OLD_WINDOW_MS : window_ms;
    time = options_.start_ms - 1 - static_cast<std::int64_t>(rng_.uniform() * window);
  }
  std::sort(created.begin(), created.end());
  for (std::int64_t time : created) {
    Post& post = posts_.emplace_back();
    world_->make_post(rng_, world_->draw_platform(rng_), time, next_serial_++, post);
    const double age = static_cast<double>(options_.start_ms - time);
    const double interval = std::clamp(age * INTERVAL_AGE_FRACTION, INTERVAL_MIN_MS, INTERVAL_MAX_MS);
    push_due({options_.start_ms + static_cast<std::int64_t>(rng_.uniform() * interval), post.serial});
  }
}

const Message& Generator::next() {
  if (has_pending_) {
    has_pending_ = false;
    std::swap(current_, pending_);
    count(current_);
    return current_;
  }
  advance_clock();
  const Faults& f = options_.faults;
  const double u = rng_.uniform();
  if (u < f.duplicates) {
    recent_.empty() ? emit_regular() : emit_duplicate();
  } else if (u < f.duplicates + f.late) {
    emit_late();
  } else if (u < f.duplicates + f.late + f.out_of_order) {
    emit_out_of_order();
  } else if (u < f.duplicates + f.late + f.out_of_order + f.malformed) {
    emit_malformed();
  } else {
    emit_regular();
  }
  if (current_.fault == Fault::none) remember(current_);
  count(current_);
  return current_;
}

void Generator::advance_clock() {
  clock_ms_ = options_.start_ms +
              static_cast<std::int64_t>(static_cast<double>(slot_) * options_.simulated_ms_per_event);
  ++slot_;
}

void Generator::emit_regular() {
  current_.fault = Fault::none;
  const double u = rng_.uniform();
  if (u >= NEW_POST_SHARE && u < NEW_POST_SHARE + OBSERVATION_SHARE) {
    // The collector's polling budget: used when a post is due, otherwise spent on new content.
    if (due_post() != nullptr) {
      emit_observation();
      return;
    }
    emit_unscheduled(rng_.uniform() * (1.0 - OBSERVATION_SHARE));
    return;
  }
  emit_unscheduled(u < NEW_POST_SHARE ? u : u - OBSERVATION_SHARE);
}

void Generator::emit_unscheduled(double u) {
  if (u < NEW_POST_SHARE) {
    emit_new_post();
  } else if (u < NEW_POST_SHARE + COMMENT_SHARE) {
    emit_comment();
  } else {
    emit_user();
  }
}

void Generator::emit_new_post() {
  const auto created = clock_ms_ - static_cast<std::int64_t>(rng_.uniform() * COLLECTOR_DELAY_MAX_MS);
  Post& post = posts_.emplace_back();
  world_->make_post(rng_, world_->draw_platform(rng_), created, next_serial_++, post);
  schedule(post, clock_ms_);
  ++stats_.new_posts;
  render_observation(current_, post, clock_ms_);
  retire_oldest();
}

void Generator::emit_observation() {
  Post& post = pop_most_overdue();
  schedule(post, clock_ms_);
  render_observation(current_, post, clock_ms_);
}

void Generator::emit_comment() {
  Post& post = pick_recent_post();
  const std::int64_t earliest = std::min(clock_ms_, post.created_ms + 1'000);
  const auto written =
      std::max(earliest, clock_ms_ - static_cast<std::int64_t>(rng_.uniform() * COMMENT_AGE_MAX_MS));
  world_->make_comment(rng_, post, written, next_comment_serial_++, comment_);
  render_comment(current_.value, Scene{*world_, rng_, clock_ms_}, comment_);
  post_key(current_.key, post);
  current_.source = post.platform;
  current_.kind = Kind::comment;
}

void Generator::emit_user() {
  const Platform platform = world_->draw_platform(rng_);
  const std::uint32_t index = world_->draw_active_user(rng_, platform);
  render_user(current_.value, Scene{*world_, rng_, clock_ms_}, platform, index);
  user_key(current_.key, *world_, platform, index);
  current_.source = platform;
  current_.kind = Kind::user;
}

void Generator::emit_late() {
  Post& post = posts_[rng_.below(std::max<std::size_t>(count_older_than(LATE_MIN_MS), 1))];
  const std::int64_t age = clock_ms_ - post.created_ms;
  std::int64_t lag = age / 2;
  if (age >= LATE_MIN_MS) {
    const auto spread = static_cast<std::uint64_t>(std::min(age, LATE_MAX_MS) - LATE_MIN_MS);
    lag = LATE_MIN_MS + static_cast<std::int64_t>(rng_.below(spread + 1));
  }
  render_observation(current_, post, clock_ms_ - lag);
  current_.fault = Fault::late;
  ++stats_.late;
}

std::size_t Generator::count_older_than(std::int64_t age_ms) const {
  // Posts are in creation order up to the collector delay, so everything
  // before the boundary found with that much slack is at least `age_ms` old.
  const std::int64_t created_before = clock_ms_ - age_ms - static_cast<std::int64_t>(COLLECTOR_DELAY_MAX_MS);
  auto boundary = std::partition_point(posts_.begin(), posts_.end(), [created_before](const Post& p) {
    return p.created_ms <= created_before;
  });
  return static_cast<std::size_t>(boundary - posts_.begin());
}

void Generator::emit_out_of_order() {
  Post& post = pop_most_overdue();
  schedule(post, clock_ms_);
  const std::int64_t age = clock_ms_ - post.created_ms;
  const auto spread = static_cast<std::uint64_t>(REORDER_GAP_MAX_MS - REORDER_GAP_MIN_MS);
  const std::int64_t gap = std::max<std::int64_t>(
      1, std::min<std::int64_t>(REORDER_GAP_MIN_MS + static_cast<std::int64_t>(rng_.below(spread)), age / 2));
  render_observation(current_, post, clock_ms_);
  render_observation(pending_, post, clock_ms_ - gap);
  current_.fault = Fault::out_of_order;
  pending_.fault = Fault::out_of_order;
  has_pending_ = true;
  ++stats_.out_of_order;
}

void Generator::emit_duplicate() {
  current_ = recent_[rng_.below(recent_.size())];
  current_.fault = Fault::duplicate;
  ++stats_.duplicates;
}

void Generator::emit_malformed() {
  emit_regular();
  const auto kind = static_cast<Malformation>(rng_.below(MALFORMATION_COUNT));
  malform(current_.value, kind, rng_);
  current_.fault = Fault::malformed;
  ++stats_.malformed[static_cast<std::size_t>(kind)];
}

void Generator::render_observation(Message& message, const Post& post, std::int64_t observed_ms) {
  render_post(message.value, Scene{*world_, rng_, observed_ms}, post);
  post_key(message.key, post);
  message.source = post.platform;
  message.kind = Kind::post;
  message.fault = Fault::none;
  ++stats_.observations;
}

Post* Generator::live_post(std::uint64_t serial) noexcept {
  if (serial < first_serial_ || serial >= next_serial_) return nullptr;
  return &posts_[static_cast<std::size_t>(serial - first_serial_)];
}

Post& Generator::pick_recent_post() {
  const double u = rng_.uniform();
  const auto offset = static_cast<std::size_t>(static_cast<double>(posts_.size()) * u * u * u);
  return posts_[posts_.size() - 1 - std::min(offset, posts_.size() - 1)];
}

Post* Generator::due_post() noexcept {
  while (!schedule_.empty() && live_post(schedule_.front().serial) == nullptr) {
    std::pop_heap(schedule_.begin(), schedule_.end(), later<Due, Due>);
    schedule_.pop_back();
  }
  if (schedule_.empty() || schedule_.front().due_ms > clock_ms_) return nullptr;
  return live_post(schedule_.front().serial);
}

Post& Generator::pop_most_overdue() {
  while (!schedule_.empty()) {
    std::pop_heap(schedule_.begin(), schedule_.end(), later<Due, Due>);
    const Due top = schedule_.back();
    schedule_.pop_back();
    if (Post* post = live_post(top.serial)) return *post;
  }
  return posts_.back();
}

void Generator::schedule(const Post& post, std::int64_t after_ms) {
  const double age = static_cast<double>(std::max<std::int64_t>(after_ms - post.created_ms, 0));
  const double interval = std::clamp(age * INTERVAL_AGE_FRACTION, INTERVAL_MIN_MS, INTERVAL_MAX_MS);
  push_due({after_ms + static_cast<std::int64_t>(interval * rng_.uniform(0.75, 1.25)), post.serial});
}

void Generator::push_due(Due due) {
  schedule_.push_back(due);
  std::push_heap(schedule_.begin(), schedule_.end(), later<Due, Due>);
}

void Generator::retire_oldest() {
  while (posts_.size() > LIVE_POSTS_MAX) {
    posts_.pop_front();
    ++first_serial_;
  }
}

void Generator::remember(const Message& message) {
  if (options_.faults.duplicates <= 0) return;
  if (recent_.size() < RECENT_RING_SIZE) {
    recent_.push_back(message);
    return;
  }
  recent_[recent_next_] = message;
  recent_next_ = (recent_next_ + 1) % RECENT_RING_SIZE;
}

void Generator::count(const Message& message) {
  ++stats_.messages;
  ++stats_.by_source[static_cast<std::size_t>(message.source)];
  ++stats_.by_kind[static_cast<std::size_t>(message.kind)];
}

}  // namespace smelt::generate
