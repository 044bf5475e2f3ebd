// Tests on eight bytes at a time, for the loops that look for the few
// bytes that matter in long runs of plain text (JSON strings, UTF-8).
#ifndef WHOSAID_INTERNAL_BYTE_WORDS_H_
#define WHOSAID_INTERNAL_BYTE_WORDS_H_

#include <cstdint>
#include <cstring>

namespace whosaid::internal {

constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// The eight bytes at `p`, which need no alignment.
inline std::uint64_t LoadWord(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Nonzero when a byte of `word` is below `limit` (at most 0x80). The
// borrows can only mark more bytes when one is marked rightly, so
// nonzero is exact.
constexpr std::uint64_t AnyByteBelow(std::uint64_t word, unsigned limit) {
  return (word - kEveryByte * limit) & ~word & kHighBits;
}

// Nonzero when a byte of `word` is `byte`.
constexpr std::uint64_t AnyByteIs(std::uint64_t word, unsigned char byte) {
  return AnyByteBelow(word ^ (kEveryByte * byte), 1);
}

// Nonzero when a byte of `word` is not ASCII.
constexpr std::uint64_t AnyNonAscii(std::uint64_t word) {
  return word & kHighBits;
}

// Nonzero when a byte of `word` cannot stand for itself in a JSON string:
// a control character, '"' or '\\'.
constexpr std::uint64_t AnyJsonSpecial(std::uint64_t word) {
  return AnyByteBelow(word, 0x20) | AnyByteIs(word, '"') |
         AnyByteIs(word, '\\');
}

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_BYTE_WORDS_H_
