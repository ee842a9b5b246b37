#include "refresh/freshness.hpp"

#include "refresh/pg_values.hpp"
#include "sql/embedded.hpp"

namespace smelt::refresh {

Freshness read_freshness(pg::Session& session) {
  auto result = session.exec(sql::query("queries/refresh/freshness"));
  const PGresult* row = result.get();
  Freshness freshness;
  freshness.newest_event = std::string(text_at(row, 0, 0));
  freshness.gold_watermark = std::string(text_at(row, 0, 1));
  if (!null_at(row, 0, 2)) freshness.lag_s = double_at(row, 0, 2);
  freshness.gold_published_at = std::string(text_at(row, 0, 3));
  freshness.pending_batches = int_at(row, 0, 4);
  return freshness;
}

}  // namespace smelt::refresh
