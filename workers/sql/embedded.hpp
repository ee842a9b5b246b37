#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace smelt::sql {

/// One SQL file compiled into the binary, keyed by its path in the repository.
struct EmbeddedFile {
  std::string_view path;
  std::string_view text;
};

/// Every file under migrations/ and sql/, sorted by path.
const std::vector<EmbeddedFile>& embedded_files();

/// The text of an embedded file under sql/, e.g. query("queries/ingest/commit_offsets");
/// throws smelt::Error when it does not exist.
std::string_view query(std::string_view name);

}  // namespace smelt::sql
