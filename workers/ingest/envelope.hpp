#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace smelt::ingest {

/// Why a message could not be stored as received (bronze.rejects.reason).
enum class RejectReason { invalid_utf8, nul_byte, invalid_json, not_an_object, missing_field, bad_field, oversized };

/// The reason as stored in bronze.rejects.reason.
std::string_view to_string(RejectReason reason);

/// The envelope fields extracted beside the raw bytes for cheap filtering.
struct Envelope {
  std::string_view source;  ///< one of SOURCES (static storage)
  std::string_view kind;    ///< one of KINDS (static storage)
  std::int64_t observed_at_us = 0;
};

/// A message that goes to bronze.rejects.
struct Rejection {
  RejectReason reason;
  std::string detail;
};

/// The verdict on one message: stored in bronze (Envelope) or rejected.
using Verdict = std::variant<Envelope, Rejection>;

/// Decides, for each raw Kafka message, whether PostgreSQL can store it as
/// received and what its envelope says. Checks, in order: size, NUL bytes,
/// UTF-8, JSON syntax, a top-level object, the fields source, kind,
/// observed_at and payload, and their values. Reuses one parser: not thread-safe.
class EnvelopeReader {
 public:
  /// max_message_bytes: larger messages are rejected as oversized.
  explicit EnvelopeReader(size_t max_message_bytes);
  /// The verdict on one message.
  Verdict read(std::string_view message);

 private:
  Verdict read_fields(simdjson::dom::object object);
  size_t max_message_bytes_;
  simdjson::dom::parser parser_;
  std::string scratch_;  ///< a copy with integers beyond 64 bits quoted, when needed
};

}  // namespace smelt::ingest
