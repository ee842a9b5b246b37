#include "metrics/endpoint.hpp"

#include <httplib.h>

#include <thread>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/range_checks.hpp"

namespace smelt::metrics {

struct Endpoint::State {
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

Endpoint::Endpoint(const std::string& address, int port, Registry& registry, std::function<void()> before_render)
    : state_(std::make_unique<State>()) {
  state_->server.Get("/metrics", [&registry, before_render](const httplib::Request&, httplib::Response& response) {
    if (before_render) before_render();
    response.set_content(registry.render(), TEXT_FORMAT);
  });
  state_->server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("ok\n", "text/plain");
  });
  state_->port = port == 0 ? state_->server.bind_to_any_port(address) : port;
  if (port != 0 && !state_->server.bind_to_port(address, port)) state_->port = -1;
  if (state_->port <= 0) {
    throw Error(ExitCode::usage, "cannot listen on " + address + ":" + std::to_string(port) + " for /metrics");
  }
  state_->thread = std::thread([state = state_.get()] { state->server.listen_after_bind(); });
  log::info("metrics listening", {{"url", "http://" + address + ":" + std::to_string(state_->port) + "/metrics"}});
}

Endpoint::~Endpoint() {
  state_->server.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

int Endpoint::port() const { return state_->port; }

void add_endpoint_options(CLI::App& command, EndpointOptions& options, const std::string& env_prefix) {
  command.add_option("--metrics-port", options.port, "Serve Prometheus /metrics and /healthz on this port (0: off)")
      ->check(range::between(0, 65535, "(a TCP port)"))
      ->envname("SMELT_" + env_prefix + "_METRICS_PORT")
      ->capture_default_str();
  command.add_option("--metrics-address", options.address, "Address for --metrics-port (0.0.0.0: every interface)")
      ->envname("SMELT_" + env_prefix + "_METRICS_ADDRESS")
      ->capture_default_str();
}

}  // namespace smelt::metrics
