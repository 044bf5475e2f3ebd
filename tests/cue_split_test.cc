#include "whosaid/internal/cue_split.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace whosaid::internal {
namespace {

TEST(CueSplitTest, SplitsATopLevelCue) {
  auto split = SplitAtCue("(?P<speaker>\\w+)[ ]+(?P<cue>said|told)[ ]+(.*)");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->before, "(?P<speaker>\\w+)[ ]+");
  EXPECT_EQ(split->cue, "said|told");
  EXPECT_EQ(split->after, "[ ]+(.*)");
}

TEST(CueSplitTest, APatternMayOpenOrEndWithItsCue) {
  auto opens = SplitAtCue("(?P<cue>[Aa]ccording to) (?P<speaker>\\w+)");
  ASSERT_TRUE(opens.has_value());
  EXPECT_EQ(opens->before, "");
  EXPECT_EQ(opens->after, " (?P<speaker>\\w+)");
  auto ends = SplitAtCue("(?P<speaker>\\w+) (?P<cue>said)");
  ASSERT_TRUE(ends.has_value());
  EXPECT_EQ(ends->after, "");
}

TEST(CueSplitTest, ParenthesesInClassesAndEscapesDoNotCount) {
  auto split = SplitAtCue("[(|]\\((?P<cue>a[)]b)\\)x");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->before, "[(|]\\(");
  EXPECT_EQ(split->cue, "a[)]b");
  EXPECT_EQ(split->after, "\\)x");
  auto bracket_first = SplitAtCue("[]|(](?P<cue>x)[^]|)]");
  ASSERT_TRUE(bracket_first.has_value());
  EXPECT_EQ(bracket_first->before, "[]|(]");
  auto posix = SplitAtCue("[[:alpha:]|](?P<cue>x)");
  ASSERT_TRUE(posix.has_value());
  EXPECT_EQ(posix->before, "[[:alpha:]|]");
}

TEST(CueSplitTest, RefusesWhatWouldChangeMeaningApart) {
  // Inside a group or an alternative, the cue is not always there.
  EXPECT_FALSE(SplitAtCue("(?:a(?P<cue>said))b"));
  EXPECT_FALSE(SplitAtCue("a(?P<cue>said)|b"));
  // A quantified cue may be absent or repeated.
  EXPECT_FALSE(SplitAtCue("a(?P<cue>said)?b"));
  EXPECT_FALSE(SplitAtCue("a(?P<cue>said){1,2}b"));
  // A flag change reaches across the split.
  EXPECT_FALSE(SplitAtCue("(?i)a(?P<cue>said)b"));
  // \Q...\E is not followed; no cue, no split; unbalanced, no split.
  EXPECT_FALSE(SplitAtCue("\\Q(\\E(?P<cue>said)"));
  EXPECT_FALSE(SplitAtCue("(?P<speaker>a) said"));
  EXPECT_FALSE(SplitAtCue("a(?P<cue>said"));
  EXPECT_FALSE(SplitAtCue("a)(?P<cue>said)"));
  EXPECT_FALSE(SplitAtCue("[a(?P<cue>said)"));
}

TEST(CueSplitTest, FlagGroupsWithABodyAreFine) {
  auto split = SplitAtCue("(?i:the)[ ](?P<cue>said)");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->before, "(?i:the)[ ]");
}

}  // namespace
}  // namespace whosaid::internal

namespace whosaid::internal {
namespace {

using ::testing::ElementsAre;

// "group=pattern" for each piece, "=pattern" for plain ones.
std::vector<std::string> Pieces(std::string_view pattern) {
  std::vector<std::string> out;
  auto pieces = SplitAtGroups(pattern);
  if (!pieces) return {"none"};
  for (const PatternPiece& piece : *pieces) {
    out.push_back(piece.group + "=" + piece.pattern);
  }
  return out;
}

// "pattern" for each alternative of the one piece that has them, with a
// "*" before those that hold named groups.
std::vector<std::string> Alternatives(std::string_view pattern) {
  std::vector<std::string> out;
  auto pieces = SplitAtGroups(pattern);
  if (!pieces) return {"none"};
  for (const PatternPiece& piece : *pieces) {
    for (const PatternAlternative& a : piece.alternatives) {
      out.push_back((a.named ? "*" : "") + a.pattern);
    }
  }
  return out;
}

TEST(SplitAtGroupsTest, SplitsAtEachTopLevelNamedGroup) {
  EXPECT_THAT(Pieces("(?P<content>⟦Q[0-9]+⟧)[ ]*,(?P<speaker>[A-Z]\\w+),?[ ]+"),
              ElementsAre("content=⟦Q[0-9]+⟧", "=[ ]*,", "speaker=[A-Z]\\w+",
                          "=,?[ ]+"));
  EXPECT_THAT(Pieces("^(?P<speaker>(?:a|b)(c))"),
              ElementsAre("=^", "speaker=(?:a|b)(c)"));
  // Parentheses and names in classes and escapes are not groups.
  EXPECT_THAT(Pieces("[(](?P<speaker>\\(x[)])"),
              ElementsAre("=[(]", "speaker=\\(x[)]"));
}

TEST(SplitAtGroupsTest, GroupsHoldingNamedGroupsArePiecesWithAlternatives) {
  const char kRelay[] = "(?:,(?P<via>V)|[ ]to(?P<to>T)|x)?[ ]+(?P<content>.*)";
  EXPECT_THAT(Pieces(kRelay), ElementsAre("=(?:,(?P<via>V)|[ ]to(?P<to>T)|x)?",
                                          "=[ ]+", "content=.*"));
  // A greedy '?' prefers the group, whose alternatives come in order.
  EXPECT_THAT(Alternatives(kRelay),
              ElementsAre("*,(?P<via>V)", "*[ ]to(?P<to>T)", "x", ""));
  // A lazy one prefers skipping it.
  EXPECT_THAT(Alternatives("(?:a(?P<via>b))??c"),
              ElementsAre("", "*a(?P<via>b)"));
  // Unquantified, and alternatives that are groups themselves.
  EXPECT_THAT(Alternatives("(?:(?:a|b)(?P<via>c)|[|(]d)"),
              ElementsAre("*(?:a|b)(?P<via>c)", "[|(]d"));
  EXPECT_THAT(Pieces("(?:x(?P<role>b))(?P<speaker>a)"),
              ElementsAre("=(?:x(?P<role>b))", "speaker=a"));
}

TEST(SplitAtGroupsTest, RefusesWhatTheMatcherCannotRunPieceByPiece) {
  EXPECT_THAT(Pieces("[a-z]+ said"), ElementsAre("none"));  // no group
  EXPECT_THAT(Pieces("(?P<speaker>a)?b"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?P<speaker>a(?P<role>b))"), ElementsAre("none"));
  // Groups holding named groups: capturing, repeated, or setting flags.
  EXPECT_THAT(Pieces("(x(?P<role>b))?"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?:x(?P<role>b))*"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?:x(?P<role>b)){2}"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?:x(?P<role>b))?+"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?i:x(?P<role>b))"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?:(?i)x(?P<role>b)|c)"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?P<speaker>a)|b"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?i)(?P<speaker>a)"), ElementsAre("none"));
  EXPECT_THAT(Pieces("(?P<speaker>a"), ElementsAre("none"));
}

TEST(RequiresLiteralTest, SeesTheLiteralAtTheTopLevelOrInAGroup) {
  const std::string_view open = "\u27e6";
  EXPECT_TRUE(RequiresLiteral("(?:\u27e6[QqT][0-9]+\u27e7)", open));
  EXPECT_TRUE(RequiresLiteral(
      "(?P<content>(?:\u27e6[QqT][0-9]+\u27e7))[ ]*(?P<speaker>[A-Z]+)[ ]+",
      open));
  EXPECT_TRUE(RequiresLiteral("[^\u27e6]*?,(?P<q>x(?:\u27e6Q1\u27e7)+)", open));
  EXPECT_TRUE(RequiresLiteral("a\u27e6+b", open));
}

TEST(RequiresLiteralTest, FalseWhenTheLiteralMayBeLeftOut) {
  const std::string_view open = "\u27e6";
  EXPECT_FALSE(RequiresLiteral("[^\u27e6]+", open));  // in a class
  EXPECT_FALSE(RequiresLiteral("[\u27e6]", open));    // (cannot tell)
  EXPECT_FALSE(RequiresLiteral("a\u27e6?", open));
  EXPECT_FALSE(RequiresLiteral("a\u27e6*", open));
  EXPECT_FALSE(RequiresLiteral("a\u27e6{0,2}", open));
  EXPECT_FALSE(RequiresLiteral("(?:\u27e6Q1\u27e7)?", open));
  EXPECT_FALSE(RequiresLiteral("(?P<content>\u27e6Q1\u27e7)*", open));
  EXPECT_FALSE(RequiresLiteral("(?:\u27e6Q1\u27e7|x)", open));
  EXPECT_FALSE(RequiresLiteral("\u27e6Q1\u27e7|x", open));
  EXPECT_FALSE(RequiresLiteral("(?i)\u27e6", open));
  EXPECT_FALSE(RequiresLiteral("\\Q\u27e6\\E", open));
  EXPECT_FALSE(RequiresLiteral("(\u27e6", open));
}

TEST(AfterLastWildcardTest, GivesWhatFollowsTheLastTopLevelRun) {
  EXPECT_EQ(AfterLastWildcard("^(?P<speaker>[A-Z][a-z]+),?[ ].*?"
                              "(?:[ ]and|,?[ ]but)[ ]+"),
            "(?:[ ]and|,?[ ]but)[ ]+");
  EXPECT_EQ(AfterLastWildcard("a.*b.+?c"), "c");
  EXPECT_EQ(AfterLastWildcard("a.+b"), "b");
  EXPECT_EQ(AfterLastWildcard("a.*?(?P<x>b)"), "(?P<x>b)");
}

TEST(HoldsWildcardTest, ARunOfAnyCharactersAtAnyDepth) {
  EXPECT_TRUE(HoldsWildcard("^(?P<content>.*?),[ ]+X"));
  EXPECT_TRUE(HoldsWildcard("a.+b"));
  EXPECT_FALSE(HoldsWildcard("[^,]*?,[ ]+X"));
  EXPECT_FALSE(HoldsWildcard("[.*]"));
  EXPECT_FALSE(HoldsWildcard("\\.*"));
  EXPECT_FALSE(HoldsWildcard("a.?b"));
}

TEST(AfterLastWildcardTest, NoneUnlessARunStandsAtTheTopLevel) {
  EXPECT_EQ(AfterLastWildcard("(?P<content>.*?),[ ]+"), std::nullopt);
  EXPECT_EQ(AfterLastWildcard("[.*]x"), std::nullopt);     // a class
  EXPECT_EQ(AfterLastWildcard("\\.*x"), std::nullopt);     // dots
  EXPECT_EQ(AfterLastWildcard("a.*"), std::nullopt);       // nothing after
  EXPECT_EQ(AfterLastWildcard("a.*b|c"), std::nullopt);    // an alternation
  EXPECT_EQ(AfterLastWildcard("(?i)a.*b"), std::nullopt);  // a flag change
  EXPECT_EQ(AfterLastWildcard("a.?b"), std::nullopt);      // a bounded run
}

}  // namespace
}  // namespace whosaid::internal
