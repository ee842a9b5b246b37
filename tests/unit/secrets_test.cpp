#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "common/secrets.hpp"
#include "kafka/client.hpp"

namespace smelt {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Secrets, ConninfoPasswordsAreLearntAndRedactedAnywhere) {
  secrets::learn_from("host=db user=ann password='pa ss\\'w0rd' dbname=smelt");
  const std::string text = secrets::redact("FATAL: nope for 'pa ss'w0rd' and pa ss'w0rd");
  EXPECT_FALSE(contains(text, "pa ss'w0rd")) << text;
}

TEST(Secrets, UriPasswordsAreRedactedInsideLibpqMessages) {
  secrets::learn_from("postgresql://ann:h%40nter2x@[::1/smelt");
  // libpq echoes a URI it cannot parse in full.
  const std::string message =
      "end of string reached when looking for matching \"]\" in IPv6 host address in URI: "
      "\"postgresql://ann:h%40nter2x@[::1/smelt\"";
  const std::string text = secrets::redact(message);
  EXPECT_FALSE(contains(text, "h%40nter2x")) << text;
  EXPECT_TRUE(contains(text, "postgresql://ann:***@")) << text;
  EXPECT_FALSE(contains(secrets::redact("decoded h@nter2x"), "h@nter2x"));
}

TEST(Secrets, UriQueryPasswordsAreRedacted) {
  secrets::learn_from("postgresql://db/smelt?sslmode=require&password=qu3ryPass&application_name=x");
  EXPECT_EQ(secrets::redact("password is qu3ryPass"), "password is ***");
}

TEST(Secrets, KafkaSecretPropertiesAreLearntFromLists) {
  secrets::learn_from("security.protocol=SASL_SSL,sasl.mechanism=PLAIN,sasl.username=bob,"
                      "sasl.password=s3cr3t,with,commas,ssl.key.password=k3yPass");
  EXPECT_EQ(secrets::redact("x s3cr3t,with,commas y k3yPass"), "x *** y ***");
  EXPECT_EQ(secrets::redact("user bob"), "user bob") << "user names are not secrets";
  EXPECT_TRUE(secrets::is_secret_key("sasl.oauthbearer.client.secret"));
  EXPECT_TRUE(kafka::is_secret_property("ssl.keystore.password"));
  EXPECT_FALSE(secrets::is_secret_key("sasl.username"));
}

TEST(Secrets, RedactingTwiceKeepsTheText) {
  const std::string once = "cannot connect (" + config::redact_conninfo("host=/x password=pw12345") + "): refused";
  EXPECT_EQ(once, "cannot connect (host=/x password=***): refused");
  EXPECT_EQ(secrets::redact(once), once);
}

TEST(Secrets, JsonEscapedFormsAreRedactedToo) {
  secrets::learn("q\"uote\\pass");
  EXPECT_EQ(secrets::redact(R"({"detail":"q\"uote\\pass"})"), R"({"detail":"***"})");
}

TEST(Secrets, ArgumentsAreOverwrittenInPlace) {
  std::vector<std::string> storage = {"smelt", "ingest", "-d", "host=x password=argvS3cret", "-X",
                                      "sasl.password=argvSasl", "--topic", "events"};
  std::vector<char*> argv;
  for (auto& arg : storage) argv.push_back(arg.data());
  secrets::learn_from_process(static_cast<int>(argv.size()), argv.data());
  secrets::hide_in_arguments(static_cast<int>(argv.size()), argv.data());
  EXPECT_STREQ(argv[3], "host=x password=**********");
  EXPECT_STREQ(argv[5], "sasl.password=********");
  EXPECT_STREQ(argv[7], "events");
}

}  // namespace
}  // namespace smelt
