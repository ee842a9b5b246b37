#pragma once

#include <optional>
#include <string_view>
#include <vector>

// The exact bytes of values inside a JSON document, so an entity goes to
// Kafka as the API sent it (no re-serialisation, big integers untouched).
// The document must already be known to be valid JSON.
namespace smelt::collect::spans {

/// The value of member `key` of the object `object` (top level only); nullopt
/// when the object has no such member. Keys are compared byte for byte.
std::optional<std::string_view> member(std::string_view object, std::string_view key);

/// The value at a path of member names, e.g. {"data", "videos"}.
std::optional<std::string_view> at(std::string_view value, std::initializer_list<std::string_view> path);

/// The elements of the array `array` (empty when it is not an array).
std::vector<std::string_view> elements(std::string_view array);

}  // namespace smelt::collect::spans
