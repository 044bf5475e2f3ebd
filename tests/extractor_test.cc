// End-to-end behaviour of the Extractor with the built-in English pack:
// hand-written news paragraphs and the attributions a reader expects.
#include "whosaid/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "expected_attributions.h"
#include "marks.h"
#include "whosaid/resolver.h"
#include "whosaid/rule_set.h"

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing_support::E;
using testing_support::English;
using testing_support::ExpectAttributions;
using testing_support::ExpectWellFormed;
using testing_support::Extract;
using testing_support::kAny;
using testing_support::SpanText;

TEST(ExtractorTest, QuoteWithSpeakerAndVerb) {
  ExpectAttributions({
      {"\"The pool will reopen in June,\" Ruiz said.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "said")}},
      {LDQ "The pool will reopen in June," RDQ " Ruiz said.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "said")}},
      {"\"The pool is safe,\" says Ruiz.",
       {E("direct", "The pool is safe,", "Ruiz", "Ruiz", "says")}},
      {"\"The pool will reopen in June,\" said Mayor Ana Ruiz.",
       {E("direct", "The pool will reopen in June,", "Mayor Ana Ruiz",
          "Ana Ruiz", "said")
            .Role("Mayor")}},
      {"\"Why now?\" asked Ruiz.",
       {E("direct", "Why now?", "Ruiz", "Ruiz", "asked").Stance("question")}},
      {"\"It is too cold,\" said Ruiz, a former swimmer.",
       {E("direct", "It is too cold,", "Ruiz", "Ruiz", "said")}},
      {"\"Repairs are complete,\" the spokesperson said.",
       {E("direct", "Repairs are complete,", "the spokesperson",
          "the spokesperson", "said")
            .Kind(kAny)}},
  });
}

TEST(ExtractorTest, SpeakerAndVerbThenQuote) {
  ExpectAttributions({
      {"Ruiz said: \"The pool will reopen in June.\"",
       {E("direct", "The pool will reopen in June.", "Ruiz", "Ruiz", "said")}},
      {"Ruiz said \"the pool will reopen in June.\"",
       {E("direct", "the pool will reopen in June.", "Ruiz", "Ruiz", "said")}},
      {"Ruiz added: \"We are pleased.\"",
       {E("direct", "We are pleased.", "Ruiz", "Ruiz", "added")}},
      // The lead-in ends with a colon; the quotation is the next paragraph.
      {"Ana Ruiz said:\n\n\"The pool will reopen in June.\"",
       {E("direct", "The pool will reopen in June.", "Ana Ruiz", "Ana Ruiz",
          "said")}},
  });
}

TEST(ExtractorTest, SplitQuotes) {
  ExpectAttributions({
      {"\"The pool will reopen,\" Ruiz said. \"But not before June.\"",
       {E("direct", "The pool will reopen, | But not before June.", "Ruiz",
          "Ruiz", "said")}},
      {"\"The pool will reopen,\" Ruiz said, \"but not before June.\"",
       {E("direct", "The pool will reopen, | but not before June.", "Ruiz",
          "Ruiz", "said")}},
      // The second quotation has a speaker of its own: no split quote.
      {"\"Repairs are complete,\" Ruiz said. \"We are pleased,\" Berg "
       "added.",
       {E("direct", "Repairs are complete,", "Ruiz", "Ruiz", "said"),
        E("direct", "We are pleased,", "Berg", "Berg", "added")}},
  });
}

TEST(ExtractorTest, ToldSomeone) {
  ExpectAttributions({
      {"\"The pool will reopen in June,\" Ruiz told reporters.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "told")}},
      {"Ruiz told reporters that the pool would reopen in June.",
       {E("indirect", "the pool would reopen in June", "Ruiz", "Ruiz",
          "told")}},
      // A news organisation told is the relay that reached the reader.
      {"\"The pool will reopen in June,\" Ruiz told Reuters.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "told")
            .Via("Reuters")}},
      {"Ruiz told Reuters that the pool would reopen in June.",
       {E("indirect", "the pool would reopen in June", "Ruiz", "Ruiz", "told")
            .Via("Reuters")}},
  });
}

TEST(ExtractorTest, Statements) {
  ExpectAttributions({
      {"Ruiz said in a statement: \"The pool will reopen in June.\"",
       {E("direct", "The pool will reopen in June.", "Ruiz", "Ruiz", "said")
            .Via(kAny)}},
      {"\"Repairs are complete,\" Ruiz said in a statement.",
       {E("direct", "Repairs are complete,", "Ruiz", "Ruiz", "said")
            .Via(kAny)}},
      {"The Parks Department said on Friday that repairs were done.",
       {E("indirect", "repairs were done", "The Parks Department",
          "Parks Department", "said")
            .Kind("organisation")}},
  });
}

TEST(ExtractorTest, Relays) {
  ExpectAttributions({
      {"\"The pool will reopen in June,\" Ruiz said, as cited by Reuters.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "said")
            .Via("Reuters")}},
      {"\"The pool will reopen in June,\" Ruiz said, as cited by the "
       "Harbour Times.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "said")
            .Via("Harbour Times")}},
      {"Reuters cited Ruiz as saying \"the pool will reopen in June.\"",
       {E("direct", "the pool will reopen in June.", "Ruiz", "Ruiz", "cited")
            .Via("Reuters")}},
      {"\"The pool will reopen in June,\" the Harbour Times cited Ruiz as "
       "saying.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "cited")
            .Via("Harbour Times")}},
  });
}

TEST(ExtractorTest, RolesAndOrganisations) {
  ExpectAttributions({
      {"Ana Ruiz, spokesperson for the Parks Department, said \"the pool "
       "will reopen in June.\"",
       {E("direct", "the pool will reopen in June.",
          "Ana Ruiz, spokesperson for the Parks Department", "Ana Ruiz", "said")
            .Role("spokesperson")
            .Org("Parks Department")}},
      {"\"The pool will reopen in June,\" said Ana Ruiz, spokesperson for "
       "the Parks Department.",
       {E("direct", "The pool will reopen in June,",
          "Ana Ruiz, spokesperson for the Parks Department", "Ana Ruiz", "said")
            .Role("spokesperson")
            .Org("Parks Department")}},
      {"Tom Berg, spokesman for Harbour Works, said the pipes were old.",
       {E("indirect", "the pipes were old",
          "Tom Berg, spokesman for Harbour Works", "Tom Berg", "said")
            .Role("spokesman")
            .Org("Harbour Works")}},
      {"\"The pipes are old,\" said Tom Berg, director of Harbour Works.",
       {E("direct", "The pipes are old,", "Tom Berg, director of Harbour Works",
          "Tom Berg", "said")
            .Role("director")
            .Org("Harbour Works")}},
  });
}

TEST(ExtractorTest, MultiWordRoles) {
  ExpectAttributions({
      {"Tom Berg, chief executive of Harbour Works, said \"the pipes are "
       "old.\"",
       {E("direct", "the pipes are old.",
          "Tom Berg, chief executive of Harbour Works", "Tom Berg", "said")
            .Role("chief executive")
            .Org("Harbour Works")}},
      {"\"The pipes are old,\" said Tom Berg, chief executive of Harbour "
       "Works.",
       {E("direct", "The pipes are old,",
          "Tom Berg, chief executive of Harbour Works", "Tom Berg", "said")
            .Role("chief executive")
            .Org("Harbour Works")}},
  });
}

// The resolver looks a title up as the words read, whatever spaces stand
// between them.
TEST(ExtractorTest, TitleWordsApartStillMakeARole) {
  ExpectAttributions({
      {"Pentagon Press  Secretary John Kirby said the talks would resume.",
       {E("indirect", "the talks would resume",
          "Pentagon Press  Secretary John Kirby", "John Kirby", "said")
            .Role("Pentagon Press Secretary")
            .Org("Pentagon")}},
  });
}

// A title of up to four words with "of" in it is one role, not a name
// that starts with "of".
TEST(ExtractorTest, TitlesWithOfAreRoles) {
  ExpectAttributions({
      {"Secretary of State Ana Ruiz said the talks would resume.",
       {E("indirect", "the talks would resume", "Secretary of State Ana Ruiz",
          "Ana Ruiz", "said")
            .Role("Secretary of State")}},
      {"Ellery Secretary of State Ana Ruiz said the talks would resume.",
       {E("indirect", "the talks would resume",
          "Ellery Secretary of State Ana Ruiz", "Ana Ruiz", "said")
            .Role("Ellery Secretary of State")
            .Org("Ellery")}},
  });
}

// A surname later in the text is the titled name's: the title's last
// word ("State") is no first name.
TEST(ExtractorTest, SurnameAfterATitleWithOf) {
  const DocumentResult r = Extract(
      "Ellery Secretary of State Ana Ruiz said the talks would resume.\n\n"
      "Ruiz said they would not.");
  ExpectWellFormed(r);
  ASSERT_EQ(r.quotes.size(), 2u);
  ASSERT_GE(r.quotes[0].entity, 0);
  EXPECT_EQ(r.quotes[1].entity, r.quotes[0].entity);
  EXPECT_EQ(r.entities[r.quotes[0].entity].name, "Ana Ruiz");
  for (const Entity& e : r.entities) EXPECT_NE(e.name, "State Ana Ruiz");
}

// "Former", "acting" and the like qualify the role; they are never the
// organisation, nor part of it; joined by a hyphen, they and "ex-" leave
// the role word to be read.
TEST(ExtractorTest, QualifiersOfARoleAreNoOrganisation) {
  ExpectAttributions({
      {"Former mayor Ana Ruiz said the pier was unsafe.",
       {E("indirect", "the pier was unsafe", "Former mayor Ana Ruiz",
          "Ana Ruiz", "said")
            .Role("Former mayor")}},
      {"Former Harbour Works director Tom Vale said the pipes were new.",
       {E("indirect", "the pipes were new",
          "Former Harbour Works director Tom Vale", "Tom Vale", "said")
            .Role("Former Harbour Works director")
            .Org("Harbour Works")}},
      {"Harbour Works Acting Director Tom Vale said the pipes were new.",
       {E("indirect", "the pipes were new",
          "Harbour Works Acting Director Tom Vale", "Tom Vale", "said")
            .Role("Harbour Works Acting Director")
            .Org("Harbour Works")}},
      {"Ex-minister Tom Becker said the plan failed.",
       {E("indirect", "the plan failed", "Ex-minister Tom Becker", "Tom Becker",
          "said")
            .Role("Ex-minister")}},
      {"Then-Mayor Ana Ruiz said the pier was safe.",
       {E("indirect", "the pier was safe", "Then-Mayor Ana Ruiz", "Ana Ruiz",
          "said")
            .Role("Then-Mayor")}},
      // A hyphenated word that is no qualifier stays in the name.
      {"Jean-Luc Ruiz said the pier was safe.",
       {E("indirect", "the pier was safe", "Jean-Luc Ruiz", "Jean-Luc Ruiz",
          "said")}},
  });
}

TEST(ExtractorTest, UnnamedSpokesperson) {
  ExpectAttributions({
      {"A spokesperson for the Parks Department said the pool would "
       "reopen.",
       {E("indirect", "the pool would reopen",
          "A spokesperson for the Parks Department", kAny, "said")
            .Role("spokesperson")
            .Org("Parks Department")}},
      {"\"The pool will reopen,\" a spokesperson for the Parks Department "
       "said.",
       {E("direct", "The pool will reopen,",
          "a spokesperson for the Parks Department", kAny, "said")
            .Role("spokesperson")
            .Org("Parks Department")}},
  });
}

TEST(ExtractorTest, DashAttribution) {
  ExpectAttributions({
      {"\"The pool will reopen in June.\" " EMDASH " Commissioner Ana Ruiz",
       {E("direct", "The pool will reopen in June.", "Commissioner Ana Ruiz",
          "Ana Ruiz", EMDASH)
            .Role("Commissioner")}},
  });
}

TEST(ExtractorTest, AccordingTo) {
  ExpectAttributions({
      {"According to Ruiz, \"the pool will reopen in June.\"",
       {E("direct", "the pool will reopen in June.", "Ruiz", "Ruiz",
          "According to")}},
      {"According to the report, the pool failed two safety checks.",
       {E("indirect", "the pool failed two safety checks", "the report",
          "the report", "According to")
            .Kind("document")}},
  });
}

TEST(ExtractorTest, ReportedSpeech) {
  ExpectAttributions({
      {"The pool will reopen in June, Ruiz said.",
       {E("indirect", "The pool will reopen in June", "Ruiz", "Ruiz", "said")}},
      {"Ruiz warned that the pool could close again.",
       {E("indirect", "the pool could close again", "Ruiz", "Ruiz", "warned")
            .Stance("warn")}},
      {"Ruiz denied that the pool was unsafe.",
       {E("indirect", "the pool was unsafe", "Ruiz", "Ruiz", "denied")
            .Stance("deny")}},
      {"Ruiz said the pool would reopen. Berg said it would not.",
       {E("indirect", "the pool would reopen", "Ruiz", "Ruiz", "said"),
        E("indirect", "it would not", "Berg", "Berg", "said")}},
      {"The Harbour Times reported that the pool would reopen in June.",
       {E("indirect", "the pool would reopen in June", "The Harbour Times",
          "Harbour Times", "reported")
            .Kind("media")}},
      {"The pool reopened in June, Reuters reported.",
       {E("indirect", "The pool reopened in June", "Reuters", "Reuters",
          "reported")
            .Kind("media")}},
      {"The pool reopened in June, the Harbour Times reported.",
       {E("indirect", "The pool reopened in June", "the Harbour Times",
          "Harbour Times", "reported")
            .Kind("media")}},
      {"The pool will reopen in June, said Ruiz, who chairs the parks "
       "board.",
       {E("indirect", "The pool will reopen in June", kAny, "Ruiz", "said")}},
  });
}

TEST(ExtractorTest, SpeakerWithAge) {
  ExpectAttributions({
      {"\"Repairs are complete,\" Ruiz, 54, said.",
       {E("direct", "Repairs are complete,", kAny, "Ruiz", "said")}},
  });
}

TEST(ExtractorTest, PartialQuoteInReportedSpeechIsMixed) {
  ExpectAttributions({
      {"Ruiz said the pool had been \"a disgrace\" for years.",
       {E("mixed", "the pool had been \"a disgrace\" for years", "Ruiz", "Ruiz",
          "said")}},
      {"Ruiz said the so-called \"plan\" would fail.",
       {E("mixed", "the so-called \"plan\" would fail", "Ruiz", "Ruiz",
          "said")}},
  });
}

TEST(ExtractorTest, PronounsResolveToThePreviousSpeaker) {
  ExpectAttributions({
      {"Ana Ruiz chairs the parks board.\n\n"
       "\"The pool will reopen in June,\" she said.",
       {E("direct", "The pool will reopen in June,", "she", "Ana Ruiz", "said")
            .Resolution("pronoun")}},
      {"Ana Ruiz met Tom Berg on Monday.\n\n"
       "\"We agreed on the budget,\" he said.",
       {E("direct", "We agreed on the budget,", "he", "Tom Berg", "said")
            .Resolution("pronoun")}},
      {"The Parks Department issued a notice on Friday.\n\n"
       "\"Repairs are complete,\" it said.",
       {E("direct", "Repairs are complete,", "it", "Parks Department", "said")
            .Resolution("pronoun")
            .Kind("organisation")}},
  });
}

TEST(ExtractorTest, DescriptionsResolveToTheLastEntityOfTheirKind) {
  ExpectAttributions({
      {"The Harbour Times reported that the pool would reopen.\n\n"
       "According to the newspaper, the repairs cost more than planned.",
       {E("indirect", "the pool would reopen", "The Harbour Times",
          "Harbour Times", "reported")
            .Kind("media"),
        E("indirect", "the repairs cost more than planned", "the newspaper",
          "Harbour Times", "According to")
            .Resolution("description")
            .Kind("media")}},
  });
}

TEST(ExtractorTest, PronounInASplitQuote) {
  ExpectAttributions({
      {"\"We will appeal,\" Ana Ruiz said on Monday.\n\n"
       "\"The ruling is wrong,\" she added, \"and we will say so in court.\"",
       {E("direct", "We will appeal,", "Ana Ruiz", "Ana Ruiz", "said"),
        E("direct", "The ruling is wrong, | and we will say so in court.",
          "she", "Ana Ruiz", "added")
            .Resolution("pronoun")}},
  });
}

TEST(ExtractorTest, PronounWithNoAntecedentHasNoName) {
  ExpectAttributions({
      {"\"We won,\" he said.",
       {E("direct", "We won,", "he", "", "said").Resolution(kAny).Kind(kAny)}},
  });
}

TEST(ExtractorTest, SurnamesResolveToTheFullestName) {
  ExpectAttributions({
      {"Mayor Ana Ruiz opened the meeting.\n\n"
       "\"The pool will reopen in June,\" Ruiz said.",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ana Ruiz", "said")
            .Resolution("surname")
            .Role("Mayor")}},
      {"Ana Ruiz runs the parks board.\n\n"
       "\"Repairs are complete,\" Ms. Ruiz said.",
       {E("direct", "Repairs are complete,", "Ms. Ruiz", "Ana Ruiz", "said")
            .Resolution("surname")
            .Role(kAny)}},
  });
}

// Among many names, a lone name word goes to the longest person's name that
// holds it (the first on a tie), never to a place, and an apposition's role
// reaches the full name that ends with its name.
TEST(ExtractorTest, SurnamesChooseAmongTheDocumentsNames) {
  ExpectAttributions({
      {"Eva Ruiz and Ana Ruiz run the parks board. Donald Trump visited "
       "Trump Tower on Monday. Officials in South China were asked.\n\n"
       "\"The pool will reopen,\" Ruiz said.\n\n"
       "\"We will build,\" Trump said.\n\n"
       "\"Trade is fair,\" China said.",
       {E("direct", "The pool will reopen,", "Ruiz", "Eva Ruiz", "said")
            .Resolution("surname"),
        E("direct", "We will build,", "Trump", "Donald Trump", "said")
            .Resolution("surname"),
        E("direct", "Trade is fair,", "China", "China", "said")
            .Kind("government")}},
      {"Juan Carlos Vale met the board. Carlos Vale, a spokesman for the "
       "Harbour Authority, spoke first.\n\n"
       "\"The pier is safe,\" Vale said.",
       {E("direct", "The pier is safe,", "Vale", "Juan Carlos Vale", "said")
            .Resolution("surname")
            .Role("spokesman")
            .Org("Harbour Authority")}},
  });
}

TEST(ExtractorTest, QuoteParagraphsContinueTheLastSpeaker) {
  ExpectAttributions({
      {"\"The pool will reopen in June,\" Ana Ruiz said.\n\n"
       "\"We have found the money for the repairs.\"",
       {E("direct", "The pool will reopen in June,", "Ana Ruiz", "Ana Ruiz",
          "said"),
        E("direct", "We have found the money for the repairs.", "-", "Ana Ruiz",
          "-")
            .Resolution("continuation")}},
      // A quotation over three paragraphs: each new paragraph reopens it.
      {"\"The pool will reopen,\" Ana Ruiz said. \"The repairs are nearly "
       "done.\n\n"
       "\"We found the money in the spring.\n\n"
       "\"Nobody will pay more.\"",
       {E("direct", "The pool will reopen, | The repairs are nearly done.",
          "Ana Ruiz", "Ana Ruiz", "said"),
        E("direct", "We found the money in the spring.", "-", "Ana Ruiz", "-")
            .Resolution("continuation"),
        E("direct", "Nobody will pay more.", "-", "Ana Ruiz", "-")
            .Resolution("continuation")}},
      // A paragraph of narration ends the chain: no one is guessed.
      {"\"The pool will reopen in June,\" Ruiz said.\n\n"
       "The council met later that day.\n\n"
       "\"We are done with delays.\"",
       {E("direct", "The pool will reopen in June,", "Ruiz", "Ruiz", "said")}},
      // A quote paragraph with its own speaker is no continuation.
      {"\"Repairs are done,\" Ruiz said.\n\n"
       "\"We start in June,\" said Tom Berg, a contractor.",
       {E("direct", "Repairs are done,", "Ruiz", "Ruiz", "said"),
        E("direct", "We start in June,", "Tom Berg", "Tom Berg", "said")
            .Role(kAny)}},
  });
}

// Text whose paragraphs were joined into one line, as scrapers and some
// corpora give it: a reopened quotation continues its speaker, and the
// quotes after it are found and attributed.
TEST(ExtractorTest, JoinedQuoteParagraphsContinueTheirSpeaker) {
  ExpectAttributions({
      {"Ana Ruiz runs the harbour board. But Ruiz told the Harbour Times: "
       "\"The pier is safe now. \"We checked it twice.\" The board met on "
       "Monday. \"The vote was close,\" said Tom Vale.",
       {E("direct", "The pier is safe now.", "Ruiz", "Ana Ruiz", "told")
            .Resolution("surname")
            .Via(kAny),
        E("direct", "We checked it twice.", "-", "Ana Ruiz", "-")
            .Resolution("continuation")
            .Via(kAny),
        E("direct", "The vote was close,", "Tom Vale", "Tom Vale", "said")}},
      // A mixed quote is continued too.
      {"Ruiz said the pier was \"safe now. \"We checked it twice.\" The "
       "board met.",
       {E("mixed", "the pier was \"safe now.", "Ruiz", "Ruiz", "said"),
        E("direct", "We checked it twice.", "-", "Ruiz", "-")
            .Resolution("continuation")}},
      // A quotation that follows a closed one is no continuation but the
      // second part of a split quote.
      {"\"The pier is safe,\" Ruiz said. \"We checked it twice.\"",
       {E("direct", "The pier is safe, | We checked it twice.", "Ruiz", "Ruiz",
          "said")}},
  });
}

TEST(ExtractorTest, ContinuationHasNoSpeakerSpanButTheSameEntity) {
  const DocumentResult r = Extract(
      "\"The pool will reopen in June,\" Ana Ruiz said.\n\n"
      "\"We have found the money.\"");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_FALSE(r.quotes[1].speaker);
  EXPECT_FALSE(r.quotes[1].cue);
  EXPECT_GE(r.quotes[0].entity, 0);
  EXPECT_EQ(r.quotes[1].entity, r.quotes[0].entity);
  EXPECT_EQ(r.quotes[1].rule, r.quotes[0].rule);
}

TEST(ExtractorTest, TitlesNicknamesAndScareQuotesAreNotSpeech) {
  ExpectAttributions({
      {"Protesters rallied against the so-called \"plan\" on Monday.", {}},
      {"She starred in a film titled \"The Long Winter\" last year.", {}},
      {"Bill \"the Hammer\" Jones won the race.", {}},
      {"The band played \"Harbour Lights\" twice.", {}},
      {"The mayor read the novel \"Tidewater\" on the train.", {}},
      {"The council met on Monday.", {}},
  });
}

TEST(ExtractorTest, NicknameInsideASpeakerIsNotAQuote) {
  const DocumentResult r =
      Extract("Bill \"the Hammer\" Jones said the fight was fixed.");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].type, QuoteType::kIndirect);
  EXPECT_EQ(r.quotes[0].content.In(r.text), "the fight was fixed");
  EXPECT_EQ(SpanText(r.text, r.quotes[0].cue), "said");
}

TEST(ExtractorTest, EmptyDocument) {
  for (std::string text : {"", " \n\n\t ", "\n"}) {
    const DocumentResult r = English().Extract(Document{"empty", text});
    EXPECT_EQ(r.id, "empty");
    EXPECT_EQ(r.text, text);
    EXPECT_THAT(r.quotes, IsEmpty());
    EXPECT_THAT(r.entities, IsEmpty());
    EXPECT_THAT(r.warnings, IsEmpty());
  }
}

TEST(ExtractorTest, KeepsIdAndTextUnchanged) {
  const std::string text = "  \"Go,\" Ruiz said.\r\n";
  const DocumentResult r = English().Extract(Document{"x/42", text});
  EXPECT_EQ(r.id, "x/42");
  EXPECT_EQ(r.text, text);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].content, (Span{3, 6}));
}

TEST(ExtractorTest, InvalidUtf8IsReportedAndOffsetsStayBytes) {
  // Byte 19 is a lone 0xFF; the ellipsis before the speaker is three bytes.
  const std::string text =
      "Ruiz said the pool \xFF would reopen in June.\n\n"
      "\"Done\xE2\x80\xA6\" Berg said.";
  const DocumentResult r = Extract(text);
  EXPECT_THAT(r.warnings, ElementsAre("invalid UTF-8 at byte offset 19"));
  EXPECT_EQ(r.text, text);
  ExpectWellFormed(r);
  ASSERT_EQ(r.quotes.size(), 2u);
  const Attribution& first = r.quotes[0];
  EXPECT_EQ(first.speaker, (Span{0, 4}));
  EXPECT_EQ(first.cue, (Span{5, 9}));
  EXPECT_EQ(first.content.In(text), "the pool \xFF would reopen in June");
  const Attribution& second = r.quotes[1];
  const std::size_t quote = text.find("\"Done");
  EXPECT_EQ(second.content, (Span{quote + 1, quote + 8}));
  EXPECT_EQ(second.speaker, (Span{quote + 10, quote + 14}));
  EXPECT_EQ(SpanText(text, second.speaker), "Berg");
}

TEST(ExtractorTest, EntitiesGatherMentionsOfOneSpeaker) {
  const std::string text =
      "Mayor Ana Ruiz opened the meeting.\n\n"
      "\"The pool will reopen in June,\" Ruiz said.\n\n"
      "\"We found the money,\" she said.\n\n"
      "\"Nobody pays more,\" Tom Berg added.";
  const DocumentResult r = Extract(text);
  ExpectWellFormed(r);
  ASSERT_EQ(r.quotes.size(), 3u);
  const int ruiz = r.quotes[0].entity;
  ASSERT_GE(ruiz, 0);
  EXPECT_EQ(r.quotes[1].entity, ruiz);
  const int berg = r.quotes[2].entity;
  ASSERT_GE(berg, 0);
  EXPECT_NE(berg, ruiz);
  const Entity& ana = r.entities[ruiz];
  EXPECT_EQ(ana.name, "Ana Ruiz");
  EXPECT_EQ(ana.kind, "person");
  EXPECT_EQ(ana.role, "Mayor");
  // Every mention used by an attribution is listed.
  EXPECT_THAT(ana.mentions, ::testing::Contains(*r.quotes[0].speaker));
  EXPECT_THAT(ana.mentions, ::testing::Contains(*r.quotes[1].speaker));
  EXPECT_EQ(SpanText(text, r.quotes[1].speaker), "she");
  EXPECT_EQ(r.entities[berg].name, "Tom Berg");
  // One entity per speaker: no duplicate names.
  for (std::size_t i = 0; i < r.entities.size(); ++i) {
    for (std::size_t j = i + 1; j < r.entities.size(); ++j) {
      EXPECT_NE(r.entities[i].name, r.entities[j].name);
    }
  }
}

TEST(ExtractorTest, ResultsAreInTextOrderAcrossParagraphs) {
  const DocumentResult r = Extract(
      "Berg said the pipes were old.\n\n"
      "\"We will fix them,\" Ruiz said. Ruiz also said the work would take "
      "a month.");
  ASSERT_EQ(r.quotes.size(), 3u);
  EXPECT_EQ(r.quotes[0].content.In(r.text), "the pipes were old");
  EXPECT_EQ(r.quotes[1].content.In(r.text), "We will fix them,");
  EXPECT_EQ(r.quotes[2].content.In(r.text), "the work would take a month");
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

TEST(ResolverTest, ItsOwnPatternsCompile) {
  auto rules = RuleSet::Load({BuiltinEnglishPack()});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_TRUE(Resolver(**rules).ok());
}

}  // namespace
}  // namespace whosaid
