#include "decode/rows.hpp"

namespace smelt::decode {

std::string_view reason_name(ErrorReason reason) {
  switch (reason) {
    case ErrorReason::invalid_json:
      return "invalid_json";
    case ErrorReason::bad_envelope:
      return "bad_envelope";
    case ErrorReason::unknown_source:
      return "unknown_source";
    case ErrorReason::unknown_kind:
      return "unknown_kind";
    case ErrorReason::unknown_shape:
      return "unknown_shape";
    case ErrorReason::missing_id:
      return "missing_id";
    case ErrorReason::bad_timestamp:
      return "bad_timestamp";
  }
  return "unknown";
}

void Rows::clear() noexcept {
  posts.clear();
  comments.clear();
  users.clear();
  errors.clear();
}

}  // namespace smelt::decode
