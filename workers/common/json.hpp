#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

// JSON parsing for messages from the platforms. JSON allows integers of any
// size and the platforms use that (a TikTok Research API page can carry a
// 20-digit id), but simdjson stops at 64 bits. Such integers are read as
// strings of their exact digits, which is what ids are in silver; the
// message itself is never changed.
namespace smelt::json {

/// Parses `text` into `parser`'s DOM; integer literals beyond 64 bits are read
/// as strings of their digits (the parse then goes through a rewritten copy
/// held in `scratch`). Returns simdjson's error for anything else.
simdjson::error_code parse(simdjson::dom::parser& parser, std::string_view text, std::string& scratch,
                           simdjson::dom::element& root);

/// `text` with every integer literal outside strings that fits in neither
/// int64 nor uint64 put in double quotes; nullopt when there is none.
/// Nothing else changes, so the copy is valid JSON exactly when `text` is.
std::optional<std::string> quote_big_integers(std::string_view text);

}  // namespace smelt::json
