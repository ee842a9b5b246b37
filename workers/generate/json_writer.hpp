#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace smelt::generate {

/// Appends JSON to a std::string without building a document: the caller
/// writes keys and values in order and the writer places commas and escapes
/// strings. Keys are trusted literals and are not escaped.
class JsonWriter {
 public:
  /// Writes into `out` (appends; never clears it).
  explicit JsonWriter(std::string& out) noexcept : out_(out) {}

  /// `{`
  void begin_object() {
    separate();
    out_ += '{';
    need_comma_ = false;
  }
  /// `}`
  void end_object() {
    out_ += '}';
    need_comma_ = true;
  }
  /// `[`
  void begin_array() {
    separate();
    out_ += '[';
    need_comma_ = false;
  }
  /// `]`
  void end_array() {
    out_ += ']';
    need_comma_ = true;
  }
  /// `"name":` (the value must follow).
  void key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    need_comma_ = false;
  }
  /// A string value, escaped.
  void string(std::string_view text) {
    separate();
    out_ += '"';
    append_escaped(text);
    out_ += '"';
    need_comma_ = true;
  }
  /// A signed integer value.
  void number(std::int64_t value) {
    separate();
    append_integer(value);
    need_comma_ = true;
  }
  /// An unsigned integer value.
  void number(std::uint64_t value) {
    separate();
    append_integer(value);
    need_comma_ = true;
  }
  /// An unsigned integer written as a JSON string ("7920"), as YouTube does.
  void number_string(std::uint64_t value) {
    separate();
    out_ += '"';
    append_integer(value);
    out_ += '"';
    need_comma_ = true;
  }
  /// A floating-point value with a fixed number of decimals.
  void fixed(double value, int decimals) {
    separate();
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    out_.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
    need_comma_ = true;
  }
  /// true or false.
  void boolean(bool value) {
    separate();
    out_ += value ? "true" : "false";
    need_comma_ = true;
  }
  /// null.
  void null() {
    separate();
    out_ += "null";
    need_comma_ = true;
  }
  /// A string value whose characters `append(std::string&)` writes straight
  /// into the buffer; they must need no escaping (timestamps, ids).
  template <typename Append>
  void string_with(Append&& append) {
    separate();
    out_ += '"';
    append(out_);
    out_ += '"';
    need_comma_ = true;
  }
  /// Already-valid JSON text written as one value.
  void raw(std::string_view json) {
    separate();
    out_ += json;
    need_comma_ = true;
  }

  /// `"name":"text"`
  void field(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }
  /// `"name":"text"` (a literal).
  void field(std::string_view name, const char* text) { field(name, std::string_view(text)); }
  /// `"name":123`
  void field(std::string_view name, std::int64_t value) {
    key(name);
    number(value);
  }
  /// `"name":123`
  void field(std::string_view name, std::uint64_t value) {
    key(name);
    number(value);
  }
  /// `"name":123`
  void field(std::string_view name, int value) { field(name, static_cast<std::int64_t>(value)); }
  /// `"name":true`
  void field(std::string_view name, bool value) {
    key(name);
    boolean(value);
  }
  /// `"name":null`
  void null_field(std::string_view name) {
    key(name);
    null();
  }

  /// Appends `text` with JSON string escaping (no quotes) to `out`.
  static void escape_into(std::string& out, std::string_view text) {
    std::size_t run_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(text.data() + run_start, i - run_start);
      append_escape(out, c);
      run_start = i + 1;
    }
    out.append(text.data() + run_start, text.size() - run_start);
  }

 private:
  void separate() {
    if (need_comma_) out_ += ',';
  }
  void append_escaped(std::string_view text) { escape_into(out_, text); }
  template <typename Integer>
  void append_integer(Integer value) {
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
  }
  static void append_escape(std::string& out, unsigned char c) {
    static constexpr char HEX_DIGITS[] = "0123456789abcdef";
    switch (c) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      default:
        out += "\\u00";
        out += HEX_DIGITS[c >> 4];
        out += HEX_DIGITS[c & 0xf];
    }
  }

  std::string& out_;
  bool need_comma_ = false;
};

}  // namespace smelt::generate
