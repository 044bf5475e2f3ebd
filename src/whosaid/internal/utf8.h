// UTF-8 validity checks.
#ifndef WHOSAID_INTERNAL_UTF8_H_
#define WHOSAID_INTERNAL_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace whosaid::internal {

// The length (2 to 4) of the well-formed multi-byte UTF-8 sequence that
// starts at s[0], a byte of 0x80 or more, or 0 when none starts there
// (overlong forms, surrogates and code points past U+10FFFF are
// ill-formed). Reads no further than s[n - 1]. Inline because scanners call
// it for every non-ASCII character.
inline std::size_t Utf8MultiByteLength(const unsigned char* s, std::size_t n) {
  const unsigned char c = s[0];
  // Length of the sequence and the valid range of its second byte
  // (Unicode Table 3-7), which rules out overlongs and surrogates.
  std::size_t len;
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
    return 0;
  }
  if (len > n || s[1] < lo || s[1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if ((s[k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

// The byte offset of the first byte of `text` that does not start a
// well-formed UTF-8 sequence (overlong forms, surrogates and code points
// past U+10FFFF are ill-formed), or nullopt when all of `text` is valid.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_UTF8_H_
