#include "support/pg_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

namespace smelt::testing {

std::string admin_conninfo() {
  const char* env = std::getenv("SMELT_TEST_DATABASE");
  if (env == nullptr || *env == '\0') {
    ADD_FAILURE() << "SMELT_TEST_DATABASE is not set; run the suite with scripts/test.sh";
    return {};
  }
  return env;
}

void PgTest::SetUp() {
  static std::atomic<int> counter{0};
  admin_conninfo_ = admin_conninfo();
  ASSERT_FALSE(admin_conninfo_.empty());
  database_ = "smelt_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  pqxx::connection admin(admin_conninfo_);
  pqxx::nontransaction tx(admin);
  tx.exec("drop database if exists " + database_);
  tx.exec("create database " + database_);
  conninfo_ = admin_conninfo_ + " dbname=" + database_;
}

void PgTest::TearDown() {
  if (database_.empty()) return;
  try {
    pqxx::connection admin(admin_conninfo_);
    pqxx::nontransaction tx(admin);
    tx.exec("drop database if exists " + database_ + " with (force)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop " << database_ << ": " << e.what();
  }
}

std::string PgTest::scalar(const std::string& query) {
  pqxx::connection connection(conninfo_);
  pqxx::nontransaction tx(connection);
  auto result = tx.exec(query);
  if (result.empty() || result[0][0].is_null()) return {};
  return result[0][0].c_str();
}

void PgTest::exec(const std::string& statements) {
  pqxx::connection connection(conninfo_);
  pqxx::nontransaction tx(connection);
  tx.exec(statements);
}

}  // namespace smelt::testing
