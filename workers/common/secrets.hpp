#pragma once

#include <string>
#include <string_view>

// Secrets (database passwords, Kafka SASL and key passwords) never reach a
// log line, an error message or the process list. The values are learnt once
// from the command line, the environment and the config file; every log line
// and error message is scrubbed of them, and so are the process's own
// arguments as /proc/<pid>/cmdline shows them.
namespace smelt::secrets {

/// True for a Kafka client property whose value is secret (sasl.password,
/// ssl.key.password, ssl.key.pem, sasl.oauthbearer.client.secret, ...).
bool is_secret_key(std::string_view key);

/// Remembers every secret found in `text`: the password of a libpq conninfo
/// (`password=`, `sslpassword=`) or URI (`postgresql://user:PASSWORD@`,
/// `?password=`), and the value of each secret Kafka property in a
/// `key=value` list. Values shorter than 3 characters are not remembered.
void learn_from(std::string_view text);

/// Remembers `value` itself as a secret (PGPASSWORD, say).
void learn(std::string_view value);

/// `text` with every remembered secret (also as JSON would escape it) and
/// every conninfo/URI password replaced by "***".
std::string redact(std::string_view text);

/// Learns the secrets in argv and in the SMELT_* and PGPASSWORD environment
/// variables (a config file's entries are there by then).
void learn_from_process(int argc, const char* const* argv);

/// Overwrites every learnt secret inside argv with '*', so that ps and
/// /proc/<pid>/cmdline no longer show it. Call once argv has been parsed.
void hide_in_arguments(int argc, char** argv);

}  // namespace smelt::secrets
