#pragma once

#include <string>
#include <string_view>

namespace smelt::migrate {

/// SHA-256 of the exact bytes, as 64 lowercase hex digits. Identifies the
/// content of a migration file in smelt.schema_history.
std::string sha256_hex(std::string_view bytes);

}  // namespace smelt::migrate
