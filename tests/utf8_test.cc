#include "whosaid/internal/utf8.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>

namespace whosaid::internal {
namespace {

struct Utf8Case {
  const char* name;
  std::string text;
  std::optional<std::size_t> first_invalid;
};

TEST(FirstInvalidUtf8Test, Table) {
  const Utf8Case cases[] = {
      {"empty", "", std::nullopt},
      {"ASCII", "Plain words, 42.", std::nullopt},
      {"NUL is valid ASCII", std::string("a\0b", 3), std::nullopt},
      {"two-byte: e acute", "caf\xC3\xA9", std::nullopt},
      {"three-byte: curly quotes", "\xE2\x80\x9Chi\xE2\x80\x9D", std::nullopt},
      {"three-byte: placeholder brackets", "\xE2\x9F\xA6Q1\xE2\x9F\xA7",
       std::nullopt},
      {"four-byte: emoji", "ok \xF0\x9F\x98\x80", std::nullopt},
      {"largest code point U+10FFFF", "\xF4\x8F\xBF\xBF", std::nullopt},
      {"smallest three-byte U+0800", "\xE0\xA0\x80", std::nullopt},
      {"last before surrogates U+D7FF", "\xED\x9F\xBF", std::nullopt},
      {"first after surrogates U+E000", "\xEE\x80\x80", std::nullopt},
      {"stray continuation byte",
       "ab\x80"
       "cd",
       2},
      {"0xFF is never valid", "\xFF", 0},
      {"0xFE is never valid", "x\xFE", 1},
      {"overlong two-byte C0", "a\xC0\xAF", 1},
      {"overlong two-byte C1", "\xC1\xBF", 0},
      {"overlong three-byte E0 80", "ab\xE0\x80\xAF", 2},
      {"overlong four-byte F0 80", "\xF0\x80\x80\x80", 0},
      {"surrogate U+D800", "abc\xED\xA0\x80", 3},
      {"surrogate U+DFFF", "\xED\xBF\xBF", 0},
      {"past U+10FFFF: F4 90", "\xF4\x90\x80\x80", 0},
      {"past U+10FFFF: F5", "\xF5\x80\x80\x80", 0},
      {"truncated two-byte at end", "abc\xC3", 3},
      {"truncated three-byte at end", "\xE2\x80", 0},
      {"truncated four-byte at end", "x\xF0\x9F\x98", 1},
      {"lead byte followed by ASCII",
       "\xC3"
       "A",
       0},
      {"bad third byte",
       "\xE2\x80"
       "A",
       0},
      {"bad fourth byte",
       "\xF0\x9F\x98"
       "A",
       0},
      {"first of several errors", "ok \xC3\xA9 \xFF \xFF", 6},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(FirstInvalidUtf8(c.text), c.first_invalid) << c.name;
    // The same after ASCII of every length up to two words, which the
    // check skips a word at a time, and before more of it.
    for (std::size_t pad = 1; pad <= 16; ++pad) {
      const std::string padded =
          std::string(pad, 'a') + c.text + std::string(pad % 9, 'z');
      std::optional<std::size_t> expected = c.first_invalid;
      if (expected) *expected += pad;
      EXPECT_EQ(FirstInvalidUtf8(padded), expected) << c.name << ", " << pad;
    }
  }
}

TEST(FirstInvalidUtf8Test, ReadsOnlyTheGivenView) {
  // A valid prefix of a longer buffer is valid, even though the bytes after
  // it would make an invalid sequence.
  const std::string buffer = "caf\xC3\xA9\xFF";
  EXPECT_EQ(FirstInvalidUtf8(std::string_view(buffer).substr(0, 5)),
            std::nullopt);
  // A view that cuts a sequence in half ends in an incomplete sequence.
  EXPECT_EQ(FirstInvalidUtf8(std::string_view(buffer).substr(0, 4)), 3u);
}

// ASCII is checked eight bytes at a time: an error, and a valid sequence
// that straddles an eight-byte step, must be handled at every offset, and
// the bytes past the view never read as part of it.
TEST(FirstInvalidUtf8Test, EveryOffsetAfterAnAsciiRun) {
  for (std::size_t run = 0; run < 20; ++run) {
    const std::string ascii(run, 'a');
    EXPECT_EQ(FirstInvalidUtf8(ascii), std::nullopt) << run;
    EXPECT_EQ(FirstInvalidUtf8(ascii + "\xFF" + ascii), run) << run;
    EXPECT_EQ(FirstInvalidUtf8(ascii + "\xE2\x80\x9C" + ascii + "\x80"),
              2 * run + 3)
        << run;
    EXPECT_EQ(FirstInvalidUtf8(ascii + "\xF0\x9F\x98\x80" + ascii),
              std::nullopt)
        << run;
    // A view that stops before an invalid byte of its buffer is valid.
    const std::string buffer = ascii + "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF";
    for (std::size_t begin = 0; begin <= run; ++begin) {
      EXPECT_EQ(
          FirstInvalidUtf8(std::string_view(buffer).substr(begin, run - begin)),
          std::nullopt)
          << run << " " << begin;
    }
  }
}

}  // namespace
}  // namespace whosaid::internal
