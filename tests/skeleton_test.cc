#include "whosaid/skeleton.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "marks.h"
#include "whosaid/quote_scanner.h"
#include "whosaid/rule_set.h"
#include "whosaid/segmenter.h"

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

// The placeholder of speech-like quote `index`, as the skeleton writes it.
std::string Q(int index) {
  return std::string(kPlaceholderOpen) + kSpeechMark + std::to_string(index) +
         std::string(kPlaceholderClose);
}

// `skeleton` with each placeholder ⟦Qn⟧, ⟦qn⟧ or ⟦Tn⟧ written as [Qn], [qn] or
// [Tn], for tables.
std::string Show(std::string_view skeleton) {
  std::string out;
  for (std::size_t i = 0; i < skeleton.size();) {
    if (skeleton.substr(i, kPlaceholderOpen.size()) == kPlaceholderOpen) {
      out += "[";
      i += kPlaceholderOpen.size();
    } else if (skeleton.substr(i, kPlaceholderClose.size()) ==
               kPlaceholderClose) {
      out += "]";
      i += kPlaceholderClose.size();
    } else {
      out += skeleton[i++];
    }
  }
  return out;
}

// A text with its paragraphs and quotations, as the extractor builds them.
struct Scanned {
  explicit Scanned(std::string t)
      : text(std::move(t)),
        paragraphs(SplitParagraphs(text)),
        quotes(ScanQuotes(text, paragraphs)) {}
  Skeleton Of(int paragraph) const {
    return Skeleton(text, paragraphs.at(paragraph), quotes);
  }

  std::string text;
  std::vector<Span> paragraphs;
  std::vector<Quote> quotes;
};

// The span of `needle` in the skeleton's text (its first occurrence).
Span In(const Skeleton& skeleton, std::string_view needle) {
  const std::size_t at = skeleton.text().find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return Span{at, at + needle.size()};
}

struct SkeletonCase {
  std::string text;
  std::string skeleton;  // of the first paragraph, as Show() writes it
};

TEST(SkeletonTest, TopLevelQuotesBecomePlaceholders) {
  const SkeletonCase cases[] = {
      {"No quotation here.", "No quotation here."},
      {"\"We are ready,\" Ruiz said.", "[Q0] Ruiz said."},
      {LDQ "We are ready," RDQ " Ruiz said.", "[Q0] Ruiz said."},
      {"Ruiz said: " LSQ "Not today." RSQ, "Ruiz said: [Q0]"},
      // Two quotations, the second numbered by its index in `quotes`.
      {"\"Yes,\" she said, \"Soon.\"", "[Q0] she said, [Q1]"},
      // Speech that begins in lowercase goes on with the sentence: a
      // fragment.
      {"\"Yes,\" she said, \"and soon.\"", "[Q0] she said, [q1]"},
      // A nested quotation is part of its parent's placeholder.
      {"\"He told me 'never again' twice,\" Ruiz said.", "[Q0] Ruiz said."},
      // An apostrophe is no quotation.
      {"Ruiz didn't say it.", "Ruiz didn't say it."},
      // An unclosed quotation runs to the paragraph end.
      {"Ruiz said \"We will win", "Ruiz said [Q0]"},
  };
  for (const SkeletonCase& c : cases) {
    Scanned s(c.text);
    EXPECT_EQ(Show(s.Of(0).text()), c.skeleton) << c.text;
  }
}

TEST(SkeletonTest, NestedQuoteKeepsItsOwnIndexButNoPlaceholder) {
  Scanned s("\"He said 'no' twice,\" Ruiz said. \"Then 'yes',\" she added.");
  ASSERT_EQ(s.quotes.size(), 4u);
  ASSERT_EQ(s.quotes[1].depth, 1);
  Skeleton skeleton = s.Of(0);
  EXPECT_EQ(Show(skeleton.text()), "[Q0] Ruiz said. [Q2] she added.");
}

TEST(SkeletonTest, PlaceholdersUseIndicesIntoAllQuotes) {
  Scanned s(
      "\"First,\" Ana said.\n\n"
      "\"Second,\" Ben said, \"Third.\"");
  ASSERT_EQ(s.quotes.size(), 3u);
  EXPECT_EQ(Show(s.Of(0).text()), "[Q0] Ana said.");
  EXPECT_EQ(Show(s.Of(1).text()), "[Q1] Ben said, [Q2]");
  EXPECT_EQ(s.Of(1).paragraph(), s.paragraphs[1]);
}

TEST(SkeletonTest, EmptyParagraph) {
  Scanned s("");
  Skeleton skeleton(s.text, Span{0, 0}, s.quotes);
  EXPECT_EQ(skeleton.text(), "");
  EXPECT_THAT(skeleton.Sentences(), IsEmpty());
  EXPECT_EQ(skeleton.ToOriginal(Span{0, 0}), (Span{0, 0}));
}

TEST(SkeletonTest, ToOriginalMapsCopiedBytesExactly) {
  // The paragraph starts at a non-zero offset, after a multi-byte quote.
  Scanned s("Intro " LDQ "x" RDQ ".\n\n" LDQ "Caf\xC3\xA9s close early," RDQ
            " Mayor Ruiz said on Monday.");
  Skeleton skeleton = s.Of(1);
  ASSERT_EQ(Show(skeleton.text()), "[Q1] Mayor Ruiz said on Monday.");
  for (std::string_view word : {"Mayor Ruiz", "said", "Monday.", "n M"}) {
    const Span mapped = skeleton.ToOriginal(In(skeleton, word));
    EXPECT_EQ(mapped.In(s.text), word);
  }
  // An empty span maps to an empty span at the same place.
  const Span said = In(skeleton, "said");
  const Span empty = skeleton.ToOriginal(Span{said.begin, said.begin});
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.begin, s.text.find("said"));
}

TEST(SkeletonTest, WideSpacesAndLineBreaksReadAsSpaces) {
  // A no-break space (2 bytes), a narrow one (3 bytes), a line break in a
  // paragraph that a blank line ends.
  Scanned s(
      "Sales fell,\xC2\xA0"
      "according to\xE2\x80\xAF"
      "the\nharbour board.\n\nEnd.");
  Skeleton skeleton = s.Of(0);
  ASSERT_EQ(skeleton.text(), "Sales fell, according to the harbour board.");
  // Each maps back to the bytes it stands for.
  EXPECT_EQ(skeleton.ToOriginal(In(skeleton, " according to ")).In(s.text),
            "\xC2\xA0"
            "according to\xE2\x80\xAF");
  EXPECT_EQ(skeleton.ToOriginal(In(skeleton, "the harbour")).In(s.text),
            "the\nharbour");
  const Span board = skeleton.ToOriginal(In(skeleton, "board."));
  EXPECT_EQ(board.In(s.text), "board.");
  EXPECT_EQ(board.end, s.text.find("\n\nEnd."));
}

// The copy looks for wide spaces at their lead bytes (0xC2, 0xE2) only:
// other characters with those lead bytes stay as they are, each wide space
// kind becomes one space, and tabs and line breaks become spaces, at any
// offset (also next to each other and at the paragraph's ends).
TEST(SkeletonTest, OnlyWideSpacesAmongSimilarCharactersBecomeSpaces) {
  const std::string others =
      "\xC2\xA3"       // £
      "\xE2\x80\x94"   // —
      "\xE2\x80\xA6"   // …
      "\xE2\x80\x88"   // U+2008 punctuation space: not replaced
      "\xE2\x82\xAC";  // €
  for (std::size_t pad = 0; pad < 9; ++pad) {
    SCOPED_TRACE("pad " + std::to_string(pad));
    const std::string prefix(pad, 'x');
    const std::string text = prefix + others +
                             "\xC2\xA0\xE2\x80\x87"
                             "a\t\xE2\x80\x89" +
                             others + "\r\n\xE2\x80\xAF" + "b\xC2\xA0";
    const Skeleton skeleton(text, Span{0, text.size()}, {});
    EXPECT_EQ(skeleton.text(), prefix + others + "  a  " + others + "   b ");
    EXPECT_EQ(skeleton.ToOriginal(In(skeleton, "b ")).In(text), "b\xC2\xA0");
    EXPECT_EQ(skeleton.ToOriginal(In(skeleton, others)).In(text), others);
  }
}

TEST(SkeletonTest, ToOriginalCoversWholeQuotesItCutsInto) {
  const std::string text =
      "Ruiz said " LDQ "The bridge stays shut" RDQ " and left.";
  Scanned s(text);
  Skeleton skeleton = s.Of(0);
  ASSERT_EQ(Show(skeleton.text()), "Ruiz said [Q0] and left.");
  const Span placeholder = In(skeleton, Q(0));
  const Span outer = s.quotes[0].outer;
  ASSERT_EQ(outer.In(text), LDQ "The bridge stays shut" RDQ);
  // Exactly the placeholder: the quote, marks included.
  EXPECT_EQ(skeleton.ToOriginal(placeholder), outer);
  // Cutting into the placeholder from either side still takes it whole.
  EXPECT_EQ(
      skeleton.ToOriginal(Span{placeholder.begin + 1, placeholder.end - 1}),
      outer);
  EXPECT_EQ(skeleton.ToOriginal(Span{placeholder.begin + 2, placeholder.end}),
            outer);
  // A span from copied text into the placeholder.
  const Span said = In(skeleton, "said");
  EXPECT_EQ(
      skeleton.ToOriginal(Span{said.begin, placeholder.begin + 3}).In(text),
      "said " LDQ "The bridge stays shut" RDQ);
  // A span from the placeholder into copied text.
  const Span and_left = In(skeleton, " and");
  EXPECT_EQ(
      skeleton.ToOriginal(Span{placeholder.end - 1, and_left.end}).In(text),
      LDQ "The bridge stays shut" RDQ " and");
  // The whole skeleton is the whole paragraph.
  EXPECT_EQ(skeleton.ToOriginal(Span{0, skeleton.text().size()}),
            s.paragraphs[0]);
}

TEST(SkeletonTest, QuoteAtIsExactlyOnePlaceholder) {
  Scanned s("\"Yes,\" she said, \"Soon.\"");
  Skeleton skeleton = s.Of(0);
  ASSERT_EQ(Show(skeleton.text()), "[Q0] she said, [Q1]");
  const Span first = In(skeleton, Q(0));
  const Span second = In(skeleton, Q(1));
  EXPECT_EQ(skeleton.QuoteAt(first), 0);
  EXPECT_EQ(skeleton.QuoteAt(second), 1);
  // Surrounding spaces are ignored.
  EXPECT_EQ(skeleton.QuoteAt(Span{first.begin, first.end + 1}), 0);
  EXPECT_EQ(skeleton.QuoteAt(Span{second.begin - 1, second.end}), 1);
  // Anything more or less is not one quotation.
  EXPECT_EQ(skeleton.QuoteAt(Span{first.begin, first.end - 1}), -1);
  EXPECT_EQ(skeleton.QuoteAt(Span{first.begin, first.end + 4}), -1);
  EXPECT_EQ(skeleton.QuoteAt(In(skeleton, "she said")), -1);
  EXPECT_EQ(skeleton.QuoteAt(Span{first.begin, second.end}), -1);
  EXPECT_EQ(skeleton.QuoteAt(Span{0, 0}), -1);
}

TEST(SkeletonTest, QuotesInListsWholePlaceholdersInside) {
  Scanned s("\"Yes,\" she said, \"Soon.\" He nodded.");
  Skeleton skeleton = s.Of(0);
  ASSERT_EQ(Show(skeleton.text()), "[Q0] she said, [Q1] He nodded.");
  const Span first = In(skeleton, Q(0));
  const Span second = In(skeleton, Q(1));
  EXPECT_THAT(skeleton.QuotesIn(Span{0, skeleton.text().size()}),
              ElementsAre(0, 1));
  EXPECT_THAT(skeleton.QuotesIn(Span{first.end, skeleton.text().size()}),
              ElementsAre(1));
  EXPECT_THAT(skeleton.QuotesIn(first), ElementsAre(0));
  // Only placeholders wholly inside count.
  EXPECT_THAT(skeleton.QuotesIn(Span{first.begin + 1, second.end - 1}),
              IsEmpty());
  EXPECT_THAT(skeleton.QuotesIn(In(skeleton, "He nodded.")), IsEmpty());
}

struct SentencesCase {
  std::string text;
  std::vector<std::string> sentences;  // as Show() writes them
};

TEST(SkeletonTest, SentencesSplitAfterQuotesThatEndASentence) {
  const SentencesCase cases[] = {
      // Plain sentence splitting, as SplitSentences does it.
      {"The vote passed. Ruiz left.", {"The vote passed.", "Ruiz left."}},
      {"The vote passed. \"We won.\" Ruiz said.",
       {"The vote passed.", "[Q0] Ruiz said."}},
      {"\"We won,\" Ruiz said. The hall emptied.",
       {"[Q0] Ruiz said.", "The hall emptied."}},
      // A short attribution tail stays with its quote.
      {"\"We won.\" Ruiz said.", {"[Q0] Ruiz said."}},
      {"\"Did we win?\" Ruiz asked the crowd.", {"[Q0] Ruiz asked the crowd."}},
      // A long tail that is no attribution is a sentence of its own.
      {"\"We won!\" The crowd poured into the square and sang until well "
       "after midnight.",
       {"[Q0]",
        "The crowd poured into the square and sang until well after "
        "midnight."}},
      // A nested quote's mark after the full stop still ends the sentence.
      {"\"They all shouted 'stop.'\" The police came and cleared the street "
       "within ten minutes.",
       {"[Q0]", "The police came and cleared the street within ten minutes."}},
      // A quotation that ends with a comma does not end a sentence.
      {"\"We won,\" The crowd poured into the square and sang until well "
       "after midnight.",
       {"[Q0] The crowd poured into the square and sang until well after "
        "midnight."}},
      // A lowercase word after the quote does not start a sentence.
      {"\"We won.\" shouted the crowd as it poured into the square at "
       "midnight.",
       {"[Q0] shouted the crowd as it poured into the square at midnight."}},
      // Two quotations in a row: the first ends its own sentence.
      {"\"We won.\" \"Not yet.\" Ruiz said.", {"[Q0]", "[Q1] Ruiz said."}},
  };
  for (const SentencesCase& c : cases) {
    Scanned s(c.text);
    Skeleton skeleton = s.Of(0);
    std::vector<std::string> shown;
    for (const Span& sentence : skeleton.Sentences()) {
      shown.push_back(Show(sentence.In(skeleton.text())));
    }
    EXPECT_THAT(shown, ElementsAreArray(c.sentences)) << c.text;
  }
}

TEST(SkeletonTest, SentencesKeepALongTailThatNamesAReportingVerb) {
  Scanned s(
      "\"The line closes at noon.\" Transport Minister Ana Lima said as she "
      "opened the hearing.");
  Skeleton skeleton = s.Of(0);
  const auto is_cue = [](std::string_view w) { return w == "said"; };
  std::vector<std::string> with_cue, without_cue;
  for (const Span& sentence : skeleton.Sentences(is_cue)) {
    with_cue.push_back(Show(sentence.In(skeleton.text())));
  }
  for (const Span& sentence : skeleton.Sentences()) {
    without_cue.push_back(Show(sentence.In(skeleton.text())));
  }
  EXPECT_THAT(with_cue,
              ElementsAre("[Q0] Transport Minister Ana Lima said as she "
                          "opened the hearing."));
  EXPECT_THAT(without_cue,
              ElementsAre("[Q0]",
                          "Transport Minister Ana Lima said as she "
                          "opened the hearing."));
}

TEST(SkeletonTest, SentencesKnowingCuesSplitBeforeATailThatIsNoAttribution) {
  const auto is_cue = [](std::string_view w) { return w == "said"; };
  const SentencesCase cases[] = {
      // A capitalised pronoun opens a new sentence, cue or not: the
      // attribution would read "he said".
      {"The probe is \"ongoing.\" He said the agency has not commented.",
       {"The probe is [q0]", "He said the agency has not commented."}},
      // A short tail without a reporting verb is a sentence of its own.
      {"They called it \"absurd.\" Her aides seemed unperturbed.",
       {"They called it [q0]", "Her aides seemed unperturbed."}},
      // A short tail with one stays with its quote.
      {"\"We won.\" Ruiz said.", {"[Q0] Ruiz said."}},
      // Unless a clause of its own follows the cue.
      {"\"We won.\" Ruiz said that the count was over.",
       {"[Q0]", "Ruiz said that the count was over."}},
      {"\"We won.\" The mayor said he would stay.",
       {"[Q0]", "The mayor said he would stay."}},
      // Or an object and more.
      {"\"We won.\" The mayor called the count a fraud and asked for a "
       "recount.",
       {"[Q0]", "The mayor called the count a fraud and asked for a recount."}},
  };
  for (const SentencesCase& c : cases) {
    Scanned s(c.text);
    Skeleton skeleton = s.Of(0);
    std::vector<std::string> shown;
    for (const Span& sentence : skeleton.Sentences(is_cue)) {
      shown.push_back(Show(sentence.In(skeleton.text())));
    }
    EXPECT_THAT(shown, ElementsAreArray(c.sentences)) << c.text;
  }
}

TEST(SkeletonTest, SentencesAreSpansOfTheSkeleton) {
  Scanned s("\"We won.\" \"Not yet.\" Ruiz said.");
  Skeleton skeleton = s.Of(0);
  const std::vector<Span> sentences = skeleton.Sentences();
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], In(skeleton, Q(0)));
  EXPECT_EQ(sentences[1].end, skeleton.text().size());
  EXPECT_EQ(skeleton.ToOriginal(sentences[1]).In(s.text),
            "\"Not yet.\" Ruiz said.");
}

TEST(SkeletonTest, AppendQuoteAddsTheNextParagraphsQuotation) {
  Scanned s(
      "The minister was blunt. She declared:\n\n"
      "\"No more delays.\"");
  ASSERT_EQ(s.quotes.size(), 1u);
  Skeleton skeleton = s.Of(0);
  EXPECT_EQ(Show(skeleton.text()), "The minister was blunt. She declared:");
  skeleton.AppendQuote(0, s.quotes);
  EXPECT_EQ(Show(skeleton.text()), "The minister was blunt. She declared:[Q0]");
  // The appended placeholder maps to the quote in the next paragraph.
  const Span placeholder = In(skeleton, Q(0));
  EXPECT_EQ(skeleton.QuoteAt(placeholder), 0);
  EXPECT_EQ(skeleton.ToOriginal(placeholder).In(s.text), "\"No more delays.\"");
  EXPECT_THAT(skeleton.QuotesIn(Span{0, skeleton.text().size()}),
              ElementsAre(0));
  // The paragraph it was built from does not change.
  EXPECT_EQ(skeleton.paragraph(), s.paragraphs[0]);
  // Sentences reach the appended placeholder.
  const std::vector<Span> sentences = skeleton.Sentences();
  ASSERT_FALSE(sentences.empty());
  EXPECT_EQ(Show(sentences.back().In(skeleton.text())), "She declared:[Q0]");
  // A span from the lead-in through the placeholder crosses paragraphs.
  EXPECT_EQ(
      skeleton.ToOriginal(Span{In(skeleton, "She").begin, placeholder.end})
          .In(s.text),
      "She declared:\n\n\"No more delays.\"");
}

}  // namespace
}  // namespace whosaid
