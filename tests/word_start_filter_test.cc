#include "whosaid/internal/word_start_filter.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace whosaid::internal {
namespace {

using ByteSet = WordStartFilter::ByteSet;

// A pattern like the resolver's names: two or more capitalised words,
// initials or abbreviations ("Gov.", and "inc." in any case), maybe with
// "von" between.
constexpr char kNamePattern[] =
    R"((?:(?:Gov|(?i:inc)|(?i:st))\.|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}'’\-]*))"
    R"((?:[ ]+(?:von[ ]+)*(?:(?:Gov|(?i:inc)|(?i:st))\.|\p{Lu}\.(?:\p{Lu}\.)*)"
    R"(|\p{Lu}[\p{L}\p{M}'’\-]*)){1,5})";

WordStartFilter NameFilter() {
  ByteSet first{}, word{}, next{};
  WordStartFilter::AddCapitalStarts(first);
  word = first;
  WordStartFilter::AddEitherCase(word, "abcdefghijklmnopqrstuvwxyz'-.");
  next = first;
  WordStartFilter::AddEitherCase(next, "vis");
  return WordStartFilter(first, word, next, {"inc", "st"});
}

// Every match that FindLeftmost finds from each position of `text`, as
// (begin, end) pairs, or the same from RE2's unanchored search.
std::vector<std::pair<int, int>> AllFrom(const RE2& re,
                                         const WordStartFilter* filter,
                                         std::string_view text) {
  std::vector<std::pair<int, int>> out;
  for (std::size_t pos = 0; pos <= text.size(); ++pos) {
    re2::StringPiece found;
    const bool matched =
        filter != nullptr
            ? FindLeftmost(re, *filter, text, pos, &found)
            : re.Match(text, pos, text.size(), RE2::UNANCHORED, &found, 1);
    if (!matched) {
      out.push_back({-1, -1});
      continue;
    }
    const int begin = static_cast<int>(found.data() - text.data());
    out.push_back({begin, begin + static_cast<int>(found.size())});
  }
  return out;
}

TEST(WordStartFilterTest, FindsWhatAnUnanchoredSearchFinds) {
  const RE2 re(kNamePattern);
  ASSERT_TRUE(re.ok()) << re.error();
  const WordStartFilter filter = NameFilter();
  const std::string long_word(100, 'A');
  const std::string texts[] = {
      "",
      "Former France centre Philippe Sella believes coach Bernard Laporte.",
      "said Gov. Ruiz and INC. Lawyers, inc. Partners, xinc. Foo, Inc Bar",
      "the St. Louis team and st. Paul; ſt. Anne and ſT. Kevin",
      "Ursula von der Leyen, Ursula von Leyen and J. R. R. Tolkien",
      "McDonald Smith, iPhone Maker, O’Brien Said, Jean-Luc Picard",
      "Émile Zola and Ωmega Lab \xff\xfe Bad Bytes \xe2\x80\x99Quoted Name",
      "東京都 Tokyo Tower 北京 Beijing",
      long_word + " " + long_word + " and " + long_word + ". Then" + " lower " +
          long_word + "x Name",
      "A B C D E F G H I J K L",
      "x Y",
      "Y",
      "Y ",
      "Y  Z",
      "inc. ",
      " inc. Z",
      "Mr.  Smith"};
  for (const std::string& text : texts) {
    EXPECT_EQ(AllFrom(re, &filter, text), AllFrom(re, nullptr, text)) << text;
  }
}

TEST(WordStartFilterTest, AddEitherCaseAndCapitalStarts) {
  ByteSet set{};
  WordStartFilter::AddEitherCase(set, "a-");
  EXPECT_TRUE(set['a'] && set['A'] && set['-']);
  EXPECT_FALSE(set['b'] || set['B']);
  ByteSet capitals{};
  WordStartFilter::AddCapitalStarts(capitals);
  EXPECT_TRUE(capitals['A'] && capitals['Z'] && capitals[0x80] &&
              capitals[0xff]);
  EXPECT_FALSE(capitals['a'] || capitals[' '] || capitals['.']);
}

}  // namespace
}  // namespace whosaid::internal
