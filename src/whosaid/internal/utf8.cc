#include "whosaid/internal/utf8.h"

#include "whosaid/internal/byte_words.h"

namespace whosaid::internal {

std::optional<std::size_t> FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Most text is ASCII, which is always valid: eight bytes a step.
    while (n - i >= 8 && !AnyNonAscii(LoadWord(text.data() + i))) i += 8;
    if (i == n) break;
    if (s[i] < 0x80) {
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
