#include "ingest/worker.hpp"

#include <unistd.h>

#include <chrono>
#include <cstring>
#include <exception>
#include <set>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "ingest/batch.hpp"
#include "ingest/bronze_writer.hpp"
#include "ingest/log_identity.hpp"
#include "ingest/write_pipeline.hpp"
#include "metrics/endpoint.hpp"
#include "metrics/registry.hpp"
#include "pg/retry.hpp"

namespace smelt::ingest {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int POLL_TIMEOUT_MS = 50;
constexpr int WATERMARK_TIMEOUT_MS = 5000;
constexpr int SEEK_TIMEOUT_MS = 5000;
constexpr auto PARTITION_MAINTENANCE_INTERVAL = std::chrono::hours(1);
constexpr double UNASSIGNED_IDLE_EXIT_S = 30;
constexpr auto LAG_METRICS_INTERVAL = std::chrono::seconds(1);
constexpr int QUEUED_KBYTES = 16 << 10;  // librdkafka prefetch queue cap (its default: 64 MiB)
constexpr int LOG_CHECK_TIMEOUT_MS = 10000;
constexpr auto KAFKA_PROBE_INTERVAL = std::chrono::seconds(1);
constexpr int KAFKA_PROBE_TIMEOUT_MS = 1000;
constexpr auto STILL_WAITING_INTERVAL = std::chrono::seconds(30);

/// Client errors that mean no broker can be used: the clock of --kafka-timeout starts.
bool is_kafka_outage(int err) {
  switch (err) {
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR__RESOLVE:
    case RD_KAFKA_RESP_ERR__SSL:
      return true;
    default:
      return false;
  }
}

/// The broker's offset of `partition` for `which`: RD_KAFKA_OFFSET_BEGINNING
/// (the log's first offset) or RD_KAFKA_OFFSET_END (the next one), one
/// ListOffsets request, its answer matched to the partition asked for.
/// (rd_kafka_query_watermark_offsets pairs its two answers by order of
/// arrival and reads a failed one's -1 as an empty log: under ListOffsets
/// errors it returned the end offset as the first, skipping the whole log.)
rd_kafka_resp_err_t list_offset(rd_kafka_t* consumer, const std::string& topic, std::int32_t partition,
                                std::int64_t which, std::int64_t& offset) {
  kafka::PartitionListPtr list(rd_kafka_topic_partition_list_new(1));
  rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), partition)->offset = which;
  if (auto err = rd_kafka_offsets_for_times(consumer, list.get(), WATERMARK_TIMEOUT_MS)) return err;
  if (list->elems[0].err) return list->elems[0].err;
  if (list->elems[0].offset < 0) return RD_KAFKA_RESP_ERR__FAIL;
  offset = list->elems[0].offset;
  return RD_KAFKA_RESP_ERR_NO_ERROR;
}

/// "holds offsets 0 to 41" or "is empty (next offset 0)".
std::string describe_log(std::int64_t low, std::int64_t high) {
  if (high <= low) return "is empty (next offset " + std::to_string(high) + ")";
  return "holds offsets " + std::to_string(low) + " to " + std::to_string(high - 1);
}

/// Declares the metrics `smelt ingest` exposes on /metrics.
void declare_metrics(metrics::Registry& registry) {
  registry.counter("smelt_ingest_messages_total", "Messages loaded into bronze.events");
  registry.counter("smelt_ingest_bytes_total", "Bytes of COPY data written to bronze (events and rejects)");
  registry.counter("smelt_ingest_rejects_total", "Messages written to bronze.rejects, by reason");
  registry.counter("smelt_ingest_batches_total", "Ingest transactions committed");
  registry.histogram("smelt_ingest_batch_duration_seconds", "Time to write and commit one batch",
                     {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
  registry.gauge("smelt_ingest_consumer_lag_messages",
                 "Messages in the partition after the last one this worker committed, per assigned partition");
  registry.gauge("smelt_ingest_consumer_lag_seconds",
                 "Seconds since the Kafka timestamp of the last message committed, while messages wait "
                 "(an upper bound of the oldest waiting message's age); 0 when caught up");
  registry.gauge("smelt_ingest_assigned_partitions", "Partitions assigned to this worker");
}

std::int64_t epoch_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string worker_name() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + "/" + std::to_string(getpid());
}

class Worker {
 public:
  explicit Worker(const IngestOptions& options);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  IngestStats run();

 private:
  static void on_rebalance(rd_kafka_t* handle, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions,
                           void* opaque);
  static void on_error(rd_kafka_t* handle, int err, const char* reason, void* opaque);
  static void on_log(const rd_kafka_t* handle, int level, const char* facility, const char* message);
  void rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions);
  void assign(rd_kafka_topic_partition_list_t* partitions);
  void revoke(rd_kafka_topic_partition_list_t* partitions);
  std::int64_t start_offset(std::int32_t partition);
  std::pair<std::int64_t, std::int64_t> watermarks(std::int32_t partition);
  std::map<std::int32_t, std::int64_t> position(const std::set<std::int32_t>& partitions);
  void check_logs(const std::map<std::int32_t, StoredOffset>& stored);
  void handle(const rd_kafka_message_t* message);
  [[noreturn]] void offset_gone(const rd_kafka_message_t* message);
  void flush();
  void drain();
  void start_write();
  void finish_write();
  void collect_write();
  bool try_write();
  bool is_transient(const Error& error) const;
  void database_unavailable(const Error& error);
  void retry_database();
  void set_paused(bool paused);
  void kafka_unavailable(const std::string& reason);
  void check_kafka();
  void resync();
  void seek_failed(const std::string& reason);
  void retry_seek();
  void maybe_log_progress();
  void check_stored_offsets();
  void maintain_partitions();
  bool idle_long_enough() const;
  bool cooperative() const;
  void record_batch(const Batch& batch, const std::map<std::int32_t, Fingerprint>& last, double duration_s);
  void update_lag_metrics();

  const IngestOptions& options_;
  metrics::Registry metrics_;
  std::unique_ptr<metrics::Endpoint> endpoint_;
  std::map<std::int32_t, std::int64_t> committed_timestamp_ms_;  // ... of the last message committed
  Clock::time_point last_lag_metrics_ = Clock::now();
  std::string run_id_ = log::new_run_id();
  kafka::HandlePtr consumer_;
  BronzeWriter writer_;
  EnvelopeReader reader_;
  Batch batch_;
  std::map<std::int32_t, std::int64_t> next_offset_;  // assigned partitions -> stored next offset
  std::set<std::int32_t> waiting_;                    // assigned while PostgreSQL was away: not positioned yet
  std::map<std::int32_t, Fingerprint> batch_last_;    // partition -> fingerprint of its last message in batch_
  // The batch being written while batch_ is read; next_offset_ already counts it as stored.
  WritePipeline pipeline_{writer_};
  // PostgreSQL unavailable (connection lost, disk full): partitions paused, batch_ kept, retried with back-off.
  bool db_down_ = false;
  bool disk_full_ = false;
  int db_attempts_ = 0;
  Clock::time_point db_down_since_;
  Clock::time_point next_db_attempt_;
  Clock::time_point last_db_warning_;
  // No broker reachable (or authentication refused) since kafka_down_since_.
  bool kafka_down_ = false;
  std::string kafka_reason_;
  Clock::time_point kafka_down_since_;
  Clock::time_point next_kafka_probe_;
  Clock::time_point last_kafka_warning_;
  // A seek to the stored offsets failed (timed out): partitions paused, retried from the loop.
  bool seek_due_ = false;
  int seek_attempts_ = 0;
  Clock::time_point seek_failing_since_;
  Clock::time_point next_seek_attempt_;
  std::exception_ptr callback_error_;
  IngestStats stats_;
  Clock::time_point started_ = Clock::now();
  Clock::time_point batch_started_ = Clock::now();
  Clock::time_point last_message_ = Clock::now();
  Clock::time_point last_progress_ = Clock::now();
  Clock::time_point last_maintenance_ = Clock::now();
  std::int64_t events_at_last_progress_ = 0;
  bool assigned_once_ = false;
};

Worker::Worker(const IngestOptions& options)
    : options_(options),
      writer_(options.conninfo, options.group, options.kafka.topic, worker_name()),
      reader_(static_cast<size_t>(options.max_message_bytes)) {
  pg::keep_trying(options.db_retry_s, "connecting", [this] {
    writer_.reconnect();
    writer_.ensure_partitions();
  });
  declare_metrics(metrics_);
  if (options.metrics.port > 0) {
    endpoint_ = std::make_unique<metrics::Endpoint>(options.metrics.address, options.metrics.port, metrics_);
  }
  auto conf = kafka::make_conf(
      options.kafka, {{"group.id", options.group},
                      {"enable.auto.commit", "false"},
                      {"enable.auto.offset.store", "false"},
                      {"auto.offset.reset", "error"},
                      {"session.timeout.ms", "10000"},
                      {"heartbeat.interval.ms", "1000"},
                      {"fetch.wait.max.ms", "100"},
                      // Bytes in flight stay bounded while draining a backlog: one fetch
                      // response and the prefetch queue, each a few MiB, beside the batch.
                      {"fetch.max.bytes", std::to_string(std::max<std::int64_t>(options.max_message_bytes * 2, 8LL << 20))},
                      {"queued.max.messages.kbytes", std::to_string(QUEUED_KBYTES)},
                      {"receive.message.max.bytes", std::to_string(std::max<std::int64_t>(options.max_message_bytes * 4, 128LL << 20))},
                      {"client.id", "smelt-ingest"}});
  rd_kafka_conf_set_opaque(conf.get(), this);
  rd_kafka_conf_set_rebalance_cb(conf.get(), &Worker::on_rebalance);
  rd_kafka_conf_set_error_cb(conf.get(), &Worker::on_error);
  rd_kafka_conf_set_log_cb(conf.get(), &Worker::on_log);
  char error[512];
  consumer_.reset(rd_kafka_new(RD_KAFKA_CONSUMER, conf.release(), error, sizeof error));
  if (!consumer_) throw Error(ExitCode::kafka, std::string("cannot create the Kafka consumer: ") + error);
  rd_kafka_poll_set_consumer(consumer_.get());
  kafka::PartitionListPtr topics(rd_kafka_topic_partition_list_new(1));
  rd_kafka_topic_partition_list_add(topics.get(), options.kafka.topic.c_str(), RD_KAFKA_PARTITION_UA);
  if (auto err = rd_kafka_subscribe(consumer_.get(), topics.get()); err) {
    throw Error(ExitCode::kafka, std::string("cannot subscribe to ") + options.kafka.topic + ": " + rd_kafka_err2str(err));
  }
}

Worker::~Worker() {
  if (consumer_) rd_kafka_consumer_close(consumer_.get());
}

bool Worker::cooperative() const {
  return std::strcmp(rd_kafka_rebalance_protocol(consumer_.get()), "COOPERATIVE") == 0;
}

void Worker::on_rebalance(rd_kafka_t*, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions,
                          void* opaque) {
  auto* self = static_cast<Worker*>(opaque);
  try {
    self->rebalance(err, partitions);
  } catch (...) {
    // Exceptions must not cross librdkafka's C frames; run() rethrows it.
    if (!self->callback_error_) self->callback_error_ = std::current_exception();
    rd_kafka_assign(self->consumer_.get(), nullptr);
  }
}

void Worker::on_error(rd_kafka_t*, int err, const char* reason, void* opaque) {
  // Most consumer errors are informational: the client reconnects by itself.
  const std::string name = rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(err));
  log::warn("kafka", {{"error", name}, {"detail", reason}});
  if (is_kafka_outage(err)) static_cast<Worker*>(opaque)->kafka_unavailable(name + ": " + reason);
}

void Worker::on_log(const rd_kafka_t*, int level, const char* facility, const char* message) {
  // Errors also reach on_error; keep the client's own log lines for --log-level debug.
  if (level <= 6) log::debug("librdkafka", {{"facility", facility}, {"detail", message}});
}

void Worker::rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions) {
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    assign(partitions);
  } else {
    revoke(partitions);
  }
}

std::int64_t Worker::start_offset(std::int32_t partition) {
  const auto [low, high] = watermarks(partition);
  return options_.start_from == "latest" ? high : low;
}

// The broker's first and next offset of `partition`. A lookup that fails (the
// request timed out, the leader moved) is tried again until --kafka-timeout.
std::pair<std::int64_t, std::int64_t> Worker::watermarks(std::int32_t partition) {
  const auto started = Clock::now();
  for (int attempt = 1;; ++attempt) {
    std::int64_t low = 0;
    std::int64_t high = 0;
    auto err = list_offset(consumer_.get(), options_.kafka.topic, partition, RD_KAFKA_OFFSET_BEGINNING, low);
    if (!err) err = list_offset(consumer_.get(), options_.kafka.topic, partition, RD_KAFKA_OFFSET_END, high);
    if (!err && low > high) err = RD_KAFKA_RESP_ERR__FAIL;
    if (!err) return {low, high};
    const std::string what = "cannot read offsets of partition " + std::to_string(partition) + ": " + rd_kafka_err2str(err);
    if (pg::retry_expired(options_.kafka_timeout_s, seconds_since(started))) {
      throw Error(ExitCode::kafka, what + " (for " + std::to_string(static_cast<int>(seconds_since(started))) +
                                       " s, --kafka-timeout " +
                                       std::to_string(static_cast<int>(options_.kafka_timeout_s)) + ")");
    }
    if (signals::stop_requested()) throw Error(ExitCode::interrupted, "stopped while " + what);
    log::warn("Kafka offset lookup failed; retrying",
              {{"run_id", run_id_}, {"error", rd_kafka_err2name(err)}, {"detail", what}, {"attempt", attempt}});
    std::this_thread::sleep_for(pg::retry_delay(attempt));
  }
}

// Stored next offsets of `partitions` (initialised for partitions never read),
// after checking that the broker's logs are the ones they were read from.
std::map<std::int32_t, std::int64_t> Worker::position(const std::set<std::int32_t>& partitions) {
  auto stored = writer_.load_offsets();
  bool initialised = false;
  for (auto partition : partitions) {
    if (stored.contains(partition)) continue;
    writer_.init_offset(partition, start_offset(partition));
    initialised = true;
  }
  if (initialised) stored = writer_.load_offsets();
  std::map<std::int32_t, StoredOffset> ours;
  for (auto partition : partitions) ours[partition] = stored.at(partition);
  check_logs(ours);
  std::map<std::int32_t, std::int64_t> next;
  for (const auto& [partition, offset] : ours) next[partition] = offset.next;
  return next;
}

// Exit 6, naming every partition, when a stored offset is not in the broker's
// log or the message before it is not the one stored (a re-created topic).
void Worker::check_logs(const std::map<std::int32_t, StoredOffset>& stored) {
  std::vector<std::string> problems;
  std::map<std::int32_t, std::int64_t> to_read;
  for (const auto& [partition, offset] : stored) {
    const auto [low, high] = watermarks(partition);
    const std::string where = "partition " + std::to_string(partition) + ": stored next offset " +
                              std::to_string(offset.next) + ", but the broker's log " + describe_log(low, high);
    if (offset.next > high || offset.next < low) {
      problems.push_back(where);
    } else if (offset.last && offset.next > low) {
      to_read[partition] = offset.next - 1;
    }
  }
  for (const auto& [partition, found] : read_fingerprints(options_.kafka, to_read, LOG_CHECK_TIMEOUT_MS)) {
    if (found && *found == *stored.at(partition).last) continue;
    problems.push_back("partition " + std::to_string(partition) + ": the message at offset " +
                       std::to_string(to_read.at(partition)) +
                       " is not the last one stored (different timestamp or content): another log");
  }
  if (problems.empty()) return;
  std::string list;
  for (const auto& problem : problems) list += (list.empty() ? "" : "; ") + problem;
  throw Error(ExitCode::data_loss,
              "the broker's log of " + options_.kafka.topic + " is not the one smelt.ingest_offsets (group " +
                  options_.group + ") was read from: " + list +
                  "; refusing to skip: the events were deleted by retention or the topic was re-created. To "
                  "accept the loss, update or delete these partitions' rows of smelt.ingest_offsets and restart.");
}

void Worker::assign(rd_kafka_topic_partition_list_t* partitions) {
  std::set<std::int32_t> assigned;
  for (int i = 0; i < partitions->cnt; ++i) assigned.insert(partitions->elems[i].partition);
  std::map<std::int32_t, std::int64_t> next;
  finish_write();  // the connection is needed below
  if (!db_down_) {
    try {
      next = position(assigned);
    } catch (const Error& e) {
      if (!is_transient(e)) throw;
      database_unavailable(e);
    }
  }
  std::string list;
  for (int i = 0; i < partitions->cnt; ++i) {
    auto& element = partitions->elems[i];
    if (db_down_) {
      element.offset = RD_KAFKA_OFFSET_END;  // paused below; positioned once PostgreSQL is back
      waiting_.insert(element.partition);
    } else {
      element.offset = next.at(element.partition);
      next_offset_[element.partition] = element.offset;
    }
    list += (list.empty() ? "" : ",") + std::to_string(element.partition) + "@" +
            (db_down_ ? std::string("waiting") : std::to_string(element.offset));
  }
  log::info("partitions assigned", {{"run_id", run_id_}, {"partitions", list}});
  last_message_ = Clock::now();  // the idle clock starts once there is something to read
  assigned_once_ = true;
  if (cooperative()) {
    if (auto* error = rd_kafka_incremental_assign(consumer_.get(), partitions)) rd_kafka_error_destroy(error);
  } else {
    rd_kafka_assign(consumer_.get(), partitions);
  }
  // librdkafka keeps a partition's pause across revocation and reassignment:
  // one paused during an outage and revoked would come back paused.
  if (db_down_ || seek_due_) {
    rd_kafka_pause_partitions(consumer_.get(), partitions);
  } else {
    rd_kafka_resume_partitions(consumer_.get(), partitions);
  }
}

void Worker::revoke(rd_kafka_topic_partition_list_t* partitions) {
  // Finish what we hold for these partitions while we still own them; with
  // PostgreSQL away, drop it: its offsets were not stored, the new owner reads it.
  if (!db_down_) drain();
  if (db_down_) {
    batch_.clear();
    batch_last_.clear();
  }
  std::string list;
  for (int i = 0; i < partitions->cnt; ++i) {
    next_offset_.erase(partitions->elems[i].partition);
    waiting_.erase(partitions->elems[i].partition);
    list += (list.empty() ? "" : ",") + std::to_string(partitions->elems[i].partition);
  }
  log::info("partitions revoked", {{"run_id", run_id_}, {"partitions", list}});
  // With nothing left (an eager rebalance is under way), --idle-exit waits as
  // for a worker that never had partitions.
  if (next_offset_.empty()) assigned_once_ = false;
  if (cooperative()) {
    if (auto* error = rd_kafka_incremental_unassign(consumer_.get(), partitions)) rd_kafka_error_destroy(error);
  } else {
    rd_kafka_assign(consumer_.get(), nullptr);
  }
}

void Worker::offset_gone(const rd_kafka_message_t* message) {
  // Name every assigned partition whose log is gone, not just this one.
  try {
    finish_write();
    auto stored = writer_.load_offsets();
    std::map<std::int32_t, StoredOffset> ours;
    for (const auto& [partition, next] : next_offset_) {
      if (stored.contains(partition)) ours[partition] = stored.at(partition);
    }
    check_logs(ours);
  } catch (const Error& e) {
    if (e.code() == ExitCode::data_loss) throw;
  }
  std::int64_t low = -1;
  std::int64_t high = -1;
  rd_kafka_query_watermark_offsets(consumer_.get(), options_.kafka.topic.c_str(), message->partition, &low, &high,
                                   WATERMARK_TIMEOUT_MS);
  auto stored = next_offset_.count(message->partition) ? next_offset_.at(message->partition) : -1;
  throw Error(ExitCode::data_loss,
              "partition " + std::to_string(message->partition) + " of " + options_.kafka.topic +
                  ": the stored next offset " + std::to_string(stored) + " (smelt.ingest_offsets, group " +
                  options_.group + ") is not in the broker's log, which " + describe_log(low, high) +
                  "; refusing to skip. The events were deleted by retention or the topic was recreated. To accept "
                  "the loss, update smelt.ingest_offsets for this partition and restart.");
}

void Worker::handle(const rd_kafka_message_t* message) {
  if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR && kafka_down_) {
    kafka_down_ = false;
    log::info("Kafka reachable again", {{"run_id", run_id_}, {"down_s", seconds_since(kafka_down_since_)}});
  }
  // Partitions are paused; what was fetched is read again after the resync.
  if (db_down_ || seek_due_) return;
  if (message->err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET || message->err == RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE) {
    offset_gone(message);
  }
  if (message->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) return;
  if (message->err) {
    if (rd_kafka_fatal_error(consumer_.get(), nullptr, 0)) {
      throw Error(ExitCode::kafka, std::string("fatal Kafka error: ") + rd_kafka_message_errstr(message));
    }
    log::warn("kafka", {{"error", rd_kafka_err2name(message->err)}, {"detail", rd_kafka_message_errstr(message)}});
    return;
  }
  auto stored = next_offset_.find(message->partition);
  // Not ours any more, or already stored: never write a message twice.
  if (stored == next_offset_.end() || message->offset < stored->second) return;
  if (batch_.empty()) batch_started_ = Clock::now();
  KafkaRecord record;
  record.topic = options_.kafka.topic;
  record.partition = message->partition;
  record.offset = message->offset;
  if (message->key != nullptr) record.key = std::string_view(static_cast<const char*>(message->key), message->key_len);
  rd_kafka_timestamp_type_t type;
  auto timestamp = rd_kafka_message_timestamp(message, &type);
  if (type != RD_KAFKA_TIMESTAMP_NOT_AVAILABLE && timestamp >= 0) record.timestamp_ms = timestamp;
  record.value = message->payload == nullptr ? std::string_view()
                                             : std::string_view(static_cast<const char*>(message->payload), message->len);
  batch_.add(record, reader_.read(record.value));
  batch_last_[message->partition] = fingerprint(*message);
  last_message_ = Clock::now();
}

void Worker::record_batch(const Batch& batch, const std::map<std::int32_t, Fingerprint>& last, double duration_s) {
  metrics_.add("smelt_ingest_messages_total", {}, static_cast<double>(batch.events()));
  metrics_.add("smelt_ingest_bytes_total", {}, static_cast<double>(batch.bytes()));
  metrics_.add("smelt_ingest_batches_total", {});
  metrics_.observe("smelt_ingest_batch_duration_seconds", {}, duration_s);
  for (const auto& [reason, count] : batch.reject_reasons()) {
    metrics_.add("smelt_ingest_rejects_total", {{"reason", std::string(to_string(reason))}}, static_cast<double>(count));
  }
  for (const auto& [partition, fingerprint] : last) {
    if (fingerprint.timestamp_ms >= 0) committed_timestamp_ms_[partition] = fingerprint.timestamp_ms;
  }
}

// Lag per assigned partition against the high watermark librdkafka last saw.
void Worker::update_lag_metrics() {
  if (Clock::now() - last_lag_metrics_ < LAG_METRICS_INTERVAL) return;
  last_lag_metrics_ = Clock::now();
  metrics_.clear("smelt_ingest_consumer_lag_messages");
  metrics_.clear("smelt_ingest_consumer_lag_seconds");
  const auto now = epoch_ms();
  for (const auto& [partition, next] : next_offset_) {
    std::int64_t low = -1;
    std::int64_t high = -1;
    if (rd_kafka_get_watermark_offsets(consumer_.get(), options_.kafka.topic.c_str(), partition, &low, &high) ||
        high < 0) {
      continue;
    }
    const metrics::Labels labels = {{"topic", options_.kafka.topic}, {"partition", std::to_string(partition)}};
    const auto lag = std::max<std::int64_t>(0, high - next);
    metrics_.set("smelt_ingest_consumer_lag_messages", labels, static_cast<double>(lag));
    auto committed = committed_timestamp_ms_.find(partition);
    if (lag == 0) {
      metrics_.set("smelt_ingest_consumer_lag_seconds", labels, 0);
    } else if (committed != committed_timestamp_ms_.end()) {
      metrics_.set("smelt_ingest_consumer_lag_seconds", labels,
                   static_cast<double>(std::max<std::int64_t>(0, now - committed->second)) / 1000.0);
    }
  }
  metrics_.set("smelt_ingest_assigned_partitions", {}, static_cast<double>(next_offset_.size()));
}

// Hands batch_ to the write pipeline and counts its offsets as stored, so
// the next batch is read (and fenced) from there while this one is written.
void Worker::start_write() {
  pipeline_.submit(batch_, next_offset_, batch_last_);
  batch_last_.clear();
  for (const auto& [partition, range] : pipeline_.batch().partitions()) next_offset_[partition] = range.last + 1;
}

// Waits for the batch in flight. Fenced: it and the batch being read are
// dropped and positions reloaded. Failed: it becomes batch_ again (what was
// read since is dropped: it is read again after the resync that follows
// every retry) and the error propagates.
void Worker::collect_write() {
  if (!pipeline_.busy()) return;
  WritePipeline::Result result;
  try {
    result = pipeline_.collect();
  } catch (...) {
    for (const auto& [partition, expected] : pipeline_.expected()) {
      if (auto found = next_offset_.find(partition); found != next_offset_.end()) found->second = expected;
    }
    pipeline_.take_back(batch_, batch_last_);
    throw;
  }
  const Batch& batch = pipeline_.batch();
  if (result.outcome == WriteOutcome::fenced) {
    ++stats_.fenced;
    log::warn("offsets moved by another worker; batch discarded and positions reloaded",
              {{"run_id", run_id_}, {"events", batch.events()}});
    pipeline_.release();
    batch_.clear();
    batch_last_.clear();
    resync();
    return;
  }
  record_batch(batch, pipeline_.last(), result.seconds);
  stats_.events += batch.events();
  stats_.rejects += batch.rejects();
  ++stats_.batches;
  for (const auto& [reason, count] : batch.reject_reasons()) stats_.reject_reasons[std::string(to_string(reason))] += count;
  log::debug("batch committed", {{"batch_id", result.batch_id}, {"events", batch.events()}, {"rejects", batch.rejects()}});
  pipeline_.release();
}

// Writes batch_ now (nothing in flight): the retry after an outage.
bool Worker::try_write() {
  collect_write();
  start_write();
  collect_write();
  return true;
}

// Settles the batch in flight, if any.
void Worker::finish_write() {
  try {
    collect_write();
  } catch (const Error& e) {
    if (!is_transient(e)) throw;  // a statement failed on a healthy connection: a bug, not weather
    database_unavailable(e);
  }
}

// Settles the batch in flight and starts writing batch_.
void Worker::flush() {
  finish_write();
  if (!batch_.empty() && !db_down_) start_write();
}

// Everything read so far durable (unless PostgreSQL is away).
void Worker::drain() {
  flush();
  finish_write();
}

// A lost connection, or the server's weather (disk full, shutting down, a
// cancelled statement); anything else on a healthy connection is a bug.
bool Worker::is_transient(const Error& error) const {
  if (error.code() != ExitCode::database) return false;
  // No SQLSTATE: libpq's own error, i.e. the connection broke (PQstatus may
  // not say so yet when the server's goodbye arrived between statements).
  const auto sqlstate = writer_.last_sqlstate();
  return !writer_.connected() || sqlstate.empty() || pg::is_transient_sqlstate(sqlstate);
}

// Stops reading (partitions paused, the group membership kept by polling on)
// and keeps the batch, until retry_database() gets through.
void Worker::database_unavailable(const Error& error) {
  const bool disk_full = pg::is_disk_full(writer_.last_sqlstate());
  if (!db_down_ || disk_full != disk_full_) {
    if (disk_full) {
      log::warn("PostgreSQL is out of disk space; ingest waits and resumes once space is freed",
                {{"run_id", run_id_}, {"detail", error.what()}});
    } else {
      log::warn("lost the PostgreSQL connection; reconnecting",
                {{"run_id", run_id_}, {"db_retry_s", options_.db_retry_s}, {"detail", error.what()}});
    }
    last_db_warning_ = Clock::now();
  }
  if (!db_down_) {
    db_down_since_ = Clock::now();
    db_attempts_ = 0;
  }
  db_down_ = true;
  disk_full_ = disk_full;
  set_paused(true);
  next_db_attempt_ = Clock::now() + pg::retry_delay(++db_attempts_);
}

void Worker::set_paused(bool paused) {
  kafka::PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(next_offset_.size() + waiting_.size())));
  for (const auto& [partition, next] : next_offset_) {
    rd_kafka_topic_partition_list_add(list.get(), options_.kafka.topic.c_str(), partition);
  }
  for (auto partition : waiting_) rd_kafka_topic_partition_list_add(list.get(), options_.kafka.topic.c_str(), partition);
  if (list->cnt == 0) return;
  if (paused) {
    rd_kafka_pause_partitions(consumer_.get(), list.get());
  } else {
    rd_kafka_resume_partitions(consumer_.get(), list.get());
  }
}

// One attempt to get PostgreSQL back: reconnect, write the kept batch,
// position partitions assigned meanwhile, seek all to the stored offsets, resume.
void Worker::retry_database() {
  if (!db_down_ || Clock::now() < next_db_attempt_) return;
  try {
    if (!writer_.connected()) writer_.reconnect();
    if (!batch_.empty()) try_write();
    if (!waiting_.empty()) {
      for (const auto& [partition, next] : position(waiting_)) next_offset_[partition] = next;
      waiting_.clear();
    }
    resync();
  } catch (const Error& e) {
    if (!is_transient(e)) throw;
    const double down_s = seconds_since(db_down_since_);
    if (!pg::is_disk_full(writer_.last_sqlstate()) && pg::retry_expired(options_.db_retry_s, down_s)) {
      throw Error(ExitCode::database, "PostgreSQL unavailable for " + std::to_string(static_cast<int>(down_s)) +
                                          " s (--db-retry " + std::to_string(static_cast<int>(options_.db_retry_s)) +
                                          "): " + e.what());
    }
    if (Clock::now() - last_db_warning_ >= STILL_WAITING_INTERVAL) {
      log::warn(disk_full_ ? "PostgreSQL still out of disk space; waiting" : "PostgreSQL still unavailable; retrying",
                {{"run_id", run_id_}, {"down_s", down_s}, {"detail", e.what()}});
      last_db_warning_ = Clock::now();
    }
    database_unavailable(e);
    return;
  }
  db_down_ = false;
  if (!seek_due_) set_paused(false);
  log::info(disk_full_ ? "PostgreSQL accepts writes again; ingest resumed" : "reconnected to PostgreSQL; ingest resumed",
            {{"run_id", run_id_}, {"down_s", seconds_since(db_down_since_)}, {"attempts", db_attempts_}});
  disk_full_ = false;
  last_message_ = Clock::now();
}

void Worker::kafka_unavailable(const std::string& reason) {
  if (!kafka_down_) {
    kafka_down_ = true;
    kafka_down_since_ = Clock::now();
    next_kafka_probe_ = Clock::now() + KAFKA_PROBE_INTERVAL;
    last_kafka_warning_ = Clock::now();
  }
  kafka_reason_ = reason;
}

// While no broker answers: probe once a second, fail after --kafka-timeout.
void Worker::check_kafka() {
  if (!kafka_down_ || Clock::now() < next_kafka_probe_) return;
  const rd_kafka_metadata_t* metadata = nullptr;
  auto err = rd_kafka_metadata(consumer_.get(), 0, nullptr, &metadata, KAFKA_PROBE_TIMEOUT_MS);
  if (metadata != nullptr) rd_kafka_metadata_destroy(metadata);
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    kafka_down_ = false;
    log::info("Kafka reachable again", {{"run_id", run_id_}, {"down_s", seconds_since(kafka_down_since_)}});
    return;
  }
  const double down_s = seconds_since(kafka_down_since_);
  if (options_.kafka_timeout_s > 0 && down_s > options_.kafka_timeout_s) {
    throw Error(ExitCode::kafka, "no Kafka broker of " + options_.kafka.brokers + " usable for " +
                                     std::to_string(static_cast<int>(down_s)) + " s (--kafka-timeout " +
                                     std::to_string(static_cast<int>(options_.kafka_timeout_s)) +
                                     "): " + kafka_reason_);
  }
  if (Clock::now() - last_kafka_warning_ >= STILL_WAITING_INTERVAL) {
    log::warn("Kafka still unreachable", {{"run_id", run_id_}, {"down_s", down_s}, {"detail", kafka_reason_}});
    last_kafka_warning_ = Clock::now();
  }
  next_kafka_probe_ = Clock::now() + KAFKA_PROBE_INTERVAL;
}

// Positions every assigned partition at its stored offset again. A seek that
// fails leaves them paused and is tried again from the loop (retry_seek).
void Worker::resync() {
  auto stored = writer_.load_offsets();
  kafka::PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(next_offset_.size())));
  for (auto& [partition, next] : next_offset_) {
    next = stored.at(partition).next;
    rd_kafka_topic_partition_list_add(list.get(), options_.kafka.topic.c_str(), partition)->offset = next;
  }
  if (list->cnt > 0) {
    if (auto* error = rd_kafka_seek_partitions(consumer_.get(), list.get(), SEEK_TIMEOUT_MS)) {
      std::string text = rd_kafka_error_string(error);
      rd_kafka_error_destroy(error);
      seek_failed(text);
      return;
    }
    // A partition the client could not seek yet (its fetcher not started, a
    // previous stop in progress) would otherwise read on from where it was.
    for (int i = 0; i < list->cnt; ++i) {
      if (list->elems[i].err == RD_KAFKA_RESP_ERR_NO_ERROR) continue;
      seek_failed("partition " + std::to_string(list->elems[i].partition) + ": " + rd_kafka_err2str(list->elems[i].err));
      return;
    }
  }
  if (!seek_due_) return;
  seek_due_ = false;
  if (!db_down_) set_paused(false);
  log::info("seeked to the stored offsets; reading resumed",
            {{"run_id", run_id_}, {"attempts", seek_attempts_}, {"down_s", seconds_since(seek_failing_since_)}});
}

// A seek can time out inside the client (in the middle of a rebalance, for
// one): the partitions stay paused and the seek is retried, polling in
// between, until --kafka-timeout.
void Worker::seek_failed(const std::string& reason) {
  if (!seek_due_) {
    log::warn("cannot seek to the stored offsets; partitions paused, retrying",
              {{"run_id", run_id_}, {"detail", reason}});
    seek_due_ = true;
    seek_attempts_ = 0;
    seek_failing_since_ = Clock::now();
  }
  const double down_s = seconds_since(seek_failing_since_);
  if (pg::retry_expired(options_.kafka_timeout_s, down_s)) {
    throw Error(ExitCode::kafka, "cannot seek to stored offsets for " + std::to_string(static_cast<int>(down_s)) +
                                     " s (--kafka-timeout " +
                                     std::to_string(static_cast<int>(options_.kafka_timeout_s)) + "): " + reason);
  }
  set_paused(true);
  next_seek_attempt_ = Clock::now() + pg::retry_delay(++seek_attempts_);
}

void Worker::retry_seek() {
  if (!seek_due_ || db_down_ || Clock::now() < next_seek_attempt_) return;
  try {
    resync();
  } catch (const Error& e) {
    if (!is_transient(e)) throw;
    database_unavailable(e);
  }
}

// Between batches, once per progress interval: the stored offsets must be
// where this worker believes. A commit lost in a crash (synchronous_commit =
// off) or a connection that died while idle shows up here instead of
// stalling an idle worker until its next batch is fenced.
void Worker::check_stored_offsets() {
  if (db_down_ || seek_due_ || !batch_.empty() || pipeline_.busy() || next_offset_.empty()) return;
  try {
    auto stored = writer_.load_offsets();
    for (const auto& [partition, next] : next_offset_) {
      auto found = stored.find(partition);
      if (found == stored.end() || found->second.next == next) continue;
      log::warn("stored offsets differ from this worker's positions (a commit lost in a crash, or another "
                "worker); positions reloaded",
                {{"run_id", run_id_}, {"partition", static_cast<std::int64_t>(partition)}, {"position", next}});
      resync();
      return;
    }
  } catch (const Error& e) {
    if (!is_transient(e)) throw;
    database_unavailable(e);
  }
}

void Worker::maybe_log_progress() {
  if (seconds_since(last_progress_) < options_.progress_interval_s) return;
  check_stored_offsets();
  const double elapsed = seconds_since(last_progress_);
  if (db_down_ || kafka_down_) {
    log::warn(db_down_ ? "waiting for PostgreSQL" : "waiting for Kafka",
              {{"run_id", run_id_},
               {"records", stats_.events},
               {"down_s", seconds_since(db_down_ ? db_down_since_ : kafka_down_since_)},
               {"detail", db_down_ ? std::string(disk_full_ ? "out of disk space" : "connection lost") : kafka_reason_}});
    last_progress_ = Clock::now();
    events_at_last_progress_ = stats_.events;
    return;
  }
  log::info("ingesting", {{"run_id", run_id_},
                          {"records", stats_.events},
                          {"rejects", stats_.rejects},
                          {"events_per_s", static_cast<double>(stats_.events - events_at_last_progress_) / elapsed},
                          {"partitions", static_cast<std::int64_t>(next_offset_.size())}});
  last_progress_ = Clock::now();
  events_at_last_progress_ = stats_.events;
}

// --idle-exit: no message for that long once partitions were assigned (joining
// a group takes seconds; a worker that never gets partitions waits longer).
bool Worker::idle_long_enough() const {
  if (options_.idle_exit_s <= 0 || !batch_.empty() || pipeline_.busy() || db_down_ || kafka_down_ || seek_due_) return false;
  const double limit_s = assigned_once_ ? options_.idle_exit_s : std::max(options_.idle_exit_s, UNASSIGNED_IDLE_EXIT_S);
  return seconds_since(last_message_) >= limit_s;
}

void Worker::maintain_partitions() {
  if (Clock::now() - last_maintenance_ < PARTITION_MAINTENANCE_INTERVAL) return;
  if (db_down_) return;
  drain();
  try {
    if (!db_down_) writer_.ensure_partitions();
  } catch (const Error& e) {
    if (!is_transient(e)) throw;
    database_unavailable(e);
    return;
  }
  last_maintenance_ = Clock::now();
}

IngestStats Worker::run() {
  log::info("ingest started", {{"run_id", run_id_}, {"topic", options_.kafka.topic}, {"group", options_.group}});
  while (!signals::stop_requested()) {
    rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer_.get(), POLL_TIMEOUT_MS);
    if (callback_error_) std::rethrow_exception(callback_error_);
    if (message != nullptr) {
      struct Destroy {
        rd_kafka_message_t* m;
        ~Destroy() { rd_kafka_message_destroy(m); }
      } destroy{message};
      handle(message);
    }
    const bool full = batch_.events() + batch_.rejects() >= options_.batch_rows ||
                      static_cast<std::int64_t>(batch_.bytes()) >= options_.batch_bytes;
    const bool due = !batch_.empty() && seconds_since(batch_started_) * 1000 >= options_.batch_wait_ms;
    if ((full || due) && !db_down_) {
      flush();
    } else if (pipeline_.finished()) {
      finish_write();
    }
    retry_database();
    retry_seek();
    check_kafka();
    maybe_log_progress();
    update_lag_metrics();
    maintain_partitions();
    if (idle_long_enough()) break;
  }
  if (!db_down_) drain();
  rd_kafka_consumer_close(consumer_.get());
  if (callback_error_) std::rethrow_exception(callback_error_);
  consumer_.reset();
  stats_.run_id = run_id_;
  return stats_;
}

}  // namespace

IngestStats run_ingest(const IngestOptions& options) {
  if (options.start_from != "earliest" && options.start_from != "latest") {
    throw Error(ExitCode::usage, "--start-from must be earliest or latest");
  }
  Worker worker(options);
  return worker.run();
}

}  // namespace smelt::ingest
