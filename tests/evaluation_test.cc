#include "whosaid/evaluation.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {
namespace {

constexpr QuoteType kDirect = QuoteType::kDirect;
constexpr QuoteType kMixed = QuoteType::kMixed;
constexpr QuoteType kIndirect = QuoteType::kIndirect;

constexpr std::string_view kText =
    "\"Prices will rise,\" said Ann Lee, the finance minister. "
    "Bob Stone denied that the plan had failed. "
    "Lee called the report \"a fantasy\" and left.";

// The span of the first occurrence of `needle` in kText (after `from`).
Span At(std::string_view needle, std::size_t from = 0) {
  const std::size_t at = kText.find(needle, from);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return Span{at, at + needle.size()};
}

Attribution Quote(QuoteType type, Span content, std::optional<Span> speaker,
                  std::string name) {
  Attribution q;
  q.type = type;
  q.content = content;
  q.speaker = speaker;
  q.speaker_name = std::move(name);
  return q;
}

DocumentResult Doc(std::vector<Attribution> quotes, std::string id = "d1") {
  return DocumentResult{
      std::move(id), std::string(kText), std::move(quotes), {}, {}};
}

Attribution GoldDirect() {
  return Quote(kDirect, At("Prices will rise,"), At("Ann Lee"), "Ann Lee");
}
Attribution GoldIndirect() {
  return Quote(kIndirect, At("the plan had failed"), At("Bob Stone"),
               "Bob Stone");
}
Attribution GoldMixed() {
  return Quote(kMixed, At("the report \"a fantasy\""), At("Lee called"),
               "Ann Lee");
}
std::vector<DocumentResult> Gold() {
  return {Doc({GoldDirect(), GoldIndirect(), GoldMixed()})};
}

void ExpectPRF(const PRF& p, int tp, int fp, int fn) {
  EXPECT_EQ(p.tp, tp);
  EXPECT_EQ(p.fp, fp);
  EXPECT_EQ(p.fn, fn);
  const double precision = tp + fp ? double(tp) / (tp + fp) : 0;
  const double recall = tp + fn ? double(tp) / (tp + fn) : 0;
  EXPECT_DOUBLE_EQ(p.precision, precision);
  EXPECT_DOUBLE_EQ(p.recall, recall);
  EXPECT_DOUBLE_EQ(p.f1, precision + recall > 0
                             ? 2 * precision * recall / (precision + recall)
                             : 0);
}

TEST(Evaluation, PerfectOutputScoresOne) {
  const EvalReport r = Evaluate(Gold(), Gold());
  ExpectPRF(r.overall.overlap, 3, 0, 0);
  ExpectPRF(r.overall.exact, 3, 0, 0);
  ExpectPRF(r.overall.end_to_end, 3, 0, 0);
  EXPECT_EQ(r.overall.matched, 3);
  EXPECT_DOUBLE_EQ(r.overall.speaker_accuracy, 1.0);
  ASSERT_EQ(r.by_type.size(), 3u);
  for (const auto& [name, scores] : r.by_type) {
    ExpectPRF(scores.overlap, 1, 0, 0);
    EXPECT_DOUBLE_EQ(scores.speaker_accuracy, 1.0) << name;
  }
  EXPECT_EQ(r.documents, 1);
  EXPECT_EQ(r.missing_documents, 0);
}

TEST(Evaluation, MissAndFalseAlarm) {
  const Attribution extra = Quote(kIndirect, At("and left"), std::nullopt, "");
  const EvalReport r =
      Evaluate(Gold(), {Doc({GoldDirect(), GoldMixed(), extra})});
  ExpectPRF(r.overall.overlap, 2, 1, 1);
  ExpectPRF(r.by_type.at("indirect").overlap, 0, 1, 1);
  ExpectPRF(r.by_type.at("direct").overlap, 1, 0, 0);
  ExpectPRF(r.overall.end_to_end, 2, 1, 1);
}

TEST(Evaluation, NothingFoundGivesZeroNotNaN) {
  const EvalReport r = Evaluate(Gold(), {Doc({})});
  ExpectPRF(r.overall.overlap, 0, 0, 3);
  EXPECT_EQ(r.overall.speaker_accuracy, 0.0);
}

// Gold [0, 10); Jaccard of the system span with it, and whether it matches.
struct JaccardCase {
  Span system;
  bool match;
};

TEST(Evaluation, JaccardThresholdIsHalfInclusive) {
  const JaccardCase cases[] = {
      {{0, 5}, true},    // 5/10, exactly the threshold
      {{5, 10}, true},   // 5/10 from the other end
      {{0, 4}, false},   // 4/10
      {{2, 13}, true},   // 8/13, sticking out on the right
      {{6, 20}, false},  // 4/20
  };
  for (const JaccardCase& c : cases) {
    const Attribution gold = Quote(kDirect, {0, 10}, std::nullopt, "");
    const Attribution sys = Quote(kDirect, c.system, std::nullopt, "");
    const EvalReport r = Evaluate({Doc({gold})}, {Doc({sys})});
    EXPECT_EQ(r.overall.overlap.tp, c.match ? 1 : 0)
        << c.system.begin << "," << c.system.end;
  }
}

TEST(Evaluation, JaccardJustBelowAndJustAboveHalf) {
  const Attribution gold = Quote(kDirect, {0, 11}, std::nullopt, "");
  const Attribution below = Quote(kDirect, {0, 5}, std::nullopt, "");  // 5/11
  const Attribution above = Quote(kDirect, {0, 6}, std::nullopt, "");  // 6/11
  EXPECT_EQ(Evaluate({Doc({gold})}, {Doc({below})}).overall.overlap.tp, 0);
  EXPECT_EQ(Evaluate({Doc({gold})}, {Doc({above})}).overall.overlap.tp, 1);
  // Shifted: [5, 16) shares 6 of 16 bytes with [0, 11).
  const Attribution shifted = Quote(kDirect, {5, 16}, std::nullopt, "");
  EXPECT_EQ(Evaluate({Doc({gold})}, {Doc({shifted})}).overall.overlap.tp, 0);
}

TEST(Evaluation, MatchingIsOneToOneByDescendingJaccard) {
  const Attribution gold = Quote(kDirect, {0, 10}, std::nullopt, "");
  const Attribution close = Quote(kDirect, {0, 9}, std::nullopt, "");
  const Attribution exact = Quote(kDirect, {0, 10}, std::nullopt, "");
  const EvalReport r = Evaluate({Doc({gold})}, {Doc({close, exact})});
  ExpectPRF(r.overall.overlap, 1, 1, 0);
  // The better pair won, so the match is exact too.
  ExpectPRF(r.overall.exact, 1, 1, 0);
}

TEST(Evaluation, ExactTrimsSpacesPunctuationAndQuoteMarks) {
  // Gold without the comma; system with both marks, comma and a space.
  const Attribution gold =
      Quote(kDirect, At("Prices will rise"), At("Ann Lee"), "Ann Lee");
  const Attribution marks =
      Quote(kDirect, At("\"Prices will rise,\" "), At("Ann Lee"), "Ann Lee");
  EvalReport r = Evaluate({Doc({gold})}, {Doc({marks})});
  ExpectPRF(r.overall.overlap, 1, 0, 0);
  ExpectPRF(r.overall.exact, 1, 0, 0);

  const Attribution shorter =
      Quote(kDirect, At("Prices will"), At("Ann Lee"), "Ann Lee");
  r = Evaluate({Doc({gold})}, {Doc({shorter})});
  ExpectPRF(r.overall.overlap, 1, 0, 0);  // 11/16
  ExpectPRF(r.overall.exact, 0, 1, 1);
}

TEST(Evaluation, ExactTrimsCurlyQuotesAndGuillemets) {
  const std::string text = "\u201CYes, \u00ABtoday\u00BB\u2026\u201D Kim said.";
  const std::size_t yes = text.find("Yes");
  const std::size_t kim = text.find(" Kim");
  const std::size_t today_end = text.find("\u00BB");
  DocumentResult gold{"c", text, {}, {}, {}};
  DocumentResult sys = gold;
  gold.quotes = {Quote(kDirect, {yes, kim}, std::nullopt, "")};  // with marks
  sys.quotes = {Quote(kDirect, {0, today_end}, std::nullopt, "")};
  const EvalReport r = Evaluate({gold}, {sys});
  ExpectPRF(r.overall.exact, 1, 0, 0);
}

TEST(Evaluation, SpeakerRightByOverlapByNameWordOrBothNull) {
  struct Case {
    const char* what;
    std::optional<Span> speaker;
    std::string name;
    bool right;
  };
  const Case cases[] = {
      {"span overlaps, no name", At("Lee"), "", true},
      {"other mention, shared surname", At("Lee", At("Bob").end), "Lee", true},
      {"name in capitals", At("the finance minister"), "ANN LEE", true},
      {"wrong person", At("Bob Stone"), "Bob Stone", false},
      {"only a title shared", At("the finance minister"), "Minister Stone",
       false},
      {"no speaker at all", std::nullopt, "", false},
  };
  for (const Case& c : cases) {
    const Attribution sys =
        Quote(kDirect, At("Prices will rise,"), c.speaker, c.name);
    const EvalReport r = Evaluate({Doc({GoldDirect()})}, {Doc({sys})});
    EXPECT_EQ(r.overall.speaker_correct, c.right ? 1 : 0) << c.what;
    ExpectPRF(r.overall.end_to_end, c.right ? 1 : 0, c.right ? 0 : 1,
              c.right ? 0 : 1);
  }
}

TEST(Evaluation, StopWordsAreNotNameWords) {
  const Attribution gold =
      Quote(kDirect, At("Prices will rise,"), std::nullopt, "Mr. Smith");
  const Attribution sys =
      Quote(kDirect, At("Prices will rise,"), std::nullopt, "Mr. Jones");
  EXPECT_EQ(Evaluate({Doc({gold})}, {Doc({sys})}).overall.speaker_correct, 0);
  const Attribution lower =
      Quote(kDirect, At("Prices will rise,"), std::nullopt, "the ministry");
  // Lower-case words are no name words, even when equal.
  EXPECT_EQ(Evaluate({Doc({lower})}, {Doc({lower})}).overall.speaker_correct,
            0);
}

TEST(Evaluation, BothSpeakersNullIsRight) {
  const Attribution q =
      Quote(kDirect, At("Prices will rise,"), std::nullopt, "");
  const EvalReport r = Evaluate({Doc({q})}, {Doc({q})});
  EXPECT_EQ(r.overall.speaker_correct, 1);
  EXPECT_DOUBLE_EQ(r.overall.speaker_accuracy, 1.0);
}

TEST(Evaluation, PerTypeRowsNeedTheSameTypeOverallDoesNot) {
  Attribution as_mixed = GoldDirect();
  as_mixed.type = kMixed;
  const EvalReport r = Evaluate({Doc({GoldDirect()})}, {Doc({as_mixed})});
  ExpectPRF(r.by_type.at("direct").overlap, 0, 0, 1);
  ExpectPRF(r.by_type.at("mixed").overlap, 0, 1, 0);
  ExpectPRF(r.overall.overlap, 1, 0, 0);
  EXPECT_EQ(r.overall.speaker_correct, 1);
}

TEST(Evaluation, TypeFilterAppliesToGoldAndSystem) {
  const Attribution extra = Quote(kIndirect, At("and left"), std::nullopt, "");
  EvalOptions options;
  options.types = {kDirect, kMixed};
  const EvalReport r =
      Evaluate(Gold(), {Doc({GoldDirect(), GoldMixed(), extra})}, options);
  ASSERT_EQ(r.by_type.size(), 2u);
  EXPECT_FALSE(r.by_type.contains("indirect"));
  // The gold indirect quote is no miss and the system one no false alarm.
  ExpectPRF(r.overall.overlap, 2, 0, 0);
}

TEST(Evaluation, MissingDocumentCountsItsQuotesAsMisses) {
  const std::vector<DocumentResult> gold = {Doc({GoldDirect()}, "a"),
                                            Doc({GoldIndirect()}, "b")};
  const std::vector<DocumentResult> system = {Doc({GoldDirect()}, "a"),
                                              Doc({GoldMixed()}, "zzz")};
  const EvalReport r = Evaluate(gold, system);
  EXPECT_EQ(r.documents, 2);
  EXPECT_EQ(r.missing_documents, 1);
  EXPECT_EQ(r.extra_documents, 1);
  ExpectPRF(r.overall.overlap, 1, 0, 1);  // the extra document is ignored
}

TEST(Evaluation, DocumentsAreMatchedByIdNotPosition) {
  const std::vector<DocumentResult> gold = {Doc({GoldDirect()}, "a"),
                                            Doc({GoldIndirect()}, "b")};
  const std::vector<DocumentResult> system = {Doc({GoldIndirect()}, "b"),
                                              Doc({GoldDirect()}, "a")};
  ExpectPRF(Evaluate(gold, system).overall.overlap, 2, 0, 0);
}

TEST(Evaluation, FormatReportHasARowPerTypeAndOverall) {
  const std::string table = FormatReport(Evaluate(Gold(), Gold()));
  for (const char* row : {"\ndirect ", "\nmixed ", "\nindirect ", "\noverall ",
                          "\ndocuments: 1 scored"}) {
    EXPECT_NE(table.find(row), std::string::npos) << row << "\n" << table;
  }
  EXPECT_NE(table.find("1.000"), std::string::npos);
}

TEST(Evaluation, ReportToJsonCarriesCountsAndRates) {
  const nlohmann::json j = ReportToJson(Evaluate(Gold(), {Doc({})}));
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["overall"]["overlap"]["fn"], 3);
  EXPECT_EQ(j["by_type"]["direct"]["end_to_end"]["recall"], 0.0);
  EXPECT_TRUE(j["overall"].contains("speaker_accuracy"));
}

}  // namespace
}  // namespace whosaid
