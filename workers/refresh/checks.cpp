#include "refresh/checks.hpp"

#include "refresh/pg_values.hpp"
#include "refresh/text_table.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {

std::vector<CheckResult> run_checks(pg::Session& session, const std::string& run_id,
                                    const std::optional<std::string>& severity) {
  auto result = session.exec(sql::query("queries/check/run_checks"), {run_id, severity});
  std::vector<CheckResult> results;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    results.push_back({std::string(text_at(result.get(), row, 0)), std::string(text_at(result.get(), row, 1)),
                       int_at(result.get(), row, 2), std::string(text_at(result.get(), row, 3)),
                       std::string(text_at(result.get(), row, 4))});
  }
  return results;
}

std::string format_checks(const std::vector<CheckResult>& results, std::size_t sample_width) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(results.size());
  for (const auto& result : results) {
    rows.push_back({result.check_name, result.severity, result.failed() ? "FAIL" : "pass",
                    std::to_string(result.failing_rows), shorten(result.sample, sample_width)});
  }
  return render_table({"check", "severity", "status", "failing rows", "sample"}, rows);
}

}  // namespace smelt::refresh
