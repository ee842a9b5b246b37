#include "refresh/pg_values.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "common/error.hpp"
#include "common/log.hpp"

namespace smelt::refresh {

std::string_view text_at(const PGresult* result, int row, int column) {
  return {PQgetvalue(result, row, column), static_cast<std::size_t>(PQgetlength(result, row, column))};
}

bool null_at(const PGresult* result, int row, int column) { return PQgetisnull(result, row, column) != 0; }

std::int64_t int_at(const PGresult* result, int row, int column) {
  if (null_at(result, row, column)) return 0;
  const std::string_view text = text_at(result, row, column);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw Error(ExitCode::failure, "expected an integer from PostgreSQL, got '" + std::string(text) + "'");
  }
  return value;
}

double double_at(const PGresult* result, int row, int column) {
  if (null_at(result, row, column)) return 0;
  const std::string text(text_at(result, row, column));
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) {
    throw Error(ExitCode::failure, "expected a number from PostgreSQL, got '" + text + "'");
  }
  return value;
}

std::string bigint_array(const std::vector<std::int64_t>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  out += '}';
  return out;
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1'000'000;
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[40];
  const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
  std::snprintf(buffer + length, sizeof buffer - length, ".%06lldZ", static_cast<long long>(micros));
  return buffer;
}

std::string json_strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"' + log::json_escape(values[i]) + '"';
  }
  out += ']';
  return out;
}

}  // namespace smelt::refresh
