// smelt broker is a real Kafka-protocol broker: kcat, an independent client,
// produces to it and consumes from it.
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>

#include "support/process.hpp"

namespace smelt::testing {
namespace {

using namespace std::chrono_literals;

TEST(BrokerTest, KcatProducesAndConsumes) {
  BrokerProcess broker(3, "kcat.test");
  auto input = "/tmp/smelt_broker_test_" + std::to_string(getpid()) + ".txt";
  std::ofstream(input) << "k1|hello\nk2|wörld\nk1|again\n";
  auto produced = run_command({"/usr/bin/kcat", "-P", "-b", broker.bootstrap(), "-t", "kcat.test", "-K", "|", "-l", input});
  ASSERT_EQ(produced.code, 0) << produced.err;
  auto consumed = run_command(
      {"/usr/bin/kcat", "-C", "-b", broker.bootstrap(), "-t", "kcat.test", "-e", "-q", "-f", "%k=%s\n"});
  ASSERT_EQ(consumed.code, 0) << consumed.err;
  for (const char* line : {"k1=hello\n", "k2=wörld\n", "k1=again\n"}) {
    EXPECT_NE(consumed.out.find(line), std::string::npos) << consumed.out;
  }
  // The same key lands in one partition, in order.
  auto first = consumed.out.find("k1=hello");
  auto second = consumed.out.find("k1=again");
  EXPECT_LT(first, second);
  auto metadata = run_command({"/usr/bin/kcat", "-L", "-b", broker.bootstrap(), "-t", "kcat.test"});
  EXPECT_NE(metadata.out.find("3 partitions"), std::string::npos) << metadata.out;
  broker.process().signal(SIGTERM);
  EXPECT_EQ(broker.process().wait(10s), 0) << broker.process().err();
  std::remove(input.c_str());
}

TEST(BrokerTest, WritesAndRemovesTheBootstrapFile) {
  auto path = "/tmp/smelt_broker_test_" + std::to_string(getpid()) + ".addr";
  Process broker({SMELT_BINARY, "broker", "--bootstrap-file", path});
  ASSERT_TRUE(eventually([&] { return std::ifstream(path).good(); }, 20s)) << broker.err();
  std::string address;
  std::getline(std::ifstream(path) >> std::ws, address);
  EXPECT_NE(broker.out().find("bootstrap=" + address), std::string::npos);
  broker.signal(SIGINT);
  EXPECT_EQ(broker.wait(10s), 0);
  EXPECT_FALSE(std::ifstream(path).good()) << "removed on exit";
}

}  // namespace
}  // namespace smelt::testing
