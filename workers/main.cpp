#include "cli/app.hpp"

int main(int argc, char** argv) { return smelt::cli::run(argc, argv); }
