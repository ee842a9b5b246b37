#include "cli/app.hpp"
#include "common/error.hpp"

namespace smelt::cli {

void add_migrate_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("migrate", "(being built)");
  command->callback([&action] { action = [] { throw Error(ExitCode::failure, "migrate: not built yet"); }; });
}

}  // namespace smelt::cli
