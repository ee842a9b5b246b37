#include "cli/app.hpp"
#include "common/error.hpp"

namespace smelt::cli {

void add_broker_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("broker", "(being built)");
  command->callback([&action] { action = [] { throw Error(ExitCode::failure, "broker: not built yet"); }; });
}

}  // namespace smelt::cli
