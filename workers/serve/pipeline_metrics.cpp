#include "serve/pipeline_metrics.hpp"

#include <simdjson.h>

#include "common/error.hpp"
#include "common/log.hpp"
#include "refresh/pg_values.hpp"
#include "sql/embedded.hpp"

namespace smelt::serve {
namespace {

/// The gauges read from sql/queries/monitor/pipeline.sql, with their help.
const std::vector<std::pair<std::string, std::string>>& database_gauges() {
  static const std::vector<std::pair<std::string, std::string>> gauges = {
      {"smelt_refresh_runs_15m", "Refresh steps recorded in smelt.refresh_runs in the last 15 minutes, by model and status"},
      {"smelt_refresh_step_duration_seconds", "Duration of the latest run of each refresh step (model) in the last 15 minutes"},
      {"smelt_refresh_gold_status", "1 for the status of the latest gold refresh (ok, blocked, failed)"},
      {"smelt_refresh_pending_batches", "Committed ingest batches not merged into silver yet"},
      {"smelt_checks_failing", "Data quality checks whose latest result (last hour) is a failure, by severity"},
      {"smelt_mart_complete_through_age_seconds", "Seconds between now and each gold mart's complete_through"},
      {"smelt_gold_published_age_seconds", "Seconds since gold was last published"},
      {"smelt_ingest_rejects", "Messages kept in bronze.rejects, by reason"},
  };
  return gauges;
}

metrics::Labels parse_labels(std::string_view json) {
  metrics::Labels labels;
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(json.data(), json.size()).get(object)) return labels;
  for (auto field : object) {
    std::string_view value;
    if (!field.value.get(value)) labels.emplace_back(std::string(field.key), std::string(value));
  }
  return labels;
}

}  // namespace

PipelineMetrics::PipelineMetrics(SessionPool& monitor, std::unique_ptr<LagProbe> probe, std::string group)
    : monitor_(monitor), probe_(std::move(probe)), group_(std::move(group)) {
  registry_.gauge("smelt_database_up", "1 when the last read of the pipeline's state from PostgreSQL succeeded");
  for (const auto& [name, help] : database_gauges()) registry_.gauge(name, help);
  registry_.gauge("smelt_ingest_stored_offset", "Next offset to load per partition (smelt.ingest_offsets)");
  registry_.gauge("smelt_ingest_consumer_lag_messages",
                  "Messages in the broker not loaded into bronze yet, per partition");
  registry_.gauge("smelt_ingest_consumer_lag_seconds",
                  "Age of the oldest message not loaded into bronze yet, per partition (0 when caught up)");
  registry_.counter("smelt_serve_http_requests_total", "HTTP requests answered by smelt serve, by route and code");
}

void PipelineMetrics::count_request(const std::string& route, int status) {
  if (status < 0) status = 200;  // handlers that did not set one answer 200
  registry_.add("smelt_serve_http_requests_total", {{"route", route}, {"code", std::to_string(status)}});
}

void PipelineMetrics::read_database() {
  auto result = monitor_.with([](pg::Session& session) { return session.exec(sql::query("queries/monitor/pipeline")); });
  for (const auto& [name, help] : database_gauges()) registry_.clear(name);
  const PGresult* rows = result.get();
  for (int row = 0; row < PQntuples(rows); ++row) {
    const std::string name(refresh::text_at(rows, row, 0));
    const auto labels = parse_labels(refresh::text_at(rows, row, 1));
    const double value = refresh::double_at(rows, row, 2);
    registry_.set(name, labels, value);
  }
}

void PipelineMetrics::read_lag() {
  auto result = monitor_.with([this](pg::Session& session) {
    return session.exec(sql::query("queries/monitor/offsets"), {group_});
  });
  registry_.clear("smelt_ingest_stored_offset");
  std::map<std::string, std::map<std::int32_t, std::int64_t>> stored;
  const PGresult* rows = result.get();
  for (int row = 0; row < PQntuples(rows); ++row) {
    const std::string topic(refresh::text_at(rows, row, 0));
    const auto partition = static_cast<std::int32_t>(refresh::int_at(rows, row, 1));
    const auto offset = refresh::int_at(rows, row, 2);
    registry_.set("smelt_ingest_stored_offset", {{"topic", topic}, {"partition", std::to_string(partition)}},
                  static_cast<double>(offset));
    stored[topic][partition] = offset;
  }
  if (!probe_) return;
  registry_.clear("smelt_ingest_consumer_lag_messages");
  registry_.clear("smelt_ingest_consumer_lag_seconds");
  for (const auto& lag : probe_->measure(stored[probe_->topic()])) {
    const metrics::Labels labels = {{"topic", probe_->topic()}, {"partition", std::to_string(lag.partition)}};
    registry_.set("smelt_ingest_consumer_lag_messages", labels, static_cast<double>(lag.lag_messages));
    if (lag.lag_seconds) registry_.set("smelt_ingest_consumer_lag_seconds", labels, *lag.lag_seconds);
  }
}

std::string PipelineMetrics::render() {
  std::lock_guard lock(mutex_);
  try {
    read_database();
    read_lag();
    registry_.set("smelt_database_up", {}, 1);
  } catch (const Error& e) {
    registry_.set("smelt_database_up", {}, 0);
    log::debug("metrics: cannot read the pipeline's state", {{"detail", e.what()}});
  }
  return registry_.render();
}

}  // namespace smelt::serve
