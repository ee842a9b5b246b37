#include "serve/server.hpp"

#include <httplib.h>
#include <time.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/signals.hpp"
#include "metrics/endpoint.hpp"
#include "refresh/pg_values.hpp"
#include "serve/api.hpp"
#include "serve/assets.hpp"
#include "serve/pipeline_metrics.hpp"
#include "sql/embedded.hpp"

namespace smelt::serve {
namespace {

/// Seconds libpq waits for a connection, so /readyz answers while PostgreSQL is away.
constexpr const char* CONNECT_TIMEOUT_S = "3";

std::string json_error(const std::string& message) { return "{\"error\":\"" + log::json_escape(message) + "\"}"; }

std::string content_type(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  return "application/octet-stream";
}

const Asset* find_asset(std::string_view name) {
  for (const auto& asset : assets()) {
    if (asset.name == name) return &asset;
  }
  return nullptr;
}

KnownValues read_known_values(pg::Session& session) {
  auto result = session.exec(sql::query("queries/api/known_values"));
  KnownValues known;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    std::string value(refresh::text_at(result.get(), row, 1));
    if (refresh::text_at(result.get(), row, 0) == "platform") {
      known.platforms.insert(std::move(value));
    } else {
      known.campaigns.insert(std::move(value));
    }
  }
  return known;
}

class Server {
 public:
  explicit Server(const ServeOptions& options)
      : options_(options),
        bi_(options.conninfo, std::string(sql::query("queries/api/bi_session")),
            {std::to_string(options.statement_timeout_ms)}),
        monitor_(options.conninfo),
        metrics_(monitor_, options.kafka.brokers.empty() ? nullptr : std::make_unique<LagProbe>(options.kafka),
                 options.group) {
    routes();
  }

  void run() {
    const int port = options_.port == 0 ? http_.bind_to_any_port(options_.address)
                                        : (http_.bind_to_port(options_.address, options_.port) ? options_.port : -1);
    if (port <= 0) {
      throw Error(ExitCode::usage, "cannot listen on " + options_.address + ":" + std::to_string(options_.port));
    }
    const std::string url = "http://" + options_.address + ":" + std::to_string(port) + "/";
    std::thread listener([this] { http_.listen_after_bind(); });
    if (!options_.url_file.empty()) std::ofstream(options_.url_file) << url << "\n";
    log::info("serving the dashboard", {{"url", url}, {"metrics", url + "metrics"}});
    while (!signals::stop_requested()) {
      struct timespec slice {
        0, 100'000'000
      };
      nanosleep(&slice, nullptr);
    }
    http_.stop();
    listener.join();
    log::info("serve stopped", {});
  }

 private:
  void routes() {
    http_.Get("/", [this](const httplib::Request&, httplib::Response& response) {
      send_asset("index.html", response);
      metrics_.count_request("/", response.status);
    });
    http_.Get(R"(/assets/([A-Za-z0-9_.\-]+))", [this](const httplib::Request& request, httplib::Response& response) {
      send_asset(request.matches[1].str(), response);
      metrics_.count_request("/assets", response.status);
    });
    http_.Get(R"(/api/([a-z0-9_]*))", [this](const httplib::Request& request, httplib::Response& response) {
      api(request.matches[1].str(), request, response);
      metrics_.count_request("/api/" + (response.status == 404 ? std::string("unknown") : request.matches[1].str()),
                             response.status);
    });
    http_.Get("/healthz", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content("{\"status\":\"alive\"}", "application/json");
      metrics_.count_request("/healthz", 200);
    });
    http_.Get("/readyz", [this](const httplib::Request&, httplib::Response& response) {
      ready(response);
      metrics_.count_request("/readyz", response.status);
    });
    http_.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
      metrics_.count_request("/metrics", 200);
      response.set_content(metrics_.render(), metrics::TEXT_FORMAT);
    });
    http_.set_error_handler([](const httplib::Request&, httplib::Response& response) {
      if (response.body.empty()) response.set_content(json_error("not found"), "application/json");
    });
  }

  void send_asset(const std::string& name, httplib::Response& response) {
    const Asset* asset = find_asset(name);
    if (asset == nullptr) {
      response.status = 404;
      response.set_content(json_error("no such file: " + name), "application/json");
      return;
    }
    response.set_header("Cache-Control", name == "index.html" ? "no-cache" : "max-age=300");
    response.set_content(std::string(asset->bytes), content_type(name).c_str());
  }

  void api(const std::string& endpoint, const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    QueryParams params(request.params.begin(), request.params.end());
    try {
      auto body = bi_.with([&](pg::Session& session) {
        const auto query = plan_api_query(endpoint, params, read_known_values(session));
        auto result = session.exec(query.sql, query.params);
        return std::string(refresh::text_at(result.get(), 0, 0));
      });
      response.set_content(body, "application/json");
    } catch (const BadRequest& e) {
      response.status = std::string_view(e.what()).starts_with("no API endpoint") ? 404 : 400;
      response.set_content(json_error(e.what()), "application/json");
    } catch (const Error& e) {
      response.status = 503;
      log::warn("api: database unavailable", {{"endpoint", endpoint}, {"detail", e.what()}});
      response.set_content(json_error("the database is not available; retry shortly"), "application/json");
    }
  }

  void ready(httplib::Response& response) {
    std::string reason;
    double refreshed_s_ago = -1;
    try {
      auto result = bi_.with([](pg::Session& session) { return session.exec(sql::query("queries/api/readiness")); });
      if (refresh::null_at(result.get(), 0, 0)) {
        reason = "gold has never been refreshed";
      } else {
        refreshed_s_ago = refresh::double_at(result.get(), 0, 0);
        if (options_.max_staleness_s > 0 && refreshed_s_ago > options_.max_staleness_s) {
          reason = "gold was last refreshed " + std::to_string(static_cast<long>(refreshed_s_ago)) +
                   " s ago (bound: " + std::to_string(static_cast<long>(options_.max_staleness_s)) + " s)";
        }
      }
    } catch (const Error& e) {
      reason = "database unreachable";
      log::debug("readyz: database unreachable", {{"detail", e.what()}});
    }
    response.status = reason.empty() ? 200 : 503;
    std::string body = "{\"ready\":" + std::string(reason.empty() ? "true" : "false");
    if (refreshed_s_ago >= 0) body += ",\"refreshed_s_ago\":" + std::to_string(refreshed_s_ago);
    if (!reason.empty()) body += ",\"reason\":\"" + log::json_escape(reason) + "\"";
    response.set_content(body + "}", "application/json");
  }

  const ServeOptions& options_;
  httplib::Server http_;
  SessionPool bi_;
  SessionPool monitor_;
  PipelineMetrics metrics_;
};

}  // namespace

void run_serve(const ServeOptions& options) {
  setenv("PGCONNECT_TIMEOUT", CONNECT_TIMEOUT_S, 0);
  Server server(options);
  server.run();
}

}  // namespace smelt::serve
