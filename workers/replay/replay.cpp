#include "replay/replay.hpp"

#include "common/error.hpp"
#include "common/log.hpp"
#include "kafka/producer.hpp"
#include "pg/session.hpp"
#include "sql/embedded.hpp"

namespace smelt::replay {
namespace {

constexpr int FLUSH_TIMEOUT_MS = 60000;

// A PostgreSQL array literal, {"a","b"}, or NULL when empty.
template <typename T>
pg::Param array_param(const std::vector<T>& values) {
  if (values.empty()) return std::nullopt;
  std::string text = "{";
  for (const auto& value : values) {
    if (text.size() > 1) text += ',';
    if constexpr (std::is_same_v<T, std::string>) {
      text += '"' + value + '"';
    } else {
      text += std::to_string(value);
    }
  }
  return text + "}";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  throw Error(ExitCode::failure, "bad hex digit from the database");
}

}  // namespace

std::string hex_decode(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<char>(hex_value(hex[2 * i]) * 16 + hex_value(hex[2 * i + 1]));
  }
  return out;
}

ReplayStats run_replay(const ReplayOptions& options) {
  ReplayStats stats;
  stats.run_id = log::new_run_id();
  pg::Session session(options.conninfo);
  session.begin();
  auto rows = session.exec(sql::query("queries/replay/select_rejects"),
                           {array_param(options.reasons), options.since.empty() ? pg::Param() : options.since,
                            array_param(options.ids), options.again ? "true" : "false",
                            std::to_string(options.limit)});
  const int count = PQntuples(rows.get());
  for (int row = 0; row < count; ++row) ++stats.by_reason[PQgetvalue(rows.get(), row, 1)];
  if (options.dry_run || count == 0) {
    session.rollback();
    stats.replayed = options.dry_run ? count : 0;
    return stats;
  }
  kafka::Producer producer(kafka::make_conf(options.kafka, kafka::producer_defaults()), options.kafka.topic);
  std::vector<std::int64_t> ids;
  for (int row = 0; row < count; ++row) {
    producer.produce(hex_decode(PQgetvalue(rows.get(), row, 2)), hex_decode(PQgetvalue(rows.get(), row, 4)));
    ids.push_back(std::stoll(PQgetvalue(rows.get(), row, 0)));
  }
  if (!producer.flush(FLUSH_TIMEOUT_MS) || producer.failed() > 0) {
    session.rollback();
    throw Error(ExitCode::kafka, "replay: " + std::to_string(producer.failed()) + " of " + std::to_string(count) +
                                     " messages were not delivered (" + producer.first_error() +
                                     "); none marked replayed, run again");
  }
  session.exec(sql::query("queries/replay/mark_replayed"), {array_param(ids)});
  session.commit();
  stats.replayed = count;
  return stats;
}

}  // namespace smelt::replay
