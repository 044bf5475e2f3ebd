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
    const std::size_t len = Utf8MultiByteLength(s + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

}  // namespace whosaid::internal
