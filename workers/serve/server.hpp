#pragma once

#include <string>

#include "kafka/client.hpp"

// `smelt serve`: the live dashboard, its JSON API, Prometheus metrics and
// health endpoints, in one HTTP server.
namespace smelt::serve {

/// Everything `smelt serve` can be told.
struct ServeOptions {
  std::string conninfo;                ///< libpq conninfo or URI; its role must be able to SET ROLE smelt_bi
  std::string address = "127.0.0.1";   ///< where to listen
  int port = 8080;                     ///< 0: any free port (see url_file)
  std::string url_file;                ///< write the dashboard's URL here once listening
  double max_staleness_s = 120;        ///< /readyz fails when gold was refreshed longer ago (0: not checked)
  int statement_timeout_ms = 10'000;   ///< per API statement
  kafka::Options kafka;                ///< for consumer lag; lag is not measured when brokers is empty
  std::string group = "smelt-ingest";  ///< the ingest consumer group whose lag /metrics reports
};

/// Serves until SIGINT/SIGTERM. Keeps serving while PostgreSQL is away
/// (/readyz and the API answer 503 meanwhile). Throws smelt::Error (usage)
/// when the port cannot be bound.
void run_serve(const ServeOptions& options);

}  // namespace smelt::serve
