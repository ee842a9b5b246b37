#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "metrics/registry.hpp"

namespace smelt::metrics {

/// The Content-Type of the Prometheus text exposition format.
inline constexpr const char* TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

/// A small HTTP server on its own thread that serves GET /metrics (the
/// registry, after calling `before_render`) and GET /healthz, for daemons
/// whose main loop is busy elsewhere (`smelt ingest`, `smelt scheduler`).
class Endpoint {
 public:
  /// Binds address:port (port 0: any free port) and starts serving; throws
  /// smelt::Error (usage) when the port cannot be bound.
  Endpoint(const std::string& address, int port, Registry& registry, std::function<void()> before_render = {});
  ~Endpoint();
  Endpoint(const Endpoint&) = delete;
  Endpoint& operator=(const Endpoint&) = delete;

  /// The port it listens on.
  int port() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Where a daemon serves /metrics; port 0 keeps it off.
struct EndpointOptions {
  int port = 0;
  std::string address = "127.0.0.1";
};

/// Adds --metrics-port and --metrics-address to a daemon's command, with
/// environment variables SMELT_<PREFIX>_METRICS_PORT and _METRICS_ADDRESS.
void add_endpoint_options(CLI::App& command, EndpointOptions& options, const std::string& env_prefix);

}  // namespace smelt::metrics
