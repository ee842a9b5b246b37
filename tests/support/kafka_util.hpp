#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace smelt::testing {

/// A message to produce: key (none for NULL) and value bytes.
struct TestMessage {
  std::optional<std::string> key;
  std::string value;
};

/// Produces messages (to `partition`, or by key when -1) and waits for every
/// delivery; fails the test on a delivery error.
void produce(const std::string& bootstrap, const std::string& topic, const std::vector<TestMessage>& messages,
             int partition = -1);

/// The end offset (high watermark) of every partition of a topic.
std::map<int, std::int64_t> end_offsets(const std::string& bootstrap, const std::string& topic);

}  // namespace smelt::testing
