#pragma once

#include <string>
#include <string_view>

namespace smelt::pg {

/// Appends a value in COPY text format: backslash, tab, newline and CR escaped.
void append_copy_text(std::string& out, std::string_view value);
/// Appends bytes as a bytea value in COPY text format (\\x followed by hex).
void append_copy_bytea(std::string& out, std::string_view bytes);
/// Appends the COPY text NULL marker.
inline void append_copy_null(std::string& out) { out += "\\N"; }

}  // namespace smelt::pg
