#include "kafka/client.hpp"

#include <CLI/CLI.hpp>
#include <cctype>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/secrets.hpp"

namespace smelt::kafka {
namespace {

void set_property(rd_kafka_conf_t* conf, const std::string& key, const std::string& value) {
  char error[512];
  if (rd_kafka_conf_set(conf, key.c_str(), value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
    std::string shown = is_secret_property(key) ? "***" : value;
    throw Error(ExitCode::usage, "Kafka property " + key + "=" + shown + ": " + error);
  }
}

// librdkafka's own log lines go through smelt's log (and its redaction of
// secrets), not raw to stderr; a client may set its own callback instead.
void log_to_smelt(const rd_kafka_t*, int level, const char* facility, const char* text) {
  constexpr int SYSLOG_ERROR = 3;
  constexpr int SYSLOG_WARNING = 4;
  const log::Fields fields = {{"facility", facility}, {"detail", text}};
  if (level <= SYSLOG_ERROR) {
    log::error("kafka client", fields);
  } else if (level <= SYSLOG_WARNING) {
    log::warn("kafka client", fields);
  } else {
    log::debug("kafka client", fields);
  }
}

}  // namespace

void add_options(CLI::App& command, Options& options) {
  command.add_option("-b,--brokers", options.brokers, "Kafka bootstrap servers, host:port[,host:port]")
      ->envname("SMELT_BROKERS")
      ->capture_default_str();
  command.add_option("-t,--topic", options.topic, "Kafka topic of the events")
      ->envname("SMELT_TOPIC")
      ->capture_default_str();
  command.add_option("-X", options.properties,
                     "Kafka client property key=value (repeatable; the value is passed as is), "
                     "e.g. -X security.protocol=SSL -X debug=broker,topic")
      ->allow_extra_args(false);
  command.add_option("--kafka-properties", options.property_list,
                     "Kafka client properties as one list k1=v1,k2=v2 (for SMELT_KAFKA_PROPERTIES and the config "
                     "file; a comma followed by a key= starts the next property, newlines always do); -X wins")
      ->envname("SMELT_KAFKA_PROPERTIES");
}

std::vector<std::string> split_property_list(std::string_view list) {
  auto starts_property = [](std::string_view rest) {
    size_t at = 0;
    while (at < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[at])) || rest[at] == '.' ||
                                rest[at] == '_' || rest[at] == '-')) {
      ++at;
    }
    return at > 0 && at < rest.size() && rest[at] == '=';
  };
  std::vector<std::string> properties;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) properties.push_back(std::move(current));
    current.clear();
  };
  for (size_t at = 0; at < list.size(); ++at) {
    const char c = list[at];
    if (c == '\n' || (c == ',' && starts_property(list.substr(at + 1)))) {
      flush();
    } else if (c != '\r') {
      current += c;
    }
  }
  flush();
  return properties;
}

std::pair<std::string, std::string> split_property(const std::string& text) {
  auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw Error(ExitCode::usage, "Kafka property '" + text + "' is not key=value");
  }
  return {text.substr(0, equals), text.substr(equals + 1)};
}

bool is_secret_property(const std::string& key) { return secrets::is_secret_key(key); }

ConfPtr make_conf(const Options& options, const std::vector<std::pair<std::string, std::string>>& defaults) {
  ConfPtr conf(rd_kafka_conf_new());
  rd_kafka_conf_set_log_cb(conf.get(), log_to_smelt);
  set_property(conf.get(), "bootstrap.servers", options.brokers);
  for (const auto& [key, value] : defaults) set_property(conf.get(), key, value);
  for (const auto& text : split_property_list(options.property_list)) {
    auto [key, value] = split_property(text);
    set_property(conf.get(), key, value);
  }
  for (const auto& text : options.properties) {
    auto [key, value] = split_property(text);
    set_property(conf.get(), key, value);
  }
  return conf;
}

}  // namespace smelt::kafka
