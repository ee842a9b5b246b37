#include "ingest/copy_text.hpp"

namespace smelt::pg {

void append_copy_text(std::string& out, std::string_view value) {
  size_t start = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char* escape = nullptr;
    switch (value[i]) {
      case '\\': escape = "\\\\"; break;
      case '\t': escape = "\\t"; break;
      case '\n': escape = "\\n"; break;
      case '\r': escape = "\\r"; break;
      default: continue;
    }
    out.append(value.data() + start, i - start);
    out += escape;
    start = i + 1;
  }
  out.append(value.data() + start, value.size() - start);
}

void append_copy_bytea(std::string& out, std::string_view bytes) {
  static constexpr char HEX[] = "0123456789abcdef";
  out += "\\\\x";
  const size_t begin = out.size();
  out.resize(begin + bytes.size() * 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    out[begin + 2 * i] = HEX[byte >> 4];
    out[begin + 2 * i + 1] = HEX[byte & 0x0f];
  }
}

}  // namespace smelt::pg
