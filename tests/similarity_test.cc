#include "whosaid/similarity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace whosaid {
namespace {

constexpr char kStored[] =
    "We cannot ask families to live behind a wall we know will fail. This "
    "time we build it properly.";

TEST(CompareQuotesTest, SameWordsAreVerbatimAndWhole) {
  const QuoteComparison c = CompareQuotes(
      "we cannot ask families to live behind a wall we know will fail — this "
      "time, we build it properly!",
      kStored);
  EXPECT_TRUE(c.verbatim());
  EXPECT_TRUE(c.whole());
  EXPECT_DOUBLE_EQ(c.similarity, 1.0);
  EXPECT_EQ(FormatWordDiff(c.diff),
            "we cannot ask families to live behind a wall we know will fail "
            "this time we build it properly");
}

TEST(CompareQuotesTest, ATruncatedClaimIsAVerbatimExcerpt) {
  const QuoteComparison c =
      CompareQuotes("live behind a wall we know will fail", kStored);
  EXPECT_TRUE(c.verbatim());
  EXPECT_FALSE(c.whole());
  EXPECT_EQ(c.window_begin, 5u);
  EXPECT_EQ(c.window_end, 13u);
  EXPECT_DOUBLE_EQ(c.similarity, 1.0);
}

TEST(CompareQuotesTest, ChangedWordsShowInTheDiff) {
  const QuoteComparison c = CompareQuotes(
      "We can't ask families to live behind a wall we know is going to fail",
      kStored);
  EXPECT_FALSE(c.verbatim());
  EXPECT_EQ(FormatWordDiff(c.diff),
            "we [-cannot-] {+can't+} ask families to live behind a wall we "
            "know [-will-] {+is+} {+going+} {+to+} fail");
  EXPECT_EQ(c.edits, 4u);
  EXPECT_NEAR(c.similarity, 1.0 - 4.0 / 15.0, 1e-9);
}

TEST(CompareQuotesTest, AChangedLastWordIsAChangeInsideTheWindow) {
  const QuoteComparison c =
      CompareQuotes("a wall we know will crack", "a wall we know will fail");
  EXPECT_TRUE(c.whole());
  EXPECT_EQ(FormatWordDiff(c.diff), "a wall we know will [-fail-] {+crack+}");
  EXPECT_EQ(c.edits, 1u);
}

TEST(CompareQuotesTest, WordsDroppedAtAnEllipsisOfTheClaimCostNothing) {
  const QuoteComparison c = CompareQuotes(
      "We cannot ask families ... we know will fail. This time", kStored);
  EXPECT_TRUE(c.verbatim());
  EXPECT_DOUBLE_EQ(c.similarity, 1.0);
  EXPECT_EQ(FormatWordDiff(c.diff),
            "we cannot ask families […] we know will fail this time");
  const QuoteComparison without = CompareQuotes(
      "We cannot ask families we know will fail. This time", kStored);
  EXPECT_FALSE(without.verbatim());
  EXPECT_GE(without.edits, 4u);
}

TEST(CompareQuotesTest, TheStoredQuotesInsertionsMayBeLeftOut) {
  const char stored[] = "They [the council] will pay for it";
  const QuoteComparison left_out =
      CompareQuotes("They will pay for it", stored);
  EXPECT_TRUE(left_out.verbatim());
  EXPECT_EQ(FormatWordDiff(left_out.diff),
            "they [the] [council] will pay for it");
  EXPECT_TRUE(CompareQuotes("the council will pay for it", stored).verbatim());
  EXPECT_FALSE(CompareQuotes("They will not pay for it", stored).verbatim());
}

TEST(CompareQuotesTest, AnInventedClaimScoresLow) {
  const QuoteComparison c =
      CompareQuotes("The moon will be painted green by Tuesday", kStored);
  EXPECT_LT(c.similarity, 0.4);
  EXPECT_FALSE(c.verbatim());
}

TEST(CompareQuotesTest, EmptyClaimOrStoredQuote) {
  EXPECT_EQ(CompareQuotes("", kStored).similarity, 0.0);
  EXPECT_FALSE(CompareQuotes("…", kStored).verbatim());
  const QuoteComparison c = CompareQuotes("some words", "");
  EXPECT_EQ(c.matched, 0u);
  EXPECT_EQ(c.similarity, 0.0);
}

}  // namespace
}  // namespace whosaid
