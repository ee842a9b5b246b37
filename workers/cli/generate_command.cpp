#include "cli/app.hpp"
#include "common/error.hpp"

namespace smelt::cli {

void add_generate_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("generate", "(being built)");
  command->callback([&action] { action = [] { throw Error(ExitCode::failure, "generate: not built yet"); }; });
}

}  // namespace smelt::cli
