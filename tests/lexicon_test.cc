#include "whosaid/internal/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace whosaid::internal {
namespace {

struct PhraseCase {
  std::string phrase;
  std::string normalized;
};

TEST(NormalizePhraseTest, Table) {
  const PhraseCase cases[] = {
      {"", ""},
      {"said", "said"},
      {"Told Reporters", "told reporters"},
      {"  told \t\n reporters  ", "told reporters"},
      {"\v\f\r\n \t", ""},
      {"A", "a"},
      {" X ", "x"},
      {"a\vb\fc\rd", "a b c d"},
      // Only ASCII letters are lowered; other bytes, and spaces that RE2's
      // \s does not know (NBSP), are kept as they are.
      {"Caf\xC3\xA9 \xC3\x89T\xC3\x89", "caf\xC3\xA9 \xC3\x89t\xC3\x89"},
      {"a\xC2\xA0"
       "B",
       "a\xC2\xA0"
       "b"},
      {"[Said]_0-9 @Z", "[said]_0-9 @z"},
      {std::string("a\0B", 3), std::string("a\0b", 3)},
  };
  for (const PhraseCase& c : cases) {
    EXPECT_EQ(NormalizePhrase(c.phrase), c.normalized) << c.phrase;
    EXPECT_TRUE(IsNormalizedPhrase(c.normalized)) << c.normalized;
    EXPECT_EQ(IsNormalizedPhrase(c.phrase), c.phrase == c.normalized)
        << c.phrase;
  }
}

// The result is built in place at the phrase's length and cut to size: it
// must come out right at every length, past the short-string buffer too.
TEST(NormalizePhraseTest, EveryLength) {
  for (std::size_t words = 0; words < 12; ++words) {
    std::string phrase = "\t";
    std::string expected;
    for (std::size_t i = 0; i < words; ++i) {
      phrase += "Wo\n \tRD  ";
      expected += i == 0 ? "wo rd" : " wo rd";
    }
    EXPECT_EQ(NormalizePhrase(phrase), expected) << words;
  }
}

}  // namespace
}  // namespace whosaid::internal
