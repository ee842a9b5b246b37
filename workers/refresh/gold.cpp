#include "refresh/gold.hpp"

#include "common/error.hpp"
#include "refresh/pg_values.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {
namespace {

GoldStatus parse_status(std::string_view status) {
  if (status == "ok") return GoldStatus::published;
  if (status == "blocked") return GoldStatus::blocked;
  return GoldStatus::failed;
}

std::vector<std::string> blocking_checks(pg::Session& session, const std::string& run_id) {
  auto result = session.exec(sql::query("queries/refresh/blocking_checks"), {run_id});
  std::vector<std::string> checks;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    checks.push_back(std::string(text_at(result.get(), row, 0)) + " (" +
                     std::to_string(int_at(result.get(), row, 1)) + " rows)");
  }
  return checks;
}

}  // namespace

std::string_view status_name(GoldStatus status) {
  switch (status) {
    case GoldStatus::published:
      return "published";
    case GoldStatus::blocked:
      return "blocked";
    case GoldStatus::failed:
      return "failed";
  }
  return "failed";
}

GoldOutcome refresh_gold(pg::Session& session, const std::string& run_id) {
  session.exec(sql::query("queries/refresh/refresh_gold"), {run_id});
  return read_gold_outcome(session, run_id);
}

GoldOutcome backfill_gold(pg::Session& session, const std::string& run_id, const std::string& from,
                          const std::string& to) {
  session.exec(sql::query("queries/refresh/backfill_gold"), {run_id, from, to});
  return read_gold_outcome(session, run_id);
}

GoldOutcome read_gold_outcome(pg::Session& session, const std::string& run_id) {
  auto result = session.exec(sql::query("queries/refresh/gold_outcome"), {run_id});
  if (PQntuples(result.get()) == 0) {
    throw Error(ExitCode::failure,
                "the gold refresh of run " + run_id + " recorded no outcome in smelt.refresh_runs");
  }
  GoldOutcome outcome;
  outcome.status = parse_status(text_at(result.get(), 0, 0));
  outcome.rows = int_at(result.get(), 0, 1);
  outcome.error = std::string(text_at(result.get(), 0, 2));
  if (outcome.status == GoldStatus::blocked) outcome.blocking_checks = blocking_checks(session, run_id);
  return outcome;
}

}  // namespace smelt::refresh
