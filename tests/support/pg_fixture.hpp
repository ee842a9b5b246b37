#pragma once

#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <string>

namespace smelt::testing {

/// A fresh, empty database for one test on the throwaway server that the test
/// command starts (SMELT_TEST_DATABASE holds a conninfo of a role that may
/// create databases). Dropped again in TearDown. Tests using it fail, rather
/// than skip, when SMELT_TEST_DATABASE is missing: run them via scripts/test.sh.
class PgTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// conninfo of the fresh database.
  const std::string& conninfo() const { return conninfo_; }
  /// Runs a query on the fresh database and returns the first field as text ("" for NULL or no row).
  std::string scalar(const std::string& query);
  /// Runs statements on the fresh database.
  void exec(const std::string& statements);

 private:
  std::string admin_conninfo_;
  std::string database_;
  std::string conninfo_;
};

/// The conninfo of the test server's maintenance database; fails the test when unset.
std::string admin_conninfo();

}  // namespace smelt::testing
