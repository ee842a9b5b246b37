#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

// Range checks for numeric options whose messages a person can read: they
// name the accepted range in the option's unit ("--rate: must be 0 or more
// messages per second, got -5") instead of printing the type's limits.
namespace smelt::range {

/// Accepts numbers from `min` to `max` inclusive.
CLI::Validator between(double min, double max, std::string_view unit);

/// Accepts numbers of at least `min`.
CLI::Validator at_least(double min, std::string_view unit);

/// Accepts numbers greater than zero.
CLI::Validator positive(std::string_view unit);

/// `value` as a person writes it: integers of six digits or more with
/// thousands separators (10,000,000), other values with up to six
/// significant digits.
std::string human_number(double value);

}  // namespace smelt::range
