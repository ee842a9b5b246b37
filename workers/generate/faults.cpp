#include "generate/faults.hpp"

#include <array>

namespace smelt::generate {
namespace {

constexpr std::array<std::string_view, 4> INVALID_UTF8 = {"\xC3\x28", "\xFF", "\xED\xA0\x80", "\xC0\xAF"};
constexpr std::array<std::string_view, 5> BAD_TIMES = {"2026-13-45T25:61:00Z", "yesterday", "1700000000",
                                                       "2026/11/22 10:15:03", ""};
constexpr std::string_view OBSERVED_AT_KEY = "\"observed_at\":\"";
constexpr std::string_view PAYLOAD_KEY = "\"payload\":";

/// Where the first string value inside the payload starts (just after its quote).
std::size_t payload_string_start(const std::string& message) {
  const std::size_t payload = message.find(PAYLOAD_KEY);
  const std::size_t value =
      message.find("\":\"", payload == std::string::npos ? 0 : payload + PAYLOAD_KEY.size());
  return value == std::string::npos ? message.size() / 2 : value + 3;
}

void truncate(std::string& message, Rng& rng) {
  const std::size_t low = message.size() / 4;
  const std::size_t high = message.size() > 2 ? message.size() - 2 : 1;
  message.resize(low + rng.below(high > low ? high - low : 1));
}

void erase_source(std::string& message) {
  const std::size_t start = message.find("\"source\":");
  const std::size_t comma = start == std::string::npos ? std::string::npos : message.find(',', start);
  if (comma != std::string::npos) message.erase(start, comma + 1 - start);
}

void erase_observed_at(std::string& message) {
  const std::size_t start = message.find(OBSERVED_AT_KEY);
  if (start == std::string::npos) return;
  const std::size_t close = message.find('"', start + OBSERVED_AT_KEY.size());
  if (close == std::string::npos) return;
  const std::size_t end = message[close + 1] == ',' ? close + 2 : close + 1;
  message.erase(start, end - start);
}

void replace_observed_at(std::string& message, Rng& rng) {
  const std::size_t start = message.find(OBSERVED_AT_KEY);
  if (start == std::string::npos) return;
  const std::size_t value = start + OBSERVED_AT_KEY.size();
  const std::size_t close = message.find('"', value);
  if (close == std::string::npos) return;
  message.replace(value, close - value, BAD_TIMES[rng.below(BAD_TIMES.size())]);
}

}  // namespace

std::string_view malformation_name(Malformation kind) noexcept {
  switch (kind) {
    case Malformation::truncated:
      return "truncated";
    case Malformation::invalid_utf8:
      return "invalid_utf8";
    case Malformation::nul_byte:
      return "nul_byte";
    case Malformation::missing_source:
      return "missing_source";
    case Malformation::missing_observed_at:
      return "missing_observed_at";
    case Malformation::json_array:
      return "json_array";
    case Malformation::bad_observed_at:
      return "bad_observed_at";
  }
  return "unknown";
}

void malform(std::string& message, Malformation kind, Rng& rng) {
  switch (kind) {
    case Malformation::truncated:
      truncate(message, rng);
      break;
    case Malformation::invalid_utf8:
      message.insert(payload_string_start(message), INVALID_UTF8[rng.below(INVALID_UTF8.size())]);
      break;
    case Malformation::nul_byte:
      message.insert(payload_string_start(message), 1, '\0');
      break;
    case Malformation::missing_source:
      erase_source(message);
      break;
    case Malformation::missing_observed_at:
      erase_observed_at(message);
      break;
    case Malformation::json_array:
      message.insert(0, 1, '[');
      message += ']';
      break;
    case Malformation::bad_observed_at:
      replace_observed_at(message, rng);
      break;
  }
}

}  // namespace smelt::generate
