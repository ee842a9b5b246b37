#include "support/private_pg.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "support/process.hpp"

namespace smelt::testing {
namespace {

// The socket lives in the private directory, so the port only has to differ
// from nothing else.
constexpr const char* PORT = "5432";

std::string pg_script() { return std::string(SMELT_TESTS_DIR) + "/../scripts/pg.sh"; }

std::string last_line(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  auto newline = text.rfind('\n');
  return newline == std::string::npos ? text : text.substr(newline + 1);
}

}  // namespace

PrivatePostgres::PrivatePostgres() {
  char pattern[] = "/tmp/smelt-private-pg.XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  auto started = run_command({"/bin/bash", pg_script(), "start", dir_}, {{"SMELT_PG_PORT", PORT}});
  if (started.code != 0) throw std::runtime_error("cannot start a private PostgreSQL: " + started.err);
  conninfo_ = last_line(started.out);
}

PrivatePostgres::~PrivatePostgres() { run_command({"/bin/bash", pg_script(), "wipe", dir_}, {{"SMELT_PG_PORT", PORT}}); }

void PrivatePostgres::stop(const std::string& mode) {
  auto stopped = run_command({"/bin/bash", pg_script(), "stop", dir_}, {{"SMELT_PG_PORT", PORT}, {"SMELT_PG_STOP_MODE", mode}});
  ASSERT_EQ(stopped.code, 0) << stopped.err;
}

void PrivatePostgres::start() {
  auto started = run_command({"/bin/bash", pg_script(), "start", dir_}, {{"SMELT_PG_PORT", PORT}});
  ASSERT_EQ(started.code, 0) << started.err;
}

}  // namespace smelt::testing
