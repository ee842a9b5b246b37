#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

// A small blocking HTTP client over libcurl for the platform APIs.
namespace smelt::collect {

/// One request. `url` never holds a credential: those go in `secret_query`
/// (appended to the query string only when sending) or in `secret_headers`,
/// so describe() is safe to log and to store.
struct Request {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;         ///< "Name: value", no credentials
  std::vector<std::string> secret_headers;  ///< "Authorization: Bearer ..." and the like
  std::string secret_query;                 ///< "key=..." (without '&')
  std::string body;                         ///< POST body (may hold credentials for token requests)
  std::string basic_auth;                   ///< "user:password" for HTTP basic auth

  /// "GET https://host/path?query", without any credential.
  std::string describe() const { return method + " " + url; }
};

/// One response; `status` 0 means the transport failed (`transport_error` says how).
struct Response {
  long status = 0;
  std::map<std::string, std::string> headers;  ///< names lowercased
  std::string body;
  std::string transport_error;
  /// A header's value, "" when absent (`name` lowercase).
  std::string header(const std::string& name) const;
};

/// A reusable libcurl handle (one per thread).
class HttpClient {
 public:
  /// `timeout_ms` bounds each whole request; `user_agent` is sent on every request.
  HttpClient(long timeout_ms, std::string user_agent);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Sends a request and waits for the whole response. Never throws for HTTP
  /// or transport failures (see Response::status).
  Response perform(const Request& request);

 private:
  void* curl_;
  long timeout_ms_;
  std::string user_agent_;
};

/// Percent-encodes a query value.
std::string url_encode(const std::string& value);

}  // namespace smelt::collect
