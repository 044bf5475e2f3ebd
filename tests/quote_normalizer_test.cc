#include "whosaid/quote_normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(QuoteWordsTest, LowersAndDropsPunctuationAndQuoteMarks) {
  EXPECT_THAT(QuoteWords("“We cannot, and WILL not — wait!”"),
              ElementsAre("we", "cannot", "and", "will", "not", "wait"));
  EXPECT_THAT(QuoteWords("«Non» ‹oui› „ja“ 「はい」 'yes'"),
              ElementsAre("non", "oui", "ja", "はい", "yes"));
}

TEST(QuoteWordsTest, KeepsApostrophesInsideWordsWhateverTheirStyle) {
  EXPECT_THAT(QuoteWords("Don’t say it's 'done'"),
              ElementsAre("don't", "say", "it's", "done"));
  EXPECT_THAT(QuoteWords("the Smiths' house"),
              ElementsAre("the", "smiths", "house"));
}

TEST(QuoteWordsTest, LowersLatinLettersBeyondAscii) {
  EXPECT_THAT(QuoteWords("ÉCOLE Ōsaka ŁÓDŹ"),
              ElementsAre("école", "ōsaka", "łódź"));
}

TEST(QuoteWordsTest, KeepsDigitsAndInvalidBytes) {
  EXPECT_THAT(QuoteWords("12.5 million, a\xFF"
                         "b"),
              ElementsAre("12", "5", "million",
                          "a\xFF"
                          "b"));
}

// ASCII letters and digits are taken a run at a time: a run must join the
// non-ASCII letters, apostrophes and invalid bytes next to it into one
// word, whichever side they are on.
TEST(QuoteWordsTest, AsciiRunsJoinWhatTouchesThem) {
  EXPECT_THAT(
      QuoteWords("CAF\xC3\x89S \xC3\x89T\xC3\x89s x\xFFY O\xE2\x80\x99"
                 "Brien's"),
      ElementsAre("caf\xC3\xA9s", "\xC3\xA9t\xC3\xA9s", "x\xFFy", "o'brien's"));
  EXPECT_THAT(QuoteWords("A"), ElementsAre("a"));
  EXPECT_THAT(QuoteWords("Z9'"), ElementsAre("z9"));
  EXPECT_THAT(QuoteWords("'Q' [AbC]\xE2\x80\x94"
                         "dEf\xE2\x80\xA6"),
              ElementsAre("q", "abc", "def"));
}

TEST(NormalizeQuoteTest, EqualForCaseWhitespaceAndQuoteStyle) {
  const std::string curly =
      NormalizeQuote("“We cannot ask families to live behind a wall,”");
  EXPECT_EQ(curly, "we cannot ask families to live behind a wall");
  EXPECT_EQ(NormalizeQuote("\"we  cannot ask\nfamilies to LIVE behind a "
                           "wall!\""),
            curly);
  EXPECT_NE(NormalizeQuote("We can ask families to live behind a wall"), curly);
  EXPECT_EQ(NormalizeQuote(" … ,, "), "");
}

TEST(FindQuoteMarksTest, FindsEllipsesAndInsertions) {
  const std::string text =
      "We waited [for] three years... and then . . . it came … [...] [ ]";
  const std::vector<QuoteMark> marks = FindQuoteMarks(text);
  std::vector<std::string> found;
  for (const QuoteMark& mark : marks) {
    found.push_back(std::string(QuoteMarkKindName(mark.kind)) + ":" +
                    std::string(mark.span.In(text)));
  }
  EXPECT_THAT(found,
              ElementsAre("insertion:[for]", "ellipsis:...", "ellipsis:. . .",
                          "ellipsis:…", "ellipsis:[...]"));
}

// The search jumps to '[', '.' and 0xE2 bytes: marks must be found at
// every offset, and other 0xE2 characters (dashes, quotes) are no marks.
TEST(FindQuoteMarksTest, FindsMarksAtEveryOffset) {
  for (std::size_t pad = 0; pad < 10; ++pad) {
    const std::string text =
        std::string(pad, 'a') + "\xE2\x80\x94\xE2\x80\x9Cx...y\xE2\x80\xA6[z]";
    const std::vector<QuoteMark> marks = FindQuoteMarks(text);
    ASSERT_EQ(marks.size(), 3u) << pad;
    EXPECT_EQ(marks[0].span, (Span{pad + 7, pad + 10}));
    EXPECT_EQ(marks[1].span, (Span{pad + 11, pad + 14}));
    EXPECT_EQ(marks[2].kind, QuoteMarkKind::kInsertion);
    EXPECT_EQ(marks[2].span, (Span{pad + 14, pad + 17}));
  }
}

TEST(FindQuoteMarksTest, NothingInPlainTextOrUnclosedBrackets) {
  EXPECT_THAT(FindQuoteMarks("A plain sentence. Two dots.. [open"), IsEmpty());
}

}  // namespace
}  // namespace whosaid
