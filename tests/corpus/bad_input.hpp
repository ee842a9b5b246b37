#pragma once

// The bad-input corpus: messages nobody should send, each with the outcome
// smelt promises for it. bad_input_corpus_test.cpp produces every case to a
// real broker, runs `smelt ingest`, `smelt refresh` and `smelt check`, and
// asserts each outcome. Large and binary cases are built here rather than
// stored. docs/bad-input.md lists the kinds and what smelt does with each.
#include <string>
#include <vector>

namespace smelt::corpus {

/// Where a case must end up.
enum class Expect {
  reject,        ///< bronze.rejects with `reason` (an ingest reject reason)
  silver,        ///< bronze.events, then a row in silver.`table` with `id` matching `predicate`
  decode_error,  ///< bronze.events, then no row: the decoder records `reason`
};

/// One case of the corpus.
struct Case {
  std::string name;       ///< unique; also the Kafka key
  std::string message;    ///< the message value, byte for byte
  Expect expect;          ///< the outcome
  std::string reason;     ///< reject: rejects.reason; decode_error: the decode error reason
  std::string table;      ///< silver: posts, comments or users
  std::string source;     ///< silver: the row's source
  std::string id;         ///< silver: post_id, comment_id or user_id
  std::string predicate;  ///< silver: SQL condition the row satisfies ("true" when none)
};

/// Every case, in the order they are produced.
std::vector<Case> bad_input_cases();

/// Messages larger than this are rejected by ingest as oversized (its
/// --max-message-bytes default).
inline constexpr std::size_t INGEST_MAX_MESSAGE_BYTES = 1 << 20;

}  // namespace smelt::corpus
