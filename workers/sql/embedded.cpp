#include "sql/embedded.hpp"

#include "common/error.hpp"

namespace smelt::sql {

std::string_view query(std::string_view name) {
  const std::string path = "sql/" + std::string(name) + ".sql";
  for (const auto& file : embedded_files()) {
    if (file.path == path) return file.text;
  }
  throw Error(ExitCode::failure, "no embedded SQL file " + path);
}

}  // namespace smelt::sql
