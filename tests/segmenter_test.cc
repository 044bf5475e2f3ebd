#include "whosaid/segmenter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

#define NBSP "\xC2\xA0"

std::vector<std::string> Texts(std::string_view text,
                               const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& span : spans) out.emplace_back(span.In(text));
  return out;
}

// Invariants every result must hold: in order, non-overlapping, non-empty,
// inside `within`, and trimmed.
void ExpectWellFormed(std::string_view text, Span within,
                      const std::vector<Span>& spans) {
  std::size_t previous_end = within.begin;
  for (const Span& span : spans) {
    EXPECT_FALSE(span.empty());
    EXPECT_GE(span.begin, previous_end);
    EXPECT_LE(span.end, within.end);
    EXPECT_NE(text[span.begin], ' ');
    EXPECT_NE(text[span.end - 1], ' ');
    EXPECT_NE(text[span.end - 1], '\n');
    previous_end = span.end;
  }
}

struct Case {
  std::string text;
  std::vector<std::string> expected;
};

class SplitParagraphsTest : public ::testing::TestWithParam<Case> {};

TEST_P(SplitParagraphsTest, Splits) {
  const Case& c = GetParam();
  std::vector<Span> paragraphs = SplitParagraphs(c.text);
  EXPECT_THAT(Texts(c.text, paragraphs), ElementsAreArray(c.expected));
  ExpectWellFormed(c.text, {0, c.text.size()}, paragraphs);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SplitParagraphsTest,
    ::testing::Values(
        Case{"", {}}, Case{" \t\n\n  \r\n", {}},
        Case{"Rain fell.", {"Rain fell."}},
        // Blank lines separate; single line breaks stay inside.
        Case{"First line\nsame paragraph.\n\nSecond.",
             {"First line\nsame paragraph.", "Second."}},
        Case{"One.\n\n\n\nTwo.", {"One.", "Two."}},
        // A line of spaces and tabs is blank.
        Case{"One.\n \t \nTwo.\nStill two.", {"One.", "Two.\nStill two."}},
        // No separating blank line: one paragraph a line.
        Case{"Alpha\nBeta\nGamma", {"Alpha", "Beta", "Gamma"}},
        // Blank lines only at the edges do not switch modes.
        Case{"\n\nAlpha\nBeta\n\n", {"Alpha", "Beta"}},
        // Windows and old Mac line breaks.
        Case{"One.\r\n\r\nTwo.\r\nStill two.", {"One.", "Two.\r\nStill two."}},
        Case{"One.\rTwo.\rThree.", {"One.", "Two.", "Three."}},
        Case{"One.\r\rTwo.\rStill two.", {"One.", "Two.\rStill two."}},
        // A blank line between "\n" and "\r\n"; breaks at the very end.
        Case{"One.\n\r\nTwo.\r", {"One.", "Two."}}, Case{"\n", {}},
        Case{"\r\n\r\n", {}}, Case{"\r", {}},
        // Surrounding spaces, including no-break spaces, are trimmed.
        Case{"  Padded.  \n\n" NBSP "Also." NBSP, {"Padded.", "Also."}},
        // Invalid UTF-8 is kept byte for byte.
        Case{"\xFF\xFE bad\n\n\x80 worse", {"\xFF\xFE bad", "\x80 worse"}}));

TEST(SplitParagraphsTest, OffsetsAreBytesOfTheOriginalText) {
  std::string text = "\xE2\x80\x9C\xC3\xA9t\xC3\xA9\xE2\x80\x9D\r\n\r\nNext";
  EXPECT_THAT(SplitParagraphs(text), ElementsAre(Span{0, 11}, Span{15, 19}));
}

class SplitSentencesTest : public ::testing::TestWithParam<Case> {};

TEST_P(SplitSentencesTest, Splits) {
  const Case& c = GetParam();
  Span all{0, c.text.size()};
  std::vector<Span> sentences = SplitSentences(c.text, all);
  EXPECT_THAT(Texts(c.text, sentences), ElementsAreArray(c.expected));
  ExpectWellFormed(c.text, all, sentences);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SplitSentencesTest,
    ::testing::Values(
        Case{"", {}}, Case{"   ", {}},
        Case{"The ferry left. Nobody waved.",
             {"The ferry left.", "Nobody waved."}},
        Case{"Who called? Nobody! Fine.", {"Who called?", "Nobody!", "Fine."}},
        Case{"She paused... Then she went on.",
             {"She paused...", "Then she went on."}},
        Case{"The vote was 52 to 48. 2017 was different.",
             {"The vote was 52 to 48.", "2017 was different."}},
        // No split before a lowercase word or without a space.
        Case{"It rose 3.5 percent. and then fell.",
             {"It rose 3.5 percent. and then fell."}},
        // Abbreviations and initials.
        Case{"Mr. Okafor met Dr. Lind and Gov. Ruiz.",
             {"Mr. Okafor met Dr. Lind and Gov. Ruiz."}},
        Case{"The U.S. Navy sailed. The U.N. Council met.",
             {"The U.S. Navy sailed.", "The U.N. Council met."}},
        Case{"Harry S. Truman won. He was surprised.",
             {"Harry S. Truman won.", "He was surprised."}},
        Case{
            "The talks began Sept. 14 and ended Oct. 2. Nothing changed.",
            {"The talks began Sept. 14 and ended Oct. 2.", "Nothing changed."}},
        Case{"It opens at 9 a.m. Monday in Albany, N.Y. State police came.",
             {"It opens at 9 a.m. Monday in Albany, N.Y. State police came."}},
        // A dotted acronym ends the sentence before a word that opens one.
        Case{"Polls close at 8 p.m. He says it is close. We met in the U.S. "
             "The talks went well.",
             {"Polls close at 8 p.m.", "He says it is close.",
              "We met in the U.S.", "The talks went well."}},
        // "No." abbreviates only before a number; "I." is a pronoun.
        Case{"She ranked No. 3 overall. No. She refused.",
             {"She ranked No. 3 overall.", "No.", "She refused."}},
        Case{"So did I. Then we left.", {"So did I.", "Then we left."}},
        // Closing quotes and brackets stay with their sentence.
        Case{"\"Stop.\" He stopped.", {"\"Stop.\"", "He stopped."}},
        Case{"She said \xE2\x80\x98no.\xE2\x80\x99 Then she left.",
             {"She said \xE2\x80\x98no.\xE2\x80\x99", "Then she left."}},
        Case{"\xE2\x80\x9CGo home.\xE2\x80\x9D We went.",
             {"\xE2\x80\x9CGo home.\xE2\x80\x9D", "We went."}},
        Case{"(See the map.) It helps.", {"(See the map.)", "It helps."}},
        // An opening quote may start a sentence.
        Case{"He left. \xE2\x80\x9CWhy?\xE2\x80\x9D she asked.",
             {"He left.", "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked."}},
        Case{"He left. \"why?\" she asked.",
             {"He left.", "\"why?\" she asked."}},
        // Non-ASCII capitals start sentences.
        Case{"It ended. \xC3\x89lise smiled.",
             {"It ended.", "\xC3\x89lise smiled."}},
        // Line breaks are whitespace, CRLF and lone CR included.
        Case{"One.\r\nTwo.\rThree.\nFour.",
             {"One.", "Two.", "Three.", "Four."}},
        // Skeleton placeholders open sentences and are never split.
        Case{"He left. \xE2\x9F\xA6Q3\xE2\x9F\xA7 he said.",
             {"He left.", "\xE2\x9F\xA6Q3\xE2\x9F\xA7 he said."}},
        Case{
            "\xE2\x9F\xA6Q1\xE2\x9F\xA7, she said. \xE2\x9F\xA6Q12\xE2\x9F\xA7",
            {"\xE2\x9F\xA6Q1\xE2\x9F\xA7, she said.",
             "\xE2\x9F\xA6Q12\xE2\x9F\xA7"}},
        Case{"He said \xE2\x9F\xA6Q7\xE2\x9F\xA7. Then he left.",
             {"He said \xE2\x9F\xA6Q7\xE2\x9F\xA7.", "Then he left."}},
        // Other characters that share the placeholder's lead byte 0xE2:
        // an ellipsis character is no terminal, a dash no opener.
        Case{"Wait\xE2\x80\xA6 He left. \xE2\x80\x94 No.",
             {"Wait\xE2\x80\xA6 He left. \xE2\x80\x94 No."}},
        Case{"He left.\xE2\x80\x9D Then? \xE2\x80\xA2 Item.",
             {"He left.\xE2\x80\x9D", "Then?", "\xE2\x80\xA2 Item."}},
        // A no-break space separates like a space; closers after the stop.
        Case{"It rained." NBSP "Then it stopped.\xC2\xBB" NBSP NBSP "Ok.",
             {"It rained.", "Then it stopped.\xC2\xBB", "Ok."}},
        // A bracket around a stop is no placeholder and skipped alone (the
        // stop, glued to a digit, ends nothing); one cut off by the end.
        Case{"\xE2\x9F\xA6Q.1\xE2\x9F\xA7 Yes. \xE2\x9F\xA6Q2",
             {"\xE2\x9F\xA6Q.1\xE2\x9F\xA7 Yes.", "\xE2\x9F\xA6Q2"}},
        // A stray bracket with no placeholder after it is harmless.
        Case{"Odd \xE2\x9F\xA6. Fine.", {"Odd \xE2\x9F\xA6.", "Fine."}},
        // Invalid UTF-8 bytes are neither letters nor boundaries.
        Case{"Bad \xFF. Next \xC3. \xFE", {"Bad \xFF.", "Next \xC3. \xFE"}}));

// The scan passes over several bytes at a time: a sentence end must be
// found whatever its offset, at the very start and end of `within` too.
TEST(SplitSentencesTest, FindsEndsAtEveryOffset) {
  for (std::size_t pad = 0; pad < 12; ++pad) {
    SCOPED_TRACE("pad " + std::to_string(pad));
    const std::string prefix(pad, 'x');
    const std::string text =
        prefix + "a. Mr. Lee? No. \xE2\x9F\xA6Q1\xE2\x9F\xA7 Ok!";
    EXPECT_THAT(Texts(text, SplitSentences(text, {0, text.size()})),
                ElementsAre(prefix + "a.", "Mr. Lee?", "No.",
                            "\xE2\x9F\xA6Q1\xE2\x9F\xA7 Ok!"));
    // Every window of the text still splits within itself only.
    for (std::size_t end = 0; end <= text.size(); ++end) {
      const Span within{pad, end};
      ExpectWellFormed(text, within, SplitSentences(text, within));
    }
  }
}

TEST(SplitSentencesTest, StaysInsideWithin) {
  std::string text = "Skip me. Take this. And this. Not this.";
  Span within{9, 29};
  std::vector<Span> sentences = SplitSentences(text, within);
  EXPECT_THAT(Texts(text, sentences), ElementsAre("Take this.", "And this."));
  EXPECT_THAT(sentences, ElementsAre(Span{9, 19}, Span{20, 29}));
}

TEST(SplitSentencesTest, ClipsWithinToTheText) {
  std::string text = "Short. Text";
  EXPECT_THAT(Texts(text, SplitSentences(text, {0, 1000})),
              ElementsAre("Short.", "Text"));
  EXPECT_THAT(SplitSentences(text, {500, 1000}), IsEmpty());
  EXPECT_THAT(SplitSentences(text, {4, 2}), IsEmpty());
}

TEST(SplitSentencesTest, AbbreviationIsNotReadAcrossWithin) {
  // "Mr." starts before `within`: only "r." is visible, which is no title.
  std::string text = "Mr. Smith";
  EXPECT_THAT(Texts(text, SplitSentences(text, {1, text.size()})),
              ElementsAre("r.", "Smith"));
}

TEST(SplitSentencesTest, LongPunctuationRunsStayLinear) {
  std::string text(200000, '!');
  text += " End";
  EXPECT_THAT(SplitSentences(text, {0, text.size()}).size(), 2u);
  std::string brackets;
  for (int i = 0; i < 50000; ++i) brackets += "\xE2\x9F\xA6. ";
  EXPECT_FALSE(SplitSentences(brackets, {0, brackets.size()}).empty());
}

TEST(SplitLongSpanTest, AShortSpanComesBackWhole) {
  std::string text = "  one, two; three  ";
  EXPECT_THAT(Texts(text, SplitLongSpan(text, {0, text.size()}, 100)),
              ElementsAre("one, two; three"));
}

TEST(SplitLongSpanTest, CutsAfterSemicolonsThenCommasThenSpaces) {
  std::string text = "aa bb, cc; dd ee";
  EXPECT_THAT(Texts(text, SplitLongSpan(text, {0, text.size()}, 12)),
              ElementsAre("aa bb, cc;", "dd ee"));
  EXPECT_THAT(Texts(text, SplitLongSpan(text, {0, text.size()}, 8)),
              ElementsAre("aa bb,", "cc;", "dd ee"));
  EXPECT_THAT(Texts(text, SplitLongSpan(text, {0, text.size()}, 4)),
              ElementsAre("aa", "bb,", "cc;", "dd", "ee"));
}

TEST(SplitLongSpanTest, NeverCutsACharacterWithoutSpaces) {
  // Twelve two-byte characters, no space: cut at character boundaries.
  std::string text;
  for (int i = 0; i < 12; ++i) text += "\xC3\xA9";
  const std::vector<Span> parts = SplitLongSpan(text, {0, text.size()}, 5);
  ASSERT_FALSE(parts.empty());
  std::size_t covered = 0;
  for (const Span& p : parts) {
    EXPECT_LE(p.size(), 5u);
    EXPECT_EQ(p.begin % 2, 0u);
    EXPECT_EQ(p.end % 2, 0u);
    covered += p.size();
  }
  EXPECT_EQ(covered, text.size());
}

TEST(SplitLongSpanTest, EveryPartIsBounded) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word, ";
  const std::vector<Span> parts = SplitLongSpan(text, {0, text.size()}, 2000);
  EXPECT_GT(parts.size(), 10u);
  for (const Span& p : parts) {
    EXPECT_LE(p.size(), 2000u);
    EXPECT_FALSE(p.empty());
  }
}

}  // namespace
}  // namespace whosaid
