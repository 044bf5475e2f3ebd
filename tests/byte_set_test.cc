#include "whosaid/internal/byte_set.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid::internal {
namespace {

constexpr ByteSet kStops = MakeByteSet(".\xE2\xFF");

TEST(MakeByteSetTest, HoldsExactlyTheGivenBytes) {
  int members = 0;
  for (int b = 0; b < 256; ++b) members += kStops[b] ? 1 : 0;
  EXPECT_EQ(members, 3);
  EXPECT_TRUE(kStops['.']);
  EXPECT_TRUE(kStops[0xE2]);
  EXPECT_TRUE(kStops[0xFF]);
  EXPECT_FALSE(kStops[0]);
  EXPECT_FALSE(MakeByteSet("")['.']);
}

// The search reads several bytes at a time: the first member must be found
// at any offset, whatever the start and the end of the range.
TEST(FindByteInTest, FindsTheFirstMemberAtEveryOffset) {
  for (std::size_t size = 0; size < 20; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      std::string text(size, 'a');
      text[at] = '\xE2';
      if (at + 2 < size) text[at + 2] = '.';  // a later member is not first
      for (std::size_t pos = 0; pos <= size; ++pos) {
        for (std::size_t end = pos; end <= size; ++end) {
          const std::size_t expected =
              pos <= at && at < end                            ? at
              : pos <= at + 2 && at + 2 < end && at + 2 < size ? at + 2
                                                               : end;
          EXPECT_EQ(FindByteIn(text, pos, end, kStops), expected)
              << "size " << size << " at " << at << " pos " << pos << " end "
              << end;
        }
      }
    }
  }
}

TEST(FindByteInTest, ReturnsTheEndWhenNothingMatches) {
  const std::string text = "no stops in here at all";
  EXPECT_EQ(FindByteIn(text, 0, text.size(), kStops), text.size());
  EXPECT_EQ(FindByteIn(text, 5, 9, kStops), 9u);
  EXPECT_EQ(FindByteIn(text, 9, 5, kStops), 5u);  // an empty range
  EXPECT_EQ(FindByteIn("", 0, 0, kStops), 0u);
}

TEST(FindByteInTest, StopsAtTheByteNotPastIt) {
  const std::string text = "ab.\xE2\x80\x9C.";
  EXPECT_EQ(FindByteIn(text, 0, text.size(), kStops), 2u);
  EXPECT_EQ(FindByteIn(text, 3, text.size(), kStops), 3u);
  EXPECT_EQ(FindByteIn(text, 4, text.size(), kStops), 6u);
}

}  // namespace
}  // namespace whosaid::internal
