#include "common/log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <random>

#include "common/error.hpp"
#include "common/secrets.hpp"

namespace smelt::log {
namespace {

bool json_mode = false;

void append_value(std::string& out, const Field& field, bool json) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          if (json) {
            out += '"' + json_escape(v) + '"';
          } else if (v.find_first_of(" \t\"=") != std::string::npos || v.empty()) {
            out += '"' + json_escape(v) + '"';
          } else {
            out += v;
          }
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "%.3f", v);
          out += buffer;
        } else {
          out += std::to_string(v);
        }
      },
      field.value);
}

void emit(spdlog::level::level_enum level, std::string_view message, Fields fields) {
  auto logger = spdlog::default_logger_raw();
  if (!logger->should_log(level)) return;
  logger->log(level, "{}", secrets::redact(render(message, fields, json_mode)));
}

}  // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string render(std::string_view message, Fields fields, bool json) {
  std::string out;
  if (json) {
    out += "\"msg\":\"" + json_escape(message) + '"';
    for (const auto& field : fields) {
      out += ",\"" + json_escape(field.key) + "\":";
      append_value(out, field, true);
    }
    return out;
  }
  out += message;
  for (const auto& field : fields) {
    out += ' ';
    out += field.key;
    out += '=';
    append_value(out, field, false);
  }
  return out;
}

Format parse_format(std::string_view name) {
  if (name == "auto") return Format::automatic;
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  throw Error(ExitCode::usage, "unknown log format '" + std::string(name) + "' (auto, text, json)");
}

void init(Format format, std::string_view level) {
  json_mode = format == Format::json || (format == Format::automatic && !isatty(STDERR_FILENO));
  auto logger = spdlog::stderr_color_mt("smelt");
  if (json_mode) {
    logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
  } else {
    logger->set_pattern("%H:%M:%S.%e %^%-5l%$ %v");
  }
  auto parsed = spdlog::level::from_str(std::string(level));
  if (parsed == spdlog::level::off && level != "off") {
    throw Error(ExitCode::usage, "unknown log level '" + std::string(level) + "'");
  }
  logger->set_level(parsed);
  spdlog::set_default_logger(logger);
}

void debug(std::string_view message, Fields fields) { emit(spdlog::level::debug, message, fields); }
void info(std::string_view message, Fields fields) { emit(spdlog::level::info, message, fields); }
void warn(std::string_view message, Fields fields) { emit(spdlog::level::warn, message, fields); }
void error(std::string_view message, Fields fields) { emit(spdlog::level::err, message, fields); }

std::string new_run_id() {
  std::random_device device;
  std::uniform_int_distribution<std::uint32_t> digits(0, 0xffffffffu);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%08x", digits(device));
  return buffer;
}

}  // namespace smelt::log
