#include "whosaid/matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/quote_scanner.h"
#include "whosaid/rule_set.h"
#include "whosaid/segmenter.h"
#include "whosaid/skeleton.h"

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

// A small pack: verbs, openers and non-speakers as lexicons, names as
// capitalised words (full stops included, so that "Jr." and "U.S." fit).
const char kMacros[] =
    "CAP: '\\p{Lu}[\\p{L}.]*'\n"
    "NAME: '%{CAP}(?:[ ]%{CAP})*'\n";
const char kVerbs[] =
    "said | assert\n"
    "told | assert\n"
    "added | assert\n"
    "denied | deny\n";
const char kOpeners[] = "but\nearlier\nand\n";
const char kNotSpeakers[] = "the\nthis\n";
const char kAbbreviations[] = "jr\nsr\n";

// A rule file: `extra` holds further keys (priority, scope).
PackFile RuleFile(const std::string& id, const std::string& type,
                  const std::string& pattern, const std::string& extra = "") {
  return {"rules/" + id + ".yaml",
          "id: " + id + "\ndescription: A test rule.\ntype: " + type +
              "\npattern: '" + pattern + "'\n" + extra};
}

std::shared_ptr<const RuleSet> Load(std::vector<PackFile> rules) {
  PackSource pack{"mem",
                  {{"pack.yaml", "name: t\n"},
                   {"macros.yaml", kMacros},
                   {"lexicons/verbs.txt", kVerbs},
                   {"lexicons/speaker_openers.txt", kOpeners},
                   {"lexicons/not_speakers.txt", kNotSpeakers},
                   {"lexicons/abbreviations.txt", kAbbreviations}}};
  for (PackFile& f : rules) pack.files.push_back(std::move(f));
  StatusOr<std::shared_ptr<const RuleSet>> set = RuleSet::Load({pack});
  EXPECT_TRUE(set.ok()) << set.status().message();
  return set.ok() ? *set : nullptr;
}

// "⟦Q0⟧, Ruiz said" and the like.
const char kQuoteNameSaid[] =
    "%{QUOTE:content},?[ ]+%{NAME:speaker}[ ]+%{VERBS:cue}";
// "⟦Q0⟧, said Ruiz." (the speaker may take the final full stop).
const char kQuoteSaidName[] =
    "%{QUOTE:content},?[ ]+%{VERBS:cue}[ ]+(?P<speaker>(?:the[ ])?%{NAME})";
// "Ruiz said <clause>".
const char kNameSaidClause[] =
    "%{NAME:speaker}[ ]+%{VERBS:cue}[ ]+(?P<content>.*[^ .])";
// "⟦Q0⟧ Ruiz said. ⟦Q1⟧"
const char kSplit[] =
    "%{QUOTE:content},?[ ]+%{NAME:speaker}[ ]+%{VERBS:cue}[.,]?[ ]+"
    "%{QUOTE:content2}";

// Every match of every rule in every paragraph of `text`, unselected.
struct Matched {
  Matched(const RuleSet& rules, std::string t) : text(std::move(t)) {
    const std::vector<Span> paragraphs = SplitParagraphs(text);
    quotes = ScanQuotes(text, paragraphs);
    Matcher matcher(rules);
    for (const Span& paragraph : paragraphs) {
      Skeleton skeleton(text, paragraph, quotes);
      matcher.MatchParagraph(skeleton, skeleton.Sentences(), quotes, &matches);
    }
  }
  std::string text;
  std::vector<Quote> quotes;
  std::vector<RuleMatch> matches;
};

std::string Text(std::string_view text, const std::optional<Span>& span) {
  return span ? std::string(span->In(text)) : "-";
}

// One match on one line: "rule type {content} speaker / cue".
std::string Describe(std::string_view text, const RuleMatch& m) {
  return m.rule->id + " " + std::string(QuoteTypeName(m.type)) + " {" +
         std::string(m.content.In(text)) + "} " + Text(text, m.speaker) +
         " / " + Text(text, m.cue);
}

std::vector<std::string> Describe(const Matched& m) {
  std::vector<std::string> out;
  for (const RuleMatch& match : m.matches) {
    out.push_back(Describe(m.text, match));
  }
  return out;
}

struct MatchCase {
  std::string text;
  std::vector<std::string> matches;
};

void ExpectMatches(const RuleSet& rules, const std::vector<MatchCase>& cases) {
  for (const MatchCase& c : cases) {
    EXPECT_THAT(Describe(Matched(rules, c.text)), ElementsAreArray(c.matches))
        << c.text;
  }
}

// Rules whose cue stands at the top level run from each occurrence of the
// cue; the results must be those of the whole pattern searched at every
// position.
TEST(MatcherTest, CueAnchoredRulesMatchLikeTheWholePattern) {
  auto rules = Load({RuleFile("r.clause", "indirect", kNameSaidClause),
                     RuleFile("r.quote", "direct", kQuoteNameSaid)});
  ASSERT_NE(rules, nullptr);
  for (const Rule& rule : rules->rules()) {
    EXPECT_NE(rule.from_cue, nullptr) << rule.id;
    EXPECT_NE(rule.before_cue, nullptr) << rule.id;
  }
  ExpectMatches(*rules,
                {// The leftmost start wins; the next match starts after it.
                 {"Ana Ruiz said Berg told them all.",
                  {"r.clause indirect {Berg told them all} Ana Ruiz / said"}},
                 {"\"Go,\" Ruiz said. \"Stay,\" Berg told.",
                  {"r.quote direct {Go,} Ruiz / said",
                   "r.quote direct {Stay,} Berg / told"}}});
}

TEST(MatcherTest, TwoCuesFromOnePlaceTakeThePatternsChoice) {
  // "Told" is a name here: NAME is greedy, so the whole pattern reads
  // "Ana Told" as the speaker of "said", not "Ana" as the speaker of
  // "Told".
  auto rules = Load({RuleFile("r.clause", "indirect", kNameSaidClause)});
  ASSERT_NE(rules, nullptr);
  ExpectMatches(*rules, {{"Ana Told said the vote failed.",
                          {"r.clause indirect {the vote failed} Ana Told / "
                           "said"}}});
}

// The captures before the cue come from running the side's pieces one
// after another when that gives the side's own parse, and from the whole
// side when it does not.
TEST(MatcherTest, CapturesBeforeTheCueAreThoseOfTheWholeSide) {
  auto rules = Load({RuleFile(
      "r.greedy", "indirect",
      "(?P<speaker>[A-Za-z ]+)(?P<content>[a-z]+)[ ](?P<cue>said)\\b")});
  ASSERT_NE(rules, nullptr);
  EXPECT_EQ(rules->rules().front().before_pieces.size(), 3u);
  // The speaker piece alone takes "Ana ruiz " up to the cue, which leaves
  // nothing for the content: the whole side decides, and its greedy
  // speaker gives back one letter.
  ExpectMatches(*rules,
                {{"Ana ruiz said.", {"r.greedy indirect {z} Ana rui / said"}}});
}

// The relay and addressee of each match: "via / addressee".
std::vector<std::string> Relays(const Matched& m) {
  std::vector<std::string> out;
  for (const RuleMatch& match : m.matches) {
    out.push_back(Text(m.text, match.via) + " / " +
                  Text(m.text, match.addressee));
  }
  return out;
}

// After the cue, a group holding named groups is one piece: its parse
// takes the first alternative that matches, and that alternative's
// pieces give its captures.
TEST(MatcherTest, CapturesInAlternativesAreThoseOfTheWholeSide) {
  auto rules = Load({RuleFile(
      "r.relay", "indirect",
      "%{NAME:speaker}[ ]+%{VERBS:cue}(?:,[ ]as[ ]cited[ ]by[ ]"
      "(?P<via>%{NAME})|[ ]to[ ](?P<addressee>%{NAME})|[ ]on[ ][A-Z]\\w+)?"
      ",?[ ]+(?P<content>.*[^ .])")});
  ASSERT_NE(rules, nullptr);
  const Rule& rule = rules->rules().front();
  ASSERT_EQ(rule.after_pieces.size(), 3u);
  EXPECT_EQ(rule.after_pieces.front().alternatives.size(), 4u);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Ruiz said, as cited by Berg, the vote failed.", "Berg / -"},
      {"Ruiz told to Ana Berg the vote failed.", "- / Ana Berg"},
      {"Ruiz said on Monday the vote failed.", "- / -"},
      {"Ruiz said the vote failed.", "- / -"},
      // The addressee alternative matches but leaves nothing for the
      // content: the whole side decides, and skips the group.
      {"Ruiz said to Berg.", "- / -"},
  };
  for (const auto& [text, relays] : cases) {
    const Matched matched(*rules, text);
    EXPECT_THAT(Relays(matched), ElementsAre(relays)) << text;
  }
  ExpectMatches(*rules, {{"Ruiz said to Berg.",
                          {"r.relay indirect {to Berg} Ruiz / said"}},
                         {"Ruiz told to Ana Berg the vote failed.",
                          {"r.relay indirect {the vote failed} Ruiz / told"}}});
}

TEST(MatcherTest, RulesThatCannotSplitRunWhole) {
  auto rules = Load(
      {RuleFile("r.either", "indirect",
                "(?:%{NAME:speaker}[ ]+(?P<cue>said)|(?P<content>x))[ ]+y")});
  ASSERT_NE(rules, nullptr);
  const Rule& rule = rules->rules().front();
  EXPECT_EQ(rule.from_cue, nullptr);
  EXPECT_EQ(rule.cue_finder, nullptr);
}

TEST(MatcherTest, TypeIsDerivedFromTheContent) {
  auto rules = Load({RuleFile("t.clause", "indirect", kNameSaidClause)});
  ASSERT_NE(rules, nullptr);
  ExpectMatches(
      *rules,
      {
          // No quotation in the clause: indirect, trailing full stop gone.
          {"Ruiz said the bridge would close.",
           {"t.clause indirect {the bridge would close} Ruiz / said"}},
          // A quotation inside the clause: mixed, marks kept.
          {"Ruiz said the bridge was \"a relic\" of the past.",
           {"t.clause mixed {the bridge was \"a relic\" of the past} Ruiz / "
            "said"}},
          // The clause is one quotation: direct, inside the marks.
          {"Ruiz said \"the bridge is a relic.\"",
           {"t.clause direct {the bridge is a relic.} Ruiz / said"}},
          {"Nobody spoke.", {}},
      });
}

TEST(MatcherTest, DeclaredTypeDoesNotOverrideTheContent) {
  auto rules = Load({RuleFile("t.mixed", "mixed", kNameSaidClause)});
  ASSERT_NE(rules, nullptr);
  ExpectMatches(*rules,
                {
                    {"Ruiz said the bridge would close.",
                     {"t.mixed indirect {the bridge would close} Ruiz / said"}},
                    {"Ruiz said \"it will close.\"",
                     {"t.mixed direct {it will close.} Ruiz / said"}},
                });
}

TEST(MatcherTest, DirectRuleNeedsAQuotationAsContent) {
  auto rules = Load({RuleFile("t.direct", "direct", kNameSaidClause)});
  ASSERT_NE(rules, nullptr);
  ExpectMatches(*rules,
                {
                    {"Ruiz said the bridge would close.", {}},
                    {"Ruiz said the bridge was \"a relic\" of the past.", {}},
                    {"Ruiz said \"the bridge is a relic.\"",
                     {"t.direct direct {the bridge is a relic.} Ruiz / said"}},
                });
}

TEST(MatcherTest, DirectMatchRecordsItsQuoteAndSpans) {
  auto rules = Load({RuleFile("t.q", "direct", kQuoteNameSaid)});
  ASSERT_NE(rules, nullptr);
  Matched m(*rules,
            "The hall was full.\n\n"
            "\xE2\x80\x9CWe start at dawn,\xE2\x80\x9D Ruiz said on Monday.");
  ASSERT_EQ(m.matches.size(), 1u);
  const RuleMatch& match = m.matches[0];
  EXPECT_EQ(match.rule, rules->Find("t.q"));
  EXPECT_EQ(match.type, QuoteType::kDirect);
  EXPECT_THAT(match.quotes, ElementsAre(0));
  EXPECT_EQ(match.content, m.quotes[0].inner);
  EXPECT_EQ(match.content.In(m.text), "We start at dawn,");
  EXPECT_THAT(match.content_parts, IsEmpty());
  EXPECT_EQ(Text(m.text, match.speaker), "Ruiz");
  EXPECT_EQ(match.speaker->begin, m.text.find("Ruiz"));
  EXPECT_EQ(Text(m.text, match.cue), "said");
  EXPECT_EQ(match.whole.In(m.text),
            "\xE2\x80\x9CWe start at dawn,\xE2\x80\x9D Ruiz said");
  EXPECT_FALSE(match.via);
  EXPECT_FALSE(match.role);
  EXPECT_FALSE(match.org);
}

TEST(MatcherTest, SplitQuoteHasPartsAndAnEnvelope) {
  auto rules =
      Load({RuleFile("t.split", "direct", kSplit, "scope: paragraph\n")});
  ASSERT_NE(rules, nullptr);
  const std::vector<std::string> texts = {
      "\"The roads are clear,\" Ruiz said. \"The trains are not.\"",
      "\"The roads are clear,\" Ruiz said, \"but the trains are not.\"",
  };
  for (const std::string& text : texts) {
    Matched m(*rules, text);
    ASSERT_EQ(m.matches.size(), 1u) << text;
    const RuleMatch& match = m.matches[0];
    EXPECT_EQ(match.type, QuoteType::kDirect);
    EXPECT_THAT(match.quotes, ElementsAre(0, 1));
    EXPECT_THAT(match.content_parts,
                ElementsAre(m.quotes[0].inner, m.quotes[1].inner));
    EXPECT_EQ(match.content,
              (Span{m.quotes[0].inner.begin, m.quotes[1].inner.end}));
    EXPECT_EQ(Text(text, match.speaker), "Ruiz");
    EXPECT_EQ(Text(text, match.cue), "said");
  }
}

TEST(MatcherTest, SentenceScopeSeesOneSentenceAtATime) {
  auto rules = Load({
      RuleFile("t.split_sentence", "direct", kSplit),
      RuleFile("t.split_paragraph", "direct", kSplit, "scope: paragraph\n"),
  });
  ASSERT_NE(rules, nullptr);
  ExpectMatches(
      *rules,
      {
          // Over two sentences: only the paragraph-scoped rule sees both.
          {"\"The roads are clear,\" Ruiz said. \"The trains are not.\"",
           {"t.split_paragraph direct {The roads are clear,\" Ruiz said. "
            "\"The trains are not.} Ruiz / said"}},
          // In one sentence: both do.
          {"\"The roads are clear,\" Ruiz said, \"the trains are not.\"",
           {"t.split_paragraph direct {The roads are clear,\" Ruiz said, "
            "\"the trains are not.} Ruiz / said",
            "t.split_sentence direct {The roads are clear,\" Ruiz said, "
            "\"the trains are not.} Ruiz / said"}},
      });
}

TEST(MatcherTest, AnchorsMatchAtTheEndsOfThePiece) {
  const std::string pattern = std::string("^") + kNameSaidClause;
  auto rules = Load({
      RuleFile("t.sentence", "indirect", pattern),
      RuleFile("t.paragraph", "indirect", pattern, "scope: paragraph\n"),
  });
  ASSERT_NE(rules, nullptr);
  Matched m(*rules, "The vote passed. Ruiz said the bridge would close.");
  EXPECT_THAT(
      Describe(m),
      ElementsAre("t.sentence indirect {the bridge would close} Ruiz / said"));
}

TEST(MatcherTest, FindsEveryMatchInEverySentence) {
  auto rules = Load({RuleFile("t.q", "direct", kQuoteNameSaid)});
  ASSERT_NE(rules, nullptr);
  ExpectMatches(
      *rules,
      {{"\"Go,\" Ana said, \"now,\" Ben told them. \"Wait,\" Cy "
        "added.\n\n\"No,\" Di denied.",
        {"t.q direct {Go,} Ana / said", "t.q direct {now,} Ben / told",
         "t.q direct {Wait,} Cy / added", "t.q direct {No,} Di / denied"}}});
}

TEST(MatcherTest, SpeakerIsTrimmed) {
  auto rules = Load({
      RuleFile("t.clause", "indirect", kNameSaidClause),
      RuleFile("t.said_name", "direct", kQuoteSaidName),
  });
  ASSERT_NE(rules, nullptr);
  const struct {
    std::string text;
    std::string speaker;
  } cases[] = {
      // An opener from SPEAKER_OPENERS is not part of the speaker.
      {"But Ruiz said the bridge would close.", "Ruiz"},
      {"Earlier Mayor Ana Ruiz said the bridge would close.", "Mayor Ana Ruiz"},
      // A capitalised word not in the lexicon stays.
      {"Mayor Ruiz said the bridge would close.", "Mayor Ruiz"},
      // The full stop that ends the sentence is not part of a name.
      {"\"It closes,\" said Ana Ruiz.", "Ana Ruiz"},
      // But it is part of an abbreviation.
      {"\"It closes,\" said Martin Lutz Jr.", "Martin Lutz Jr."},
      {"\"It closes,\" said the U.S.", "the U.S."},
  };
  for (const auto& c : cases) {
    Matched m(*rules, c.text);
    ASSERT_EQ(m.matches.size(), 1u) << c.text;
    EXPECT_EQ(Text(c.text, m.matches[0].speaker), c.speaker) << c.text;
  }
}

TEST(MatcherTest, FullStopAfterAShortNameIsDropped) {
  auto rules = Load({RuleFile("t.said_name", "direct", kQuoteSaidName)});
  ASSERT_NE(rules, nullptr);
  for (std::string name : {"Li", "Wu", "Ng", "Ai Li"}) {
    const std::string text = "\"It closes,\" said " + name + ".";
    Matched m(*rules, text);
    ASSERT_EQ(m.matches.size(), 1u) << text;
    EXPECT_EQ(Text(text, m.matches[0].speaker), name) << text;
  }
}

TEST(MatcherTest, NotSpeakersDropTheMatch) {
  // The speaker is the capitalised word before "also said".
  auto rules =
      Load({RuleFile("t.also", "indirect",
                     "(?P<speaker>\\p{Lu}\\p{L}*)[ ]\\p{Ll}+[ ]%{VERBS:cue}[ ]+"
                     "(?P<content>.*[^ .])")});
  ASSERT_NE(rules, nullptr);
  ExpectMatches(*rules,
                {
                    {"Ruiz also said the bridge would close.",
                     {"t.also indirect {the bridge would close} Ruiz / said"}},
                    // "The" (any case) speaks for no one.
                    {"The mayor said the bridge would close.", {}},
                    {"THIS report said the bridge would close.", {}},
                });
}

TEST(MatcherTest, ViaRoleAndOrgAreMapped) {
  auto rules = Load({RuleFile(
      "t.full", "direct",
      "%{QUOTE:content},?[ ]+%{NAME:speaker},[ ]+(?P<role>\\p{Ll}+) of "
      "(?P<org>%{NAME}),[ ]+%{VERBS:cue},[ ]+as cited by (?P<via>.+)$")});
  ASSERT_NE(rules, nullptr);
  const std::string text =
      "\"Fares will rise,\" Ana Ruiz, director of Metro Rail, said, as cited "
      "by the Daily Post.";
  Matched m(*rules, text);
  ASSERT_EQ(m.matches.size(), 1u);
  const RuleMatch& match = m.matches[0];
  EXPECT_EQ(Text(text, match.speaker), "Ana Ruiz");
  EXPECT_EQ(Text(text, match.role), "director");
  EXPECT_EQ(Text(text, match.org), "Metro Rail");
  EXPECT_EQ(Text(text, match.cue), "said");
  // The relay is trimmed like a speaker: no final full stop.
  EXPECT_EQ(Text(text, match.via), "the Daily Post");
}

TEST(MatcherTest, MatchRuleRunsOneRule) {
  auto rules = Load({
      RuleFile("t.q", "direct", kQuoteNameSaid),
      RuleFile("t.clause", "indirect", kNameSaidClause),
  });
  ASSERT_NE(rules, nullptr);
  const std::string text = "\"Go,\" Ana said. Ben said the bus was late.";
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  const std::vector<Quote> quotes = ScanQuotes(text, paragraphs);
  Skeleton skeleton(text, paragraphs[0], quotes);
  Matcher matcher(*rules);
  std::vector<RuleMatch> out;
  matcher.MatchRule(*rules->Find("t.clause"), skeleton, skeleton.Sentences(),
                    quotes, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(Describe(text, out[0]),
            "t.clause indirect {the bus was late} Ben / said");
}

// SelectMatches, on hand-made candidates over the text below.
class SelectMatchesTest : public ::testing::Test {
 protected:
  // Offsets:     0         1         2         3         4         5
  //              0123456789012345678901234567890123456789012345678901234
  const std::string text_ =
      "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk";

  Span At(std::string_view word) const {
    const std::size_t at = text_.find(word);
    return Span{at, at + word.size()};
  }
  // A candidate of a rule with `priority`, its content from `from` to `to`
  // (words of text_), with an optional cue word and quotes.
  RuleMatch Candidate(const Rule* rule, std::string_view from,
                      std::string_view to, std::string_view cue = "",
                      std::vector<int> quotes = {}) {
    RuleMatch m;
    m.rule = rule;
    m.content = Span{At(from).begin, At(to).end};
    if (!cue.empty()) m.cue = At(cue);
    m.quotes = std::move(quotes);
    m.whole = m.content;
    return m;
  }
  std::vector<std::string> Chosen(std::vector<RuleMatch> candidates) const {
    std::vector<std::string> out;
    for (const RuleMatch& m : SelectMatches(std::move(candidates))) {
      out.push_back(m.rule->id + ":" + std::string(m.content.In(text_)));
    }
    return out;
  }

  Rule high_ = MakeRule("high", 10);
  Rule low_ = MakeRule("low", 1);
  Rule low2_ = MakeRule("low2", 1);

 private:
  static Rule MakeRule(std::string id, int priority) {
    Rule r;
    r.id = std::move(id);
    r.priority = priority;
    return r;
  }
};

TEST_F(SelectMatchesTest, NothingInNothingOut) {
  EXPECT_THAT(SelectMatches({}), IsEmpty());
}

TEST_F(SelectMatchesTest, PriorityWinsOverLength) {
  EXPECT_THAT(Chosen({Candidate(&low_, "aaaa", "ffff"),
                      Candidate(&high_, "cccc", "dddd")}),
              ElementsAre("high:cccc dddd"));
}

TEST_F(SelectMatchesTest, ThenTheLongerContent) {
  EXPECT_THAT(Chosen({Candidate(&low_, "cccc", "dddd"),
                      Candidate(&low2_, "bbbb", "eeee")}),
              ElementsAre("low2:bbbb cccc dddd eeee"));
}

TEST_F(SelectMatchesTest, ThenTheEarlierOne) {
  EXPECT_THAT(Chosen({Candidate(&low_, "cccc", "dddd"),
                      Candidate(&low2_, "bbbb", "cccc")}),
              ElementsAre("low2:bbbb cccc"));
}

TEST_F(SelectMatchesTest, SameCueIntroducesOneStatement) {
  // Contents apart, one reporting verb: the loser goes.
  EXPECT_THAT(Chosen({Candidate(&low_, "aaaa", "bbbb", "dddd"),
                      Candidate(&high_, "gggg", "hhhh", "dddd")}),
              ElementsAre("high:gggg hhhh"));
}

TEST_F(SelectMatchesTest, SameQuoteIsAttributedOnce) {
  EXPECT_THAT(Chosen({Candidate(&high_, "aaaa", "bbbb", "cccc", {0, 1}),
                      Candidate(&low_, "gggg", "hhhh", "iiii", {1})}),
              ElementsAre("high:aaaa bbbb"));
}

TEST_F(SelectMatchesTest, DisjointCandidatesAllStayInTextOrder) {
  EXPECT_THAT(Chosen({Candidate(&low_, "jjjj", "kkkk", "iiii", {2}),
                      Candidate(&high_, "eeee", "ffff", "gggg", {1}),
                      Candidate(&low2_, "aaaa", "bbbb", "cccc", {0})}),
              ElementsAre("low2:aaaa bbbb", "high:eeee ffff", "low:jjjj kkkk"));
}

TEST_F(SelectMatchesTest, OverlappingContentsKeepOne) {
  // Neither's cue lies in the other's content: one statement, two readings.
  EXPECT_THAT(Chosen({Candidate(&low_, "aaaa", "cccc", "eeee"),
                      Candidate(&low2_, "cccc", "dddd", "ffff"),
                      Candidate(&high_, "hhhh", "jjjj", "kkkk"),
                      Candidate(&low_, "iiii", "iiii", "gggg")}),
              ElementsAre("low:aaaa bbbb cccc", "high:hhhh iiii jjjj"));
}

TEST_F(SelectMatchesTest, ALongChosenContentStillBlocksOneFarInsideIt) {
  // The short candidate begins far from where the long content begins;
  // it must still be found overlapping it.
  EXPECT_THAT(Chosen({Candidate(&high_, "aaaa", "kkkk", "aaaa"),
                      Candidate(&low_, "bbbb", "bbbb", "cccc"),
                      Candidate(&low2_, "jjjj", "jjjj", "iiii")}),
              ElementsAre("high:aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii "
                          "jjjj kkkk"));
}

TEST(SelectMatchesOnRulesTest, HigherPriorityRuleKeepsTheSharedCue) {
  auto rules = Load({
      RuleFile("t.q", "direct", kQuoteNameSaid, "priority: 5\n"),
      RuleFile("t.clause", "indirect", kNameSaidClause, "priority: 1\n"),
  });
  ASSERT_NE(rules, nullptr);
  // Both rules use the one "said": t.q as "⟦Q0⟧ Ruiz said", t.clause as
  // "Ruiz said ⟦Q1⟧".
  Matched m(*rules, "\"Go,\" Ruiz said \"and now.\"");
  ASSERT_EQ(m.matches.size(), 2u);
  std::vector<RuleMatch> chosen = SelectMatches(m.matches);
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(Describe(m.text, chosen[0]), "t.q direct {Go,} Ruiz / said");
}

}  // namespace
}  // namespace whosaid
