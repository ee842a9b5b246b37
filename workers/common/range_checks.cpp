#include "common/range_checks.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

namespace smelt::range {
namespace {

std::optional<double> parse_number(const std::string& input) {
  if (input.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(input.c_str(), &end);
  if (end != input.c_str() + input.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string with_unit(double value, std::string_view unit) {
  std::string text = human_number(value);
  if (!unit.empty()) text.append(" ").append(unit);
  return text;
}

/// A validator accepting finite numbers for which `accepts` holds; `range`
/// describes them ("from 1 to 16 partitions").
CLI::Validator numeric(std::string range, std::function<bool(double)> accepts) {
  auto check = [range, accepts = std::move(accepts)](std::string& input) -> std::string {
    const auto value = parse_number(input);
    if (!value || !accepts(*value)) return "must be " + range + ", got " + input;
    return {};
  };
  return {check, range};
}

}  // namespace

std::string human_number(double value) {
  if (std::nearbyint(value) == value && std::fabs(value) < 1e15) {
    if (std::fabs(value) < 100000) return std::to_string(static_cast<long long>(value));
    const auto whole = static_cast<long long>(value);
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    for (auto at = static_cast<long>(digits.size()) - 3; at > 0; at -= 3) {
      digits.insert(static_cast<size_t>(at), ",");
    }
    return whole < 0 ? "-" + digits : digits;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

CLI::Validator between(double min, double max, std::string_view unit) {
  return numeric("from " + human_number(min) + " to " + with_unit(max, unit),
                 [min, max](double value) { return value >= min && value <= max; });
}

CLI::Validator at_least(double min, std::string_view unit) {
  return numeric(human_number(min) + " or more" + (unit.empty() ? std::string() : " " + std::string(unit)),
                 [min](double value) { return value >= min; });
}

CLI::Validator positive(std::string_view unit) {
  return numeric("more than 0" + (unit.empty() ? std::string() : " " + std::string(unit)),
                 [](double value) { return value > 0; });
}

}  // namespace smelt::range
