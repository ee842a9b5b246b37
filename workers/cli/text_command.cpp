#include "cli/app.hpp"
#include "common/error.hpp"

namespace smelt::cli {

void add_text_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("text", "(being built)");
  command->callback([&action] { action = [] { throw Error(ExitCode::failure, "text: not built yet"); }; });
}

}  // namespace smelt::cli
