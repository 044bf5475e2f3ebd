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

TEST(FindQuoteMarksTest, NothingInPlainTextOrUnclosedBrackets) {
  EXPECT_THAT(FindQuoteMarks("A plain sentence. Two dots.. [open"), IsEmpty());
}

}  // namespace
}  // namespace whosaid
