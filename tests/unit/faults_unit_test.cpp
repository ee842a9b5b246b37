// Pieces of the fault handling that need no server: the broker's control
// commands, which PostgreSQL errors are weather, the reconnect back-off.
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "kafka/mock_broker.hpp"
#include "kafka/mock_control.hpp"
#include "pg/retry.hpp"
#include "pg/session.hpp"

namespace smelt {
namespace {

TEST(MockControl, AppliesEveryCommand) {
  kafka::MockBroker broker(2);
  EXPECT_EQ(kafka::apply_mock_command(broker.cluster(), "down"), "broker all down");
  EXPECT_EQ(kafka::apply_mock_command(broker.cluster(), "up 1"), "broker 1 up");
  EXPECT_EQ(kafka::apply_mock_command(broker.cluster(), "rtt 2 100"), "broker 2 answers after 100 ms");
  EXPECT_EQ(kafka::apply_mock_command(broker.cluster(), "errors Heartbeat 3 NOT_COORDINATOR"),
            "next 3 Heartbeat requests fail with NOT_COORDINATOR");
  EXPECT_EQ(kafka::apply_mock_command(broker.cluster(), "errors 1 2 REQUEST_TIMED_OUT"),
            "next 2 1 requests fail with REQUEST_TIMED_OUT");
  EXPECT_EQ(kafka::apply_mock_command(broker.cluster(), "delay 1 Fetch 2 500"),
            "next 2 Fetch responses of broker 1 delayed 500 ms");
}

TEST(MockControl, RefusesWhatItDoesNotKnow) {
  kafka::MockBroker broker(1);
  for (const char* line : {"", "explode", "errors Fetch 3 NO_SUCH_ERROR", "errors Bogus 3 NOT_COORDINATOR",
                           "rtt one 5", "delay 1 Fetch x 5", "down 1 2"}) {
    try {
      kafka::apply_mock_command(broker.cluster(), line);
      ADD_FAILURE() << "accepted: " << line;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage) << line;
    }
  }
}

TEST(PgWeather, TransientStatesAreTheServersNotOurs) {
  for (const char* state : {"08006", "08001", "53100", "53200", "53300", "57P01", "57P03", "57014", "40001", "40P01"}) {
    EXPECT_TRUE(pg::is_transient_sqlstate(state)) << state;
  }
  for (const char* state : {"", "23505", "42P01", "22P02", "42501", "XX000", "0800"}) {
    EXPECT_FALSE(pg::is_transient_sqlstate(state)) << state;
  }
  EXPECT_TRUE(pg::is_disk_full("53100"));
  EXPECT_FALSE(pg::is_disk_full("53200"));
}

TEST(PgRetry, BackOffGrowsToItsCeilingAndZeroMeansForever) {
  EXPECT_EQ(pg::retry_delay(1).count(), 200);
  EXPECT_EQ(pg::retry_delay(3).count(), 600);
  EXPECT_EQ(pg::retry_delay(1000).count(), 5000);
  EXPECT_FALSE(pg::retry_expired(0, 1e9));
  EXPECT_FALSE(pg::retry_expired(60, 59));
  EXPECT_TRUE(pg::retry_expired(60, 61));
}

TEST(PgRetry, KeepTryingRetriesDatabaseErrorsOnlyAndGivesUpAfterItsLimit) {
  int calls = 0;
  pg::keep_trying(10, "test", [&] {
    if (++calls < 3) throw Error(ExitCode::database, "not yet");
  });
  EXPECT_EQ(calls, 3);
  calls = 0;
  EXPECT_THROW(pg::keep_trying(10, "test", [&] {
    ++calls;
    throw Error(ExitCode::usage, "not weather");
  }), Error);
  EXPECT_EQ(calls, 1);
  EXPECT_THROW(pg::keep_trying(0.3, "test", [] { throw Error(ExitCode::database, "down"); }), Error);
}

}  // namespace
}  // namespace smelt
