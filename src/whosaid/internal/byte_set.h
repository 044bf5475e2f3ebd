// Sets of bytes, for passing quickly over text to the few bytes a scanner
// has anything to do at (terminal punctuation, the lead byte of a quotation
// mark, a line break). Most bytes of news text are ASCII letters and
// spaces; testing each against one table is far cheaper than trying a
// multi-byte compare at every position.
#ifndef WHOSAID_INTERNAL_BYTE_SET_H_
#define WHOSAID_INTERNAL_BYTE_SET_H_

#include <array>
#include <cstddef>
#include <string_view>

namespace whosaid::internal {

// A set of byte values: set[b] is true when b is in it.
using ByteSet = std::array<bool, 256>;

// The set of the bytes of `bytes` (which may include bytes >= 0x80, written
// as escapes: "\xC2\xE2").
constexpr ByteSet MakeByteSet(std::string_view bytes) {
  ByteSet set{};
  for (char c : bytes) set[static_cast<unsigned char>(c)] = true;
  return set;
}

// The first offset in [pos, end) of `text` whose byte is in `set`, or
// `end` when there is none (also when pos >= end). `end` must not exceed
// text.size(). Reads each
// byte once; four at a time, so that a run of uninteresting bytes costs one
// branch per four bytes rather than one per byte.
inline std::size_t FindByteIn(std::string_view text, std::size_t pos,
                              std::size_t end, const ByteSet& set) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (pos + 4 <= end &&
         !(set[s[pos]] | set[s[pos + 1]] | set[s[pos + 2]] | set[s[pos + 3]])) {
    pos += 4;
  }
  while (pos < end && !set[s[pos]]) ++pos;
  return pos < end ? pos : end;
}

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_BYTE_SET_H_
