#include "kafka/mock_control.hpp"

#include <cstdint>
#include <sstream>
#include <vector>

#include "common/error.hpp"

namespace smelt::kafka {
namespace {

struct ApiName {
  const char* name;
  std::int16_t key;
};

constexpr ApiName API_NAMES[] = {
    {"Produce", 0},       {"Fetch", 1},      {"ListOffsets", 2}, {"Metadata", 3},     {"OffsetCommit", 8},
    {"OffsetFetch", 9},   {"FindCoordinator", 10}, {"JoinGroup", 11}, {"Heartbeat", 12}, {"LeaveGroup", 13},
    {"SyncGroup", 14},    {"SaslHandshake", 17}, {"ApiVersions", 18}, {"SaslAuthenticate", 36},
};

[[noreturn]] void bad(std::string_view line, const std::string& why) {
  throw Error(ExitCode::usage, "broker control '" + std::string(line) + "': " + why);
}

std::int16_t api_key(std::string_view line, const std::string& word) {
  for (const auto& api : API_NAMES) {
    if (word == api.name) return api.key;
  }
  try {
    return static_cast<std::int16_t>(std::stoi(word));
  } catch (const std::exception&) {
    bad(line, "unknown request type " + word);
  }
}

rd_kafka_resp_err_t error_code(std::string_view line, const std::string& word) {
  const struct rd_kafka_err_desc* descriptions = nullptr;
  size_t count = 0;
  rd_kafka_get_err_descs(&descriptions, &count);
  for (size_t i = 0; i < count; ++i) {
    if (descriptions[i].name != nullptr && word == descriptions[i].name) return descriptions[i].code;
  }
  bad(line, "unknown Kafka error " + word);
}

long number(std::string_view line, const std::string& word) {
  try {
    size_t used = 0;
    long value = std::stol(word, &used);
    if (used == word.size()) return value;
  } catch (const std::exception&) {
  }
  bad(line, "not a number: " + word);
}

void check(std::string_view line, rd_kafka_resp_err_t err) {
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) bad(line, rd_kafka_err2str(err));
}

}  // namespace

std::string apply_mock_command(rd_kafka_mock_cluster_t* cluster, std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  if (words.empty()) bad(line, "empty command");
  const auto& verb = words[0];
  if ((verb == "down" || verb == "up") && words.size() <= 2) {
    const auto broker = static_cast<std::int32_t>(words.size() == 2 ? number(line, words[1]) : -1);
    check(line, verb == "down" ? rd_kafka_mock_broker_set_down(cluster, broker)
                               : rd_kafka_mock_broker_set_up(cluster, broker));
    return "broker " + (broker < 0 ? std::string("all") : std::to_string(broker)) + " " + verb;
  }
  if (verb == "rtt" && words.size() == 3) {
    check(line, rd_kafka_mock_broker_set_rtt(cluster, static_cast<std::int32_t>(number(line, words[1])),
                                             static_cast<int>(number(line, words[2]))));
    return "broker " + words[1] + " answers after " + words[2] + " ms";
  }
  if (verb == "errors" && words.size() == 4) {
    const auto count = static_cast<size_t>(number(line, words[2]));
    std::vector<rd_kafka_resp_err_t> errors(count, error_code(line, words[3]));
    rd_kafka_mock_push_request_errors_array(cluster, api_key(line, words[1]), count, errors.data());
    return "next " + words[2] + " " + words[1] + " requests fail with " + words[3];
  }
  if (verb == "delay" && words.size() == 5) {
    const auto broker = static_cast<std::int32_t>(number(line, words[1]));
    const auto api = api_key(line, words[2]);
    const auto count = number(line, words[3]);
    const auto delay_ms = static_cast<int>(number(line, words[4]));
    for (long i = 0; i < count; ++i) {
      check(line, rd_kafka_mock_broker_push_request_error_rtts(cluster, broker, api, 1, RD_KAFKA_RESP_ERR_NO_ERROR,
                                                               delay_ms));
    }
    return "next " + words[3] + " " + words[2] + " responses of broker " + words[1] + " delayed " + words[4] + " ms";
  }
  bad(line, "expected down [BROKER], up [BROKER], rtt BROKER MS, errors API COUNT ERROR or delay BROKER API COUNT MS");
}

}  // namespace smelt::kafka
