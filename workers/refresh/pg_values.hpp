#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Reading fields of libpq text results, and writing the array parameters
// the refresh statements take.
namespace smelt::refresh {

/// The text of a field; "" for NULL.
std::string_view text_at(const PGresult* result, int row, int column);

/// True when a field is NULL.
bool null_at(const PGresult* result, int row, int column);

/// An integer field; 0 for NULL. Throws smelt::Error on anything else.
std::int64_t int_at(const PGresult* result, int row, int column);

/// A floating-point field; 0 for NULL. Throws smelt::Error on anything else.
double double_at(const PGresult* result, int row, int column);

/// A bigint[] parameter in array-literal form: "{1,2,3}".
std::string bigint_array(const std::vector<std::int64_t>& values);

/// The current time as a timestamptz parameter: "2026-11-22T10:15:03.120000Z".
std::string utc_now();

/// A JSON array of strings ("[\"a\",\"b\"]"), for parameters a statement
/// unpacks with jsonb_array_elements_text.
std::string json_strings(const std::vector<std::string>& values);

}  // namespace smelt::refresh
