#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace smelt::log {

/// How log lines look: text for people on a terminal, JSON lines for machines.
enum class Format { automatic, text, json };

/// A structured value attached to a log line (`records=123`, `"records":123`).
struct Field {
  /// A field with a text value.
  Field(std::string_view k, std::string_view v) : key(k), value(std::string(v)) {}
  /// A field with a text value.
  Field(std::string_view k, const char* v) : key(k), value(std::string(v)) {}
  /// A field with a text value.
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  /// A field with a boolean value.
  Field(std::string_view k, bool v) : key(k), value(v) {}
  /// A field with an integer value.
  template <std::integral T>
  Field(std::string_view k, T v) : key(k), value(static_cast<std::int64_t>(v)) {}
  /// A field with a floating-point value.
  template <std::floating_point T>
  Field(std::string_view k, T v) : key(k), value(static_cast<double>(v)) {}

  std::string_view key;
  std::variant<std::string, std::int64_t, double, bool> value;
};

using Fields = std::initializer_list<Field>;

/// Sets up the process logger on stderr. level: trace, debug, info, warn, error, off.
void init(Format format, std::string_view level);
/// Parses "auto", "text" or "json"; throws smelt::Error on anything else.
Format parse_format(std::string_view name);

void debug(std::string_view message, Fields fields = {});
void info(std::string_view message, Fields fields = {});
void warn(std::string_view message, Fields fields = {});
void error(std::string_view message, Fields fields = {});

/// A short random id that ties a job's log lines together.
std::string new_run_id();

/// Renders fields as the active format would (exposed for tests).
std::string render(std::string_view message, Fields fields, bool json);

/// Escapes text for a JSON string body (no surrounding quotes).
std::string json_escape(std::string_view text);

}  // namespace smelt::log
