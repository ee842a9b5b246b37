#pragma once

#include <librdkafka/rdkafka.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace smelt::kafka {

/// Owning handles for librdkafka objects.
struct ConfDeleter {
  void operator()(rd_kafka_conf_t* conf) const noexcept { rd_kafka_conf_destroy(conf); }
};
struct HandleDeleter {
  void operator()(rd_kafka_t* handle) const noexcept { rd_kafka_destroy(handle); }
};
struct TopicPartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* list) const noexcept {
    rd_kafka_topic_partition_list_destroy(list);
  }
};
using ConfPtr = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;
using HandlePtr = std::unique_ptr<rd_kafka_t, HandleDeleter>;
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, TopicPartitionListDeleter>;

/// Where the events are: shared by generate, ingest and replay.
struct Options {
  std::string brokers = "127.0.0.1:9092";
  std::string topic = "smelt.events";
  /// Client properties passed through as -X key=value, each value unchanged.
  std::vector<std::string> properties;
  /// Properties as one list, for the environment and config file
  /// (--kafka-properties, SMELT_KAFKA_PROPERTIES); see split_property_list().
  std::string property_list;
};

/// Adds --brokers (SMELT_BROKERS), --topic (SMELT_TOPIC), -X key=value
/// (repeatable, values taken as they are) and --kafka-properties LIST
/// (SMELT_KAFKA_PROPERTIES).
void add_options(CLI::App& command, Options& options);

/// A client configuration: bootstrap.servers, then `defaults`, then the
/// --kafka-properties list, then every -X property (so the user always has
/// the last word). Throws smelt::Error (usage) naming a property librdkafka
/// rejects.
ConfPtr make_conf(const Options& options,
                  const std::vector<std::pair<std::string, std::string>>& defaults = {});

/// Splits a list "k1=v1,k2=v2" into properties. A comma starts a new property
/// only when what follows it looks like `key=` (letters, digits, '.', '_',
/// '-' then '='), so "debug=broker,topic,security.protocol=SSL" is two
/// properties; newlines always separate.
std::vector<std::string> split_property_list(std::string_view list);

/// Splits "key=value"; throws smelt::Error (usage) without '='.
std::pair<std::string, std::string> split_property(const std::string& text);

/// True for properties whose values must never be logged (passwords, secrets, keys).
bool is_secret_property(const std::string& key);

}  // namespace smelt::kafka
