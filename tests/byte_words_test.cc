#include "whosaid/internal/byte_words.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace whosaid::internal {
namespace {

// Each test of a word says nonzero exactly when one of its bytes passes
// the same test made a byte at a time: every byte value at every place
// among backgrounds that are near the limits.
TEST(ByteWordsTest, AgreeWithBytewiseTests) {
  for (const char background : {'a', ' ', '!', '#', '[', ']', '\x7F', '\0'}) {
    for (int byte = 0; byte < 0x100; ++byte) {
      for (int at = 0; at < 8; ++at) {
        std::string bytes(8, background);
        bytes[at] = static_cast<char>(byte);
        bool below = false, quote = false, non_ascii = false, special = false;
        for (const char c : bytes) {
          const auto u = static_cast<unsigned char>(c);
          below |= u < 0x20;
          quote |= u == '"';
          non_ascii |= u >= 0x80;
          special |= u < 0x20 || u == '"' || u == '\\';
        }
        const std::uint64_t word = LoadWord(bytes.data());
        EXPECT_EQ(AnyByteBelow(word, 0x20) != 0, below) << byte << at;
        EXPECT_EQ(AnyByteIs(word, '"') != 0, quote) << byte << at;
        EXPECT_EQ(AnyNonAscii(word) != 0, non_ascii) << byte << at;
        EXPECT_EQ(AnyJsonSpecial(word) != 0, special) << byte << at;
      }
    }
  }
}

}  // namespace
}  // namespace whosaid::internal
