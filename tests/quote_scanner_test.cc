#include "whosaid/quote_scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "marks.h"
#include "whosaid/segmenter.h"

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

// Marks spelled out, so the tables stay readable ASCII.
#define LOW1 "\xE2\x80\x9A"  // ‚
#define LAQ "\xC2\xAB"       // «
#define RAQ "\xC2\xBB"       // »
#define LSA "\xE2\x80\xB9"   // ‹
#define RSA "\xE2\x80\xBA"   // ›
#define NBSP "\xC2\xA0"

std::vector<Quote> Scan(std::string_view text) {
  return ScanQuotes(text, SplitParagraphs(text));
}

// One quote as a short string: ">" per nesting level, the inner text, " …"
// when unclosed, and " ^N" when it continues quote N.
std::string Describe(std::string_view text, const Quote& q) {
  std::string out(q.depth, '>');
  if (q.depth > 0) out += ' ';
  out += q.inner.In(text);
  if (!q.closed) out += " \xE2\x80\xA6";
  if (q.continues >= 0) out += " ^" + std::to_string(q.continues);
  return out;
}

std::vector<std::string> Describe(std::string_view text,
                                  const std::vector<Quote>& quotes) {
  std::vector<std::string> out;
  for (const Quote& q : quotes) out.push_back(Describe(text, q));
  return out;
}

// The contract's invariants, which every output must satisfy.
void ExpectWellFormed(std::string_view text, const std::vector<Quote>& quotes) {
  std::vector<Span> paragraphs = SplitParagraphs(text);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    SCOPED_TRACE("quote " + std::to_string(i));
    EXPECT_LE(q.outer.end, text.size());
    EXPECT_TRUE(q.outer.Contains(q.inner));
    EXPECT_LT(q.outer.begin, q.inner.begin);  // The opening mark is outside.
    if (i > 0) {
      EXPECT_LT(quotes[i - 1].outer.begin, q.outer.begin);
    }
    bool in_paragraph = false;
    for (const Span& p : paragraphs) in_paragraph |= p.Contains(q.outer);
    EXPECT_TRUE(in_paragraph);
    if (q.parent >= 0) {
      ASSERT_LT(q.parent, static_cast<int>(i));
      EXPECT_TRUE(quotes[q.parent].outer.Contains(q.outer));
      EXPECT_EQ(q.depth, quotes[q.parent].depth + 1);
    } else {
      EXPECT_EQ(q.depth, 0);
    }
    if (q.continues >= 0) {
      ASSERT_LT(q.continues, static_cast<int>(i));
      EXPECT_FALSE(quotes[q.continues].closed);
    }
  }
}

struct Case {
  std::string text;
  std::vector<std::string> expected;
};

class ScanQuotesTest : public ::testing::TestWithParam<Case> {};

TEST_P(ScanQuotesTest, Finds) {
  const Case& c = GetParam();
  std::vector<Quote> quotes = Scan(c.text);
  EXPECT_THAT(Describe(c.text, quotes), ElementsAreArray(c.expected));
  ExpectWellFormed(c.text, quotes);
}

INSTANTIATE_TEST_SUITE_P(
    MarkStyles, ScanQuotesTest,
    ::testing::Values(
        Case{"", {}}, Case{"No quotes at all.", {}},
        Case{"She said \"fine\" twice.", {"fine"}},
        Case{"She said " LDQ "fine" RDQ " twice.", {"fine"}},
        Case{"She said 'fine' twice.", {"fine"}},
        Case{"She said " LSQ "fine" RSQ " twice.", {"fine"}},
        Case{"She said ``fine'' twice.", {"fine"}},
        Case{"She said ''fine'' twice.", {"fine"}},
        Case{"She said " LSQ LSQ "fine" RSQ RSQ " twice.", {"fine"}},
        Case{"Il a dit " LAQ " d'accord " RAQ " hier.", {"d'accord"}},
        Case{"Il a dit " LAQ NBSP "oui" NBSP RAQ " hier.", {"oui"}},
        Case{"Il a dit " LSA "non" RSA " hier.", {"non"}},
        Case{"Er sagte " RAQ "ja" LAQ " leise.", {"ja"}},
        Case{"Er sagte " LOW "ja" LDQ " leise.", {"ja"}},
        Case{"Er sagte " LOW "ja" LDQ "und ging.", {"ja"}},
        Case{"Er sagte " LOW1 "nein" LSQ " leise.", {"nein"}},
        Case{"Mo powiedzia"
             "\xC5\x82"
             " " LOW "tak" RDQ ".",
             {"tak"}},
        // Straight and curly marks of one family pair with each other.
        Case{LDQ "Fine,\" he said.", {"Fine,"}},
        // A straight " after text opens when nothing is open.
        Case{"He wrote:\"Soon.\"", {"Soon."}},
        Case{"\".@someone is wrong,\" she posted.", {".@someone is wrong,"}},
        Case{"Voters want " LDQ " real change" RDQ " now.", {"real change"}},
        Case{"Empty \"\" marks.", {""}},
        // Careless typing: “…“ and ”…”.
        Case{"A site called " LDQ "Move Here Now" LDQ " opened.",
             {"Move Here Now"}},
        Case{"He said " RDQ "wait" RDQ " again.", {"wait"}}));

INSTANTIATE_TEST_SUITE_P(
    Nesting, ScanQuotesTest,
    ::testing::Values(
        Case{LDQ "He told me " LSQ "never again," RSQ " and left," RDQ
                 " she said.",
             {"He told me " LSQ "never again," RSQ " and left,",
              "> never again,"}},
        Case{"'She said \"not now\" twice,' he recalled.",
             {"She said \"not now\" twice,", "> not now"}},
        Case{"\"He said 'stop' and 'go' at once,\" she said.",
             {"He said 'stop' and 'go' at once,", "> stop", "> go"}},
        Case{LDQ "A " LSQ "B " LDQ "C" RDQ " B" RSQ " A" RDQ,
             {"A " LSQ "B " LDQ "C" RDQ " B" RSQ " A", "> B " LDQ "C" RDQ " B",
              ">> C"}},
        Case{"\"They yelled \"out\" at us,\" he said.",
             {"They yelled \"out\" at us,", "> out"}},
        // NYT style: '' outside, ' inside, closed as .' ''
        Case{"''He said, 'I quit.' '' she wrote.",
             {"He said, 'I quit.'", "> I quit."}},
        // ''' after text closes the single first, before text opens the
        // double first.
        Case{"''We said 'never''' she wrote.", {"We said 'never'", "> never"}},
        Case{"'''Go home,' he said,'' she wrote.",
             {"'Go home,' he said,", "> Go home,"}},
        // Smart-quote software turned the inner opening into ’.
        Case{LDQ RSQ "Sharp Objects," RSQ RDQ " she said.",
             {RSQ "Sharp Objects," RSQ, "> Sharp Objects,"}}));

INSTANTIATE_TEST_SUITE_P(
    Paragraphs, ScanQuotesTest,
    ::testing::Values(
        // The reopening convention links one quote per paragraph.
        Case{LDQ "First part.\n\n" LDQ "Second part.\n\n" LDQ "Third part," RDQ
                 " she said.",
             {"First part. \xE2\x80\xA6", "Second part. \xE2\x80\xA6 ^0",
              "Third part, ^1"}},
        Case{"\"One.\n\n\"Two,\" he said.", {"One. \xE2\x80\xA6", "Two, ^0"}},
        Case{"''One.\n\n''Two,'' he said.", {"One. \xE2\x80\xA6", "Two, ^0"}},
        Case{"'British style.\n\n'Goes on,' he said.",
             {"British style. \xE2\x80\xA6", "Goes on, ^0"}},
        // No reopening: the quote just stays unclosed.
        Case{LDQ "Left open\n\nNext paragraph.", {"Left open \xE2\x80\xA6"}},
        Case{LDQ "Left open\n\n'Other kind,' she said.",
             {"Left open \xE2\x80\xA6", "Other kind,"}},
        // A closed quote is not continued by the next paragraph.
        Case{LDQ "Done." RDQ "\n\n" LDQ "New." RDQ, {"Done.", "New."}},
        // Quotes never cross paragraphs, CRLF and lone CR included.
        Case{LDQ "One.\r\n\r\n" LDQ "Two," RDQ " he said.",
             {"One. \xE2\x80\xA6", "Two, ^0"}},
        Case{LDQ "A" RDQ "\r" LDQ "B\r" LDQ "C" RDQ,
             {"A", "B \xE2\x80\xA6", "C ^1"}}));

// Paragraphs joined into one line keep their reopening marks: a double
// mark that opens a sentence while a double quote is open reopens it
// instead of nesting, so that the text after the quotes is not swallowed.
INSTANTIATE_TEST_SUITE_P(
    JoinedParagraphs, ScanQuotesTest,
    ::testing::Values(
        Case{"He said: \"First part. \"Second part.\" The end.",
             {"First part. \xE2\x80\xA6", "Second part. ^0"}},
        Case{"He said: " LDQ "One! " LDQ "Two? " LDQ "Three," RDQ " he said.",
             {"One! \xE2\x80\xA6", "Two? \xE2\x80\xA6 ^0", "Three, ^1"}},
        Case{"He said: \"Who says 'why not?' \"Not me.\"",
             {"Who says 'why not?' \xE2\x80\xA6", "> why not?", "Not me. ^0"}},
        // Not after a sentence's end: a nested quote, as before.
        Case{"\"They yelled \"out\" at us,\" he said.",
             {"They yelled \"out\" at us,", "> out"}},
        // Nor inside a single quote, nor for a single mark.
        Case{"'He said. \"No.\"' she wrote.", {"He said. \"No.\"", "> No."}},
        Case{"\"I said. 'No.'\" she wrote.", {"I said. 'No.'", "> No."}}));

INSTANTIATE_TEST_SUITE_P(
    UnclosedAndStray, ScanQuotesTest,
    ::testing::Values(
        Case{"He said " LDQ "this never ends  ",
             {"this never ends \xE2\x80\xA6"}},
        Case{"He said \"this never ends", {"this never ends \xE2\x80\xA6"}},
        // A quote left open inside one that closes ends at the closing mark.
        Case{LDQ "Outer " LAQ "inner " RDQ " after.",
             {"Outer " LAQ "inner", "> inner \xE2\x80\xA6"}},
        // An unclosed single quote is most likely an apostrophe.
        Case{"He said 'this never ends", {}},
        Case{LDQ "Say 'cheese," RDQ " he said.", {"Say 'cheese,"}},
        // Stray closing marks are ignored.
        Case{"Nothing" RDQ " here" RSQ " or " RAQ " there.", {}},
        Case{"It is 6'2\" tall.", {}}, Case{"Trailing mark \"", {}},
        Case{"\"", {}}, Case{LDQ, {}}, Case{"''", {}}));

INSTANTIATE_TEST_SUITE_P(
    Apostrophes, ScanQuotesTest,
    ::testing::Values(
        Case{"I don't know O" RSQ "Brien's plan.", {}},
        Case{"They love rock " RSQ "n" RSQ " roll and rock 'n' roll.", {}},
        Case{"The " RSQ "90s and the '80s and the " LSQ "08 race.", {}},
        Case{"Give 'em hell, 'til dawn.", {}},
        Case{"The Smiths" RSQ " house and the Joneses' car.", {}},
        Case{"He was goin' home.", {}},
        Case{"She called it 'absurd' and 'cruel'.", {"absurd", "cruel"}},
        Case{LSQ "We like rock " RSQ "n" RSQ " roll," RSQ " they said.",
             {"We like rock " RSQ "n" RSQ " roll,"}},
        Case{"\"" RSQ "Tis the season,\" he said.", {RSQ "Tis the season,"}},
        Case{LDQ "The Smiths" RSQ " house," RDQ " he said.",
             {"The Smiths" RSQ " house,"}},
        // An apostrophe that looks like an opening and pairs across a
        // sentence end with one that does not end an utterance: no quote.
        Case{"He said 'maybe. Then the Smiths' dog barked.", {}},
        // Sentences are split only when a single quote closes, and then
        // read up to each closing: several in a paragraph, and again in
        // the next paragraph.
        Case{"'Yes,' he said. Then 'maybe. The Smiths' dog barked. 'Ok. "
             "Go,' she said.\n\nAnd 'no. The Joneses' cat. 'Fine,' he said.",
             {"Yes,", "Ok. Go,", "Fine,"}},
        // A real multi-sentence single quote ends with punctuation.
        Case{"'I came home. Then I slept,' he said.",
             {"I came home. Then I slept,"}},
        // An abbreviation is no sentence end.
        Case{"He called it 'Mr. Lee's idea' today.", {"Mr. Lee's idea"}}));

// The scan passes over bytes that cannot start a mark without decoding
// them: marks right after other characters with the same lead byte (0xC2:
// £, no-break space; 0xE2: dashes, €, …), after other multi-byte
// characters and at the very start and end must still be seen.
INSTANTIATE_TEST_SUITE_P(
    MarksAmongOtherCharacters, ScanQuotesTest,
    ::testing::Values(
        Case{"It cost \xC2\xA3"
             "5:" NBSP LDQ "too much" RDQ NBSP "he said.",
             {"too much"}},
        Case{"Price " RAQ "\xE2\x82\xAC"
             "9" LAQ " now.",
             {"\xE2\x82\xAC"
              "9"}},
        Case{EMDASH LDQ "Go" RDQ "\xE2\x80\xA6 " EMDASH "'home'" EMDASH,
             {"Go", "home"}},
        Case{"Caf\xC3\xA9 " LDQ "\xC3\xA9t\xC3\xA9" RDQ
             " \xF0\x9F\x98\x80\"ok\" \xE4\xB8\xAD\"\xE6\x96\x87\"",
             {"\xC3\xA9t\xC3\xA9", "ok", "\xE6\x96\x87"}},
        Case{"\"a\"", {"a"}}, Case{"xyz\"abcdefgh\"", {"abcdefgh"}},
        Case{"x " LSQ LSQ "doubled" RSQ RSQ " and ``back''",
             {"doubled", "back"}}));

INSTANTIATE_TEST_SUITE_P(
    InvalidUtf8, ScanQuotesTest,
    ::testing::Values(
        Case{"\"\xFF\xFE\" and " LDQ "\x80" RDQ, {"\xFF\xFE", "\x80"}},
        Case{"Cut " LDQ "short \xE2\x80", {"short \xE2\x80 \xE2\x80\xA6"}},
        Case{"Lone \xE2\x80\x9C\xE2 bytes\xE2\x80\x9D.", {"\xE2 bytes"}}));

TEST(ScanQuotesTest, OuterIncludesTheMarksInnerDoesNot) {
  std::string text = "X " LDQ "hi" RDQ " y";
  std::vector<Quote> quotes = Scan(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].outer, (Span{2, 10}));
  EXPECT_EQ(quotes[0].inner, (Span{5, 7}));
  EXPECT_EQ(quotes[0].outer.In(text), LDQ "hi" RDQ);
}

TEST(ScanQuotesTest, OffsetsStayByteExactAfterInvalidBytes) {
  std::string text = "\xFF\xC3 \"ok\"";
  std::vector<Quote> quotes = Scan(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].outer, (Span{3, 7}));
  EXPECT_EQ(quotes[0].inner, (Span{4, 6}));
}

TEST(ScanQuotesTest, UnclosedQuoteEndsAtItsParagraph) {
  std::string text = "\"Open here   \n\nNext.";
  std::vector<Quote> quotes = Scan(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_FALSE(quotes[0].closed);
  EXPECT_EQ(quotes[0].outer, (Span{0, 10}));
  EXPECT_EQ(quotes[0].inner, (Span{1, 10}));
}

TEST(ScanQuotesTest, ParentIndicesPointIntoTheResult) {
  std::string text = "'Drop \"a\" here. And go on and on' \"b 'c' d\"";
  std::vector<Quote> quotes = Scan(text);
  // The first single quote crosses a sentence end and closes after a
  // letter: dropped, its child "a" moves up to the top level.
  EXPECT_THAT(Describe(text, quotes), ElementsAre("a", "b 'c' d", "> c"));
  EXPECT_EQ(quotes[2].parent, 1);
  ExpectWellFormed(text, quotes);
}

TEST(ScanQuotesTest, IgnoresBadParagraphs) {
  std::string text = "\"a\" \"b\"";
  // Out of order, overlapping and out-of-range paragraphs are skipped.
  std::vector<Span> paragraphs = {{4, 7}, {0, 3}, {5, 6}, {6, 99}};
  std::vector<Quote> quotes = ScanQuotes(text, paragraphs);
  EXPECT_THAT(Describe(text, quotes), ElementsAre("b"));
  EXPECT_THAT(ScanQuotes(text, {}), IsEmpty());
}

// Found by the quote_scanner fuzzer: a paragraph that ends inside a
// multi-byte space (U+2000, EN QUAD) just after an opening mark gave an
// inner span starting past its own end and past the outer span.
TEST(ScanQuotesTest, ParagraphEndingInsideACharacterKeepsInnerInsideOuter) {
  const std::string text = LDQ "\xE2\x80\x80x";
  const std::vector<Quote> quotes = ScanQuotes(text, {Span{0, 4}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].outer, (Span{0, 4}));
  EXPECT_LE(quotes[0].inner.begin, quotes[0].inner.end);
  EXPECT_TRUE(quotes[0].outer.Contains(quotes[0].inner));
  ExpectWellFormed(text, quotes);
}

TEST(ScanQuotesTest, DeepNestingStaysLinear) {
  // Quadratic pairing would take minutes here.
  std::string text;
  constexpr int kDepth = 100000;
  for (int i = 0; i < kDepth; ++i) text += LDQ "a " LSQ "b ";
  for (int i = 0; i < kDepth; ++i) text += "c," RSQ " d," RDQ " ";
  std::vector<Quote> quotes = Scan(text);
  ASSERT_EQ(quotes.size(), 2u * kDepth);
  EXPECT_EQ(quotes.back().depth, 2 * kDepth - 1);
  EXPECT_TRUE(quotes.back().closed);

  // One closing mark that leaves every guillemet inside it unclosed.
  std::string openers = LDQ;
  for (int i = 0; i < kDepth; ++i) openers += LAQ "a ";
  openers += std::string(kDepth, ' ') + RDQ;
  std::vector<Quote> unclosed = Scan(openers);
  ASSERT_EQ(unclosed.size(), kDepth + 1u);
  EXPECT_TRUE(unclosed.front().closed);
  EXPECT_FALSE(unclosed.back().closed);
  EXPECT_EQ(unclosed.back().outer.end, unclosed.front().inner.end);
}

// Random soup of marks, letters and breaks: whatever comes out must satisfy
// the contract, and nothing may crash.
TEST(ScanQuotesTest, RandomTextsGiveWellFormedResults) {
  const std::vector<std::string> pieces = {
      "\"",   "'",  "''",   "``",   LDQ,   RDQ, LSQ, RSQ, LOW, LOW1,
      LAQ,    RAQ,  LSA,    RSA,    " ",   "a", "s", ".", ",", "\n",
      "\n\n", "\r", "\xFF", "\xE2", "Mr.", "9", "-", "(", NBSP};
  std::mt19937 random(12345);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int length = 1 + round % 40;
    for (int i = 0; i < length; ++i) text += pieces[pick(random)];
    SCOPED_TRACE(text);
    ExpectWellFormed(text, Scan(text));
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace whosaid
