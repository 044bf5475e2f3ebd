#include "whosaid/internal/utf8.h"

#include <cstdint>
#include <cstring>

namespace whosaid::internal {
namespace {

// Whether the eight bytes at `s` are all ASCII (none has its top bit set).
bool AllAscii8(const unsigned char* s) {
  std::uint64_t word;
  std::memcpy(&word, s, sizeof word);  // compiles to one unaligned load
  return (word & 0x8080808080808080u) == 0;
}

}  // namespace

std::optional<std::size_t> FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Most text is ASCII, which is always valid: eight bytes a step.
    while (n - i >= 8 && AllAscii8(s + i)) i += 8;
    if (i == n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Length of the sequence and the valid range of its second byte
    // (Unicode Table 3-7), which rules out overlongs and surrogates.
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (int k = 2; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace whosaid::internal
