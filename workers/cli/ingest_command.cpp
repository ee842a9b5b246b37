#include "cli/app.hpp"
#include "common/error.hpp"

namespace smelt::cli {

void add_ingest_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("ingest", "(being built)");
  command->callback([&action] { action = [] { throw Error(ExitCode::failure, "ingest: not built yet"); }; });
}

}  // namespace smelt::cli
