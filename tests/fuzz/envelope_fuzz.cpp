// libFuzzer target: the ingest envelope check on raw Kafka message bytes.
// Every message gets a verdict; a rejection's detail goes into
// bronze.rejects.detail, so it must be storable text; an accepted envelope
// names a known source and kind.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/json.hpp"
#include "fuzz_support.hpp"
#include "ingest/envelope.hpp"

namespace {

constexpr std::size_t MAX_MESSAGE_BYTES = 1 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static smelt::ingest::EnvelopeReader reader(MAX_MESSAGE_BYTES);
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  const auto verdict = reader.read(message);
  if (const auto* rejection = std::get_if<smelt::ingest::Rejection>(&verdict)) {
    smelt::fuzz::require_storable(rejection->detail, "rejection detail");
    smelt::fuzz::require_storable(smelt::ingest::to_string(rejection->reason), "rejection reason");
  } else {
    const auto& envelope = std::get<smelt::ingest::Envelope>(verdict);
    if (envelope.source.empty() || envelope.kind.empty()) std::abort();
  }
  // The big-integer rewrite on its own: it never changes a document without
  // an integer beyond 64 bits, and it keeps the length plus two quotes each.
  if (const auto quoted = smelt::json::quote_big_integers(message)) {
    if (quoted->size() <= message.size() || (quoted->size() - message.size()) % 2 != 0) std::abort();
  }
  return 0;
}
