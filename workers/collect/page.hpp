#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "collect/http.hpp"
#include "collect/platform.hpp"

// Reading API responses: a parsed document plus the exact bytes of its parts.
namespace smelt::collect {

/// A parsed response body. The body stays owned by the caller's Response.
class Page {
 public:
  /// Parses `response.body`; throws BadPage (reason "not JSON: ...") naming `request`.
  Page(const Request& request, const Response& response);
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  /// The document's root.
  simdjson::dom::element root() const { return root_; }
  /// The raw body.
  std::string_view text() const { return text_; }
  /// Throws BadPage with `reason` for this response.
  [[noreturn]] void fail(const std::string& reason) const;

 private:
  simdjson::dom::parser parser_;
  std::string scratch_;
  simdjson::dom::element root_;
  std::string_view text_;
  std::string request_;
  long status_;
};

/// A member's value as text: a string as is, an integer with its exact digits
/// (also one beyond 64 bits), nullopt for anything else or a missing member.
std::optional<std::string> text_of(simdjson::dom::element object, std::string_view key);

/// A member as a signed integer (numbers, or strings of digits); nullopt otherwise.
std::optional<std::int64_t> integer_of(simdjson::dom::element object, std::string_view key);

/// observed_at for a response: its Date header, else the local clock (RFC 3339, ms).
std::string observed_at_of(const Response& response);

/// Unix microseconds of an RFC 3339 time ("2026-11-22T10:15:03.000Z", "+0000" too).
std::optional<std::int64_t> parse_time_us(std::string_view text);

/// RFC 3339 UTC with seconds ("2026-11-22T10:15:03Z").
std::string format_time_s(std::int64_t epoch_us);

/// Local clock in microseconds since the epoch.
std::int64_t now_us();

/// Joins strings with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace smelt::collect

namespace smelt::collect {
/// A header value as a number; `fallback` when empty or not a number.
double number_or(const std::string& text, double fallback);
/// A small cursor object {"k": value, ...} read back into text values.
std::optional<simdjson::dom::element> parse_cursor(simdjson::dom::parser& parser, const std::string& text);
}  // namespace smelt::collect
