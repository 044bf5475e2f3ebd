#include "whosaid/rule_prefilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace whosaid {
namespace {

// Patterns of the kinds the rules have: literal cues, lexicon
// alternations, patterns with no string to filter by.
const std::vector<std::string> kPatterns = {
    "(?P<cue>said|told)[ ]+(?P<content>.*)",
    "according[ ]to[ ](?P<speaker>[A-Z][a-z]+)",
    "(?:[A-Z][a-z]+[ ])+(?:denied|rejected)",
    "⟦q[0-9]+⟧,?[ ]+(?:he|she)[ ]+said",
    "[a-z]+",  // needs no string: a candidate everywhere
    "(?:warned|urged|promised)[ ]+that",
    "the[ ]+(?:spokesperson|spokesman)[ ]+for",
};

const std::vector<std::string> kTexts = {
    "Ruiz said the pier would reopen.",
    "According to Berg, it failed.",
    "The Mayor Denied it.",  // the filter is case-blind; the pattern is not
    "⟦q0⟧, he said.",
    "Nothing here.",
    "She warned that the spokesman for the port had told them",
    "",
};

// RE2's options, refusals not logged.
RE2::Options Quiet() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

std::vector<std::pair<std::string, RE2::Options>> WithOptions(
    const std::vector<std::string>& patterns) {
  std::vector<std::pair<std::string, RE2::Options>> out;
  for (const std::string& p : patterns) out.emplace_back(p, Quiet());
  return out;
}

std::set<int> CandidatesOf(const RulePrefilter& filter,
                           const std::string& text) {
  std::vector<int> ids;
  filter.Candidates(text, &ids);
  return std::set<int>(ids.begin(), ids.end());
}

// Whatever the number of threads the patterns compiled on, every pattern
// that matches a text is among its candidates, and the ids follow the
// order of the patterns.
TEST(RulePrefilterTest, EveryMatchingPatternIsACandidateOnAnyThreadCount) {
  for (int threads : {1, 2, 3, 16}) {
    RulePrefilter filter;
    const std::vector<int> ids = filter.AddAll(WithOptions(kPatterns), threads);
    ASSERT_EQ(ids.size(), kPatterns.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      EXPECT_EQ(ids[i], static_cast<int>(i)) << threads;
      EXPECT_EQ(filter.Regex(ids[i]).pattern(), kPatterns[i]) << threads;
    }
    filter.Compile();
    for (const std::string& text : kTexts) {
      const std::set<int> candidates = CandidatesOf(filter, text);
      for (std::size_t i = 0; i < kPatterns.size(); ++i) {
        if (RE2::PartialMatch(text, filter.Regex(static_cast<int>(i)))) {
          EXPECT_TRUE(candidates.count(static_cast<int>(i)))
              << threads << " threads: '" << kPatterns[i] << "' on '" << text
              << "'";
        }
      }
    }
  }
}

// The filter filters: a text holding none of a pattern's strings does not
// make it a candidate, on one thread or several.
TEST(RulePrefilterTest, ATextWithoutAPatternsStringsLeavesItOut) {
  for (int threads : {1, 3}) {
    RulePrefilter filter;
    filter.AddAll(WithOptions(kPatterns), threads);
    filter.Compile();
    const std::set<int> candidates = CandidatesOf(filter, "Nothing here.");
    EXPECT_FALSE(candidates.count(0)) << threads;  // said|told
    EXPECT_FALSE(candidates.count(1)) << threads;  // according to
    EXPECT_FALSE(candidates.count(6)) << threads;  // the spokesperson for
    EXPECT_TRUE(candidates.count(4)) << threads;   // needs no string
  }
}

TEST(RulePrefilterTest, APatternRe2RefusesGetsNoId) {
  RulePrefilter filter;
  const std::vector<int> ids =
      filter.AddAll(WithOptions({"said", "(?P<a>x", "told"}), 2);
  EXPECT_EQ(ids, (std::vector<int>{0, -1, 1}));
  // Patterns added one at a time afterwards take the next ids.
  EXPECT_EQ(filter.Add("denied", Quiet()), 2);
  EXPECT_EQ(filter.Add("(", Quiet()), -1);
  filter.Compile();
  EXPECT_EQ(CandidatesOf(filter, "he denied it"), (std::set<int>{2}));
  EXPECT_EQ(CandidatesOf(filter, "she told them"), (std::set<int>{1}));
}

TEST(RulePrefilterTest, WithoutStringsToFilterByEveryPatternIsACandidate) {
  RulePrefilter filter;
  filter.AddAll(WithOptions({"[a-z]+", "x?"}), 2);
  filter.Compile();
  EXPECT_EQ(CandidatesOf(filter, "anything"), (std::set<int>{0, 1}));
  RulePrefilter empty;
  empty.Compile();
  EXPECT_TRUE(CandidatesOf(empty, "anything").empty());
}

}  // namespace
}  // namespace whosaid
