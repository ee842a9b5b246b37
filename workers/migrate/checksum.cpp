#include "migrate/checksum.hpp"

#include <array>
#include <bit>
#include <cstdint>

namespace smelt::migrate {
namespace {

using Block = std::array<std::uint8_t, 64>;
using Digest = std::array<std::uint32_t, 8>;

constexpr std::array<std::uint32_t, 64> ROUND_CONSTANTS = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr Digest INITIAL_DIGEST = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

std::array<std::uint32_t, 64> message_schedule(const Block& block) {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t i = 0; i < 16; ++i) {
    w[i] = static_cast<std::uint32_t>(block[4 * i]) << 24 |
           static_cast<std::uint32_t>(block[4 * i + 1]) << 16 |
           static_cast<std::uint32_t>(block[4 * i + 2]) << 8 | static_cast<std::uint32_t>(block[4 * i + 3]);
  }
  for (std::size_t i = 16; i < 64; ++i) {
    const auto s0 = std::rotr(w[i - 15], 7) ^ std::rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const auto s1 = std::rotr(w[i - 2], 17) ^ std::rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  return w;
}

void compress(Digest& digest, const Block& block) {
  const auto w = message_schedule(block);
  auto [a, b, c, d, e, f, g, h] = digest;
  for (std::size_t i = 0; i < 64; ++i) {
    const auto s1 = std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25);
    const auto choice = (e & f) ^ (~e & g);
    const auto t1 = h + s1 + choice + ROUND_CONSTANTS[i] + w[i];
    const auto s0 = std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22);
    const auto majority = (a & b) ^ (a & c) ^ (b & c);
    const auto t2 = s0 + majority;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  const Digest add = {a, b, c, d, e, f, g, h};
  for (std::size_t i = 0; i < 8; ++i) digest[i] += add[i];
}

/// The final one or two blocks: the tail of the message, 0x80, zeros and the bit length.
void compress_tail(Digest& digest, std::string_view tail, std::uint64_t total_bytes) {
  std::array<std::uint8_t, 128> padded{};
  for (std::size_t i = 0; i < tail.size(); ++i) padded[i] = static_cast<std::uint8_t>(tail[i]);
  padded[tail.size()] = 0x80;
  const std::size_t length = tail.size() + 9 <= 64 ? 64 : 128;
  const std::uint64_t bits = total_bytes * 8;
  for (std::size_t i = 0; i < 8; ++i) padded[length - 1 - i] = static_cast<std::uint8_t>(bits >> (8 * i));
  for (std::size_t offset = 0; offset < length; offset += 64) {
    Block block{};
    for (std::size_t i = 0; i < 64; ++i) block[i] = padded[offset + i];
    compress(digest, block);
  }
}

std::string to_hex(const Digest& digest) {
  constexpr const char* HEX_DIGITS = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (auto word : digest) {
    for (int shift = 28; shift >= 0; shift -= 4) out += HEX_DIGITS[(word >> shift) & 0xfu];
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Digest digest = INITIAL_DIGEST;
  std::size_t offset = 0;
  for (; bytes.size() - offset >= 64; offset += 64) {
    Block block{};
    for (std::size_t i = 0; i < 64; ++i) block[i] = static_cast<std::uint8_t>(bytes[offset + i]);
    compress(digest, block);
  }
  compress_tail(digest, bytes.substr(offset), bytes.size());
  return to_hex(digest);
}

}  // namespace smelt::migrate
