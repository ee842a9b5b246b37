#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Typed reads of API fields from a parsed simdjson DOM, tolerant the way
// platform data needs: absent, null and wrongly typed fields read as nullopt,
// counters may be numbers or digit strings, numeric ids keep their exact
// digits. Every string returned is cleaned (clean_text).
namespace smelt::decode {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

/// `value` without NUL characters (JSON "\u0000" decodes to one; PostgreSQL
/// text cannot hold it) and with ill-formed UTF-8 replaced by U+FFFD.
std::string clean_text(std::string_view value);

/// The field, when present and not null.
std::optional<element> field(object parent, std::string_view key);

/// The field when it is an object.
std::optional<object> object_field(object parent, std::string_view key);

/// The field when it is an array.
std::optional<array> array_field(object parent, std::string_view key);

/// The field when it is a string, uncleaned (for comparisons and parsing).
std::optional<std::string_view> raw_string_field(object parent, std::string_view key);

/// The field when it is a string, cleaned.
std::optional<std::string> string_field(object parent, std::string_view key);

/// The field when it is a non-empty string (cleaned), else nullopt.
std::optional<std::string> nonempty_string_field(object parent, std::string_view key);

/// The field when it is a boolean.
std::optional<bool> bool_field(object parent, std::string_view key);

/// An id: a non-empty string as is, or an integer written with its exact
/// decimal digits (a 19-digit TikTok id never goes through a double).
/// Fractions, exponents, integers beyond 64 bits and empty strings are no id.
std::optional<std::string> id_of(element value);

/// id_of() applied to a field.
std::optional<std::string> id_field(object parent, std::string_view key);

/// A counter: a non-negative integer, given as a JSON number or as a string
/// of decimal digits (YouTube). Negative, fractional, oversized or other
/// values are not a count (nullopt: "not reported").
std::optional<std::int64_t> count_of(element value);

/// count_of() applied to a field.
std::optional<std::int64_t> count_field(object parent, std::string_view key);

/// The cleaned strings of an array, skipping elements that are not strings.
std::vector<std::string> strings_of(array values);

/// For an array of objects, the cleaned string field `key` of each object
/// that has one.
std::vector<std::string> member_strings(array values, std::string_view key);

/// A short, printable rendering of a field's value for error details
/// ("missing", "null", or its JSON text cut to about 60 bytes).
std::string describe_field(object parent, std::string_view key);

}  // namespace smelt::decode
