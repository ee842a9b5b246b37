#include "cli/app.hpp"
#include "common/error.hpp"

namespace smelt::cli {

void add_replay_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("replay", "(being built)");
  command->callback([&action] { action = [] { throw Error(ExitCode::failure, "replay: not built yet"); }; });
}

}  // namespace smelt::cli
