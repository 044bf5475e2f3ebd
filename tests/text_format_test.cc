#include "whosaid/text_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "find_span.h"

namespace whosaid {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

#define LDQ "\xE2\x80\x9C"       // “
#define RDQ "\xE2\x80\x9D"       // ”
#define DASH "\xE2\x80\x94"      // —
#define ELLIPSIS "\xE2\x80\xA6"  // …

Span Find(std::string_view text, std::string_view needle) {
  return FindSpan(text, needle);
}

DocumentResult Result(std::string text) {
  DocumentResult r;
  r.id = "story-1";
  r.text = std::move(text);
  return r;
}

TEST(FormatTextTest, EmptyDocumentIsJustTheHeader) {
  EXPECT_EQ(FormatText(Result("")), "# story-1 (0 attributions)\n");
}

TEST(FormatTextTest, OneAttributionIsSingular) {
  DocumentResult r = Result("\"The bridge reopens in May,\" Okafor said.");
  Attribution a;
  a.content = Find(r.text, "The bridge reopens in May,");
  a.cue = Find(r.text, "said");
  a.speaker = Find(r.text, "Okafor");
  a.speaker_name = "Ada Okafor";
  a.stance = "assert";
  a.resolution = "surname";
  r.quotes.push_back(a);
  EXPECT_EQ(FormatText(r),
            "# story-1 (1 attribution)\n"
            "  Ada Okafor " DASH " said [assert] " DASH " " LDQ
            "The bridge reopens in May," RDQ "  (direct, surname)\n");
}

TEST(FormatTextTest, RoleOrgViaAndIndirectContent) {
  DocumentResult r = Result(
      "Mayor Lin Feng, chair of the Harbour Board, told the Tribune that "
      "tolls would rise.");
  Attribution a;
  a.type = QuoteType::kIndirect;
  a.content = Find(r.text, "tolls would rise");
  a.cue = Find(r.text, "told");
  a.speaker_name = "Lin Feng";
  a.speaker_role = "chair";
  a.speaker_org = "Harbour Board";
  a.via = {"the Tribune"};
  a.resolution = "explicit";
  r.quotes.push_back(a);
  EXPECT_EQ(FormatText(r),
            "# story-1 (1 attribution)\n"
            "  Lin Feng [chair, Harbour Board] (via the Tribune) " DASH
            " told " DASH " tolls would rise  (indirect, explicit)\n");
}

TEST(FormatTextTest, RoleOrOrgAlone) {
  DocumentResult r = Result("x");
  Attribution a;
  a.content = Span{0, 1};
  a.speaker_name = "Ines Duarte";
  a.speaker_org = "Port Authority";
  r.quotes.push_back(a);
  a.speaker_name = "Tom Reyes";
  a.speaker_org.clear();
  a.speaker_role = "coach";
  r.quotes.push_back(a);
  const std::string out = FormatText(r);
  EXPECT_THAT(out, HasSubstr("  Ines Duarte [Port Authority] " DASH));
  EXPECT_THAT(out, HasSubstr("  Tom Reyes [coach] " DASH));
  EXPECT_THAT(out, HasSubstr("# story-1 (2 attributions)\n"));
}

TEST(FormatTextTest, SeveralRelaysInOrder) {
  DocumentResult r = Result("x");
  Attribution a;
  a.content = Span{0, 1};
  a.speaker_name = "Ruiz";
  a.via = {"Kyodo", "the Daily Post"};
  r.quotes.push_back(a);
  EXPECT_THAT(FormatText(r),
              HasSubstr("  Ruiz (via Kyodo) (via the Daily Post) " DASH));
}

TEST(FormatTextTest, UnknownSpeakerAndNoCue) {
  DocumentResult r = Result("\"We stay,\" read the banner.");
  Attribution a;
  a.content = Find(r.text, "We stay,");
  a.resolution = "continuation";
  r.quotes.push_back(a);
  EXPECT_EQ(FormatText(r),
            "# story-1 (1 attribution)\n"
            "  (unknown) " DASH " " DASH " " DASH " " LDQ "We stay," RDQ
            "  (direct, continuation)\n");
}

TEST(FormatTextTest, SplitQuoteShowsItsPartsNotTheAttribution) {
  DocumentResult r = Result("\"First the roof,\" Bo said, \"then the walls.\"");
  Attribution a;
  a.content = Span{Find(r.text, "First").begin, Find(r.text, "walls.").end};
  a.content_parts = {Find(r.text, "First the roof,"),
                     Find(r.text, "then the walls.")};
  a.cue = Find(r.text, "said");
  a.speaker_name = "Bo";
  r.quotes.push_back(a);
  const std::string out = FormatText(r);
  EXPECT_THAT(out, HasSubstr(LDQ "First the roof," RDQ " " ELLIPSIS " " LDQ
                                 "then the walls." RDQ));
  EXPECT_THAT(out, Not(HasSubstr("Bo said,")));
}

TEST(FormatTextTest, MixedContentHasNoAddedMarks) {
  DocumentResult r = Result("She called the vote \"a farce\" on Monday.");
  Attribution a;
  a.type = QuoteType::kMixed;
  a.content = Find(r.text, "the vote \"a farce\"");
  a.resolution = "explicit";
  r.quotes.push_back(a);
  EXPECT_THAT(FormatText(r),
              HasSubstr(DASH " the vote \"a farce\"  (mixed, explicit)\n"));
}

TEST(FormatTextTest, NewlinesInContentAreFolded) {
  DocumentResult r = Result("line one\nline two\r\nline three");
  Attribution a;
  a.type = QuoteType::kIndirect;
  a.content = Span{0, r.text.size()};
  r.quotes.push_back(a);
  const std::string out = FormatText(r);
  EXPECT_THAT(out, HasSubstr("line one line two  line three  (indirect"));
  // The header and one line: no newline leaked from the content.
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
}

TEST(FormatTextTest, LongContentIsShortenedInTheMiddle) {
  std::string body = "BEGIN";
  while (body.size() < 400) body += " word";
  body += " END";
  DocumentResult r = Result(body);
  Attribution a;
  a.type = QuoteType::kIndirect;
  a.content = Span{0, body.size()};
  r.quotes.push_back(a);
  const std::string out = FormatText(r);
  EXPECT_THAT(out, HasSubstr("BEGIN word"));
  EXPECT_THAT(out, HasSubstr("word END  (indirect"));
  EXPECT_THAT(out, HasSubstr(" " ELLIPSIS " "));
  EXPECT_LT(out.size(), 260u);
}

TEST(FormatTextTest, ShorteningNeverCutsAUtf8Sequence) {
  // 300 bytes of two-byte letters: any cut at an odd offset would split one.
  std::string body;
  for (int i = 0; i < 150; ++i) body += "\xC3\xA9";
  DocumentResult r = Result(body);
  Attribution a;
  a.type = QuoteType::kIndirect;
  a.content = Span{0, body.size()};
  r.quotes.push_back(a);
  const std::string out = FormatText(r);
  const std::size_t end = out.find("  (indirect");
  const std::size_t start = out.rfind(DASH " ", end) + 4;
  ASSERT_LT(start, end);
  const std::string shown = out.substr(start, end - start);
  const std::size_t cut = shown.find(" " ELLIPSIS " ");
  ASSERT_NE(cut, std::string::npos);
  const std::string head = shown.substr(0, cut);
  const std::string tail = shown.substr(cut + 5);
  for (const std::string& part : {head, tail}) {
    ASSERT_FALSE(part.empty());
    EXPECT_EQ(part.size() % 2, 0u) << part;
    EXPECT_EQ(part.substr(0, 2), "\xC3\xA9");
  }
}

TEST(FormatTextTest, WarningsComeLast) {
  DocumentResult r = Result("\xFF");
  r.warnings = {"invalid UTF-8 at byte offset 0", "second"};
  EXPECT_EQ(FormatText(r),
            "# story-1 (0 attributions)\n"
            "  warning: invalid UTF-8 at byte offset 0\n"
            "  warning: second\n");
}

}  // namespace
}  // namespace whosaid
