#include "generate/ids.hpp"

#include <algorithm>
#include <charconv>

#include "generate/random.hpp"

namespace smelt::generate {
namespace {

constexpr char BASE64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::uint64_t WORKER_MASK = 0x3ff;
constexpr std::uint64_t SEQUENCE_MASK = 0xfff;

}  // namespace

std::uint64_t x_snowflake(std::int64_t epoch_ms, std::uint64_t worker, std::uint64_t sequence) noexcept {
  const auto since = static_cast<std::uint64_t>(std::max<std::int64_t>(epoch_ms - X_EPOCH_MS, 1));
  return (since << 22) | ((worker & WORKER_MASK) << 12) | (sequence & SEQUENCE_MASK);
}

std::uint64_t tiktok_id(std::int64_t epoch_ms, std::uint64_t unique) noexcept {
  const auto seconds = static_cast<std::uint64_t>(std::max<std::int64_t>(epoch_ms / 1000, 0));
  return (seconds << 32) | (unique & 0xffffffffULL);
}

std::uint64_t scrambled_id(std::uint64_t prefix, std::uint64_t serial, std::uint64_t multiplier,
                           std::uint64_t salt, std::uint64_t modulus) noexcept {
  const Uint128 product = static_cast<Uint128>(serial) * multiplier + salt;
  return prefix + static_cast<std::uint64_t>(product % modulus);
}

std::string base36(std::uint64_t value) {
  char buffer[16];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, 36);
  return std::string(buffer, result.ptr);
}

void append_base64url(std::string& out, std::uint64_t value, int count) {
  for (int i = 0; i < count; ++i) {
    out += BASE64URL[(value >> 58) & 0x3f];
    value = (value << 6) | (value >> 58);
  }
}

void append_decimal(std::string& out, std::uint64_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

}  // namespace smelt::generate
