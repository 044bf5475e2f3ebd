#include "whosaid/html_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <string_view>

#include "find_span.h"

namespace whosaid {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A document with one split quotation of Ana Ruiz and one indirect
// statement of nobody known.
DocumentResult Example() {
  DocumentResult r;
  r.id = "story<1>";
  r.text =
      "\"We build,\" Ruiz said. \"Now.\"\n\nHe denied <it> flatly, they "
      "said.";
  r.entities.push_back({"Ana Ruiz", "person", "Mayor", "", {}});
  Attribution split;
  split.content = FindSpan(r.text, "We build,\" Ruiz said. \"Now.");
  split.content_parts = {FindSpan(r.text, "We build,"),
                         FindSpan(r.text, "Now.")};
  split.cue = FindSpan(r.text, "said");
  split.speaker = FindSpan(r.text, "Ruiz");
  split.speaker_name = "Ana Ruiz";
  split.stance = "deny";
  split.negated = true;
  split.rule = "en.split<quote>";
  split.resolution = "surname";
  split.entity = 0;
  r.quotes.push_back(split);
  Attribution indirect;
  indirect.type = QuoteType::kIndirect;
  indirect.content = FindSpan(r.text, "He denied <it> flatly");
  const std::size_t last_said = r.text.rfind("said");
  indirect.cue = Span{last_said, last_said + 4};
  indirect.stance = "assert";
  indirect.rule = "en.clause";
  r.quotes.push_back(indirect);
  return r;
}

int Count(const std::string& html, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<int>(
      std::distance(std::sregex_iterator(html.begin(), html.end(), re),
                    std::sregex_iterator()));
}

TEST(FormatHtmlDocumentTest, EveryPieceOfASplitQuoteIsMarkedWithOneAnchor) {
  const std::string html = FormatHtmlDocument(Example(), 3);
  EXPECT_EQ(Count(html, "<mark [^>]*data-q=\"0\""), 2);
  EXPECT_EQ(Count(html, "id=\"d3-q0\""), 1);
  EXPECT_EQ(Count(html, "<mark [^>]*data-q=\"1\""), 1);
}

TEST(FormatHtmlDocumentTest, QuotesCarryStanceRuleAndResolution) {
  const std::string html = FormatHtmlDocument(Example(), 0);
  EXPECT_THAT(html, HasSubstr("class=\"q st-deny t-direct\""));
  EXPECT_THAT(html, HasSubstr("data-stance=\"not deny\""));
  EXPECT_THAT(html, HasSubstr("data-rule=\"en.split&lt;quote&gt;\""));
  EXPECT_THAT(html, HasSubstr("data-res=\"surname\""));
  EXPECT_THAT(html, HasSubstr("class=\"q st-assert t-indirect\""));
}

TEST(FormatHtmlDocumentTest, TheSpeakerMentionLinksToThePanel) {
  const std::string html = FormatHtmlDocument(Example(), 2);
  EXPECT_THAT(html, HasSubstr("<a class=\"spk\" href=\"#d2-e0\" data-q=\"0\" "
                              "data-e=\"0\">Ruiz</a>"));
  EXPECT_THAT(html, HasSubstr("<li class=\"speaker\" id=\"d2-e0\""));
  EXPECT_THAT(html, HasSubstr(">Ana Ruiz</button>"));
  // The indirect quote has no speaker: it is listed under "(no speaker)".
  EXPECT_THAT(html, HasSubstr(">(no speaker)</button>"));
}

TEST(FormatHtmlDocumentTest, TheTextIsEscaped) {
  const std::string html = FormatHtmlDocument(Example(), 0);
  EXPECT_THAT(html, HasSubstr("<h2>story&lt;1&gt; "));
  EXPECT_THAT(html, HasSubstr("He denied &lt;it&gt; flatly"));
  EXPECT_THAT(html, Not(HasSubstr("<it>")));
}

TEST(FormatHtmlDocumentTest, AStanceOfAUsersPackCannotBreakTheClass) {
  DocumentResult r = Example();
  r.quotes[1].stance = "x\" onclick=\"alert(1)";
  const std::string html = FormatHtmlDocument(r, 0);
  EXPECT_THAT(html, HasSubstr("class=\"q st-xonclickalert1 t-indirect\""));
  EXPECT_THAT(html, Not(HasSubstr("onclick=\"")));
}

TEST(FormatHtmlDocumentTest, ADocumentWithoutQuotesSaysSo) {
  DocumentResult r;
  r.id = "empty";
  r.text = "Nothing said here.";
  const std::string html = FormatHtmlDocument(r, 0);
  EXPECT_THAT(html, HasSubstr("0 quotes"));
  EXPECT_THAT(html, HasSubstr("No quotes found."));
  EXPECT_THAT(html, Not(HasSubstr("<mark")));
}

TEST(FormatHtmlPageTest, ThePolicyAllowsOnlyThePagesOwnScriptsAndNoNetwork) {
  HtmlPageOptions options;
  options.scripts.push_back({"void 0;", "'sha256-abc='"});
  options.styles.push_back({"p{}", "'sha256-def='"});
  const std::string html = FormatHtmlPage({Example()}, options);
  EXPECT_THAT(html, HasSubstr("default-src &#39;none&#39;"));
  EXPECT_THAT(html, HasSubstr("&#39;sha256-abc=&#39;"));
  EXPECT_THAT(html, Not(HasSubstr("connect-src")));
  EXPECT_THAT(html, HasSubstr("<script>void 0;</script>"));
  EXPECT_THAT(html, HasSubstr("<style>p{}</style>"));
  EXPECT_THAT(html, HasSubstr("&#39;sha256-def=&#39;"));
  EXPECT_EQ(Count(html, "<script>"), 2);
  options.fetch_same_origin = true;
  EXPECT_THAT(FormatHtmlPage({}, options),
              HasSubstr("connect-src &#39;self&#39;"));
}

TEST(FormatHtmlPageTest, DocumentsAreNumberedInOrder) {
  const std::string html = FormatHtmlPage({Example(), Example()});
  EXPECT_THAT(html, HasSubstr("id=\"d0-q0\""));
  EXPECT_THAT(html, HasSubstr("id=\"d1-q0\""));
  EXPECT_LT(html.find("id=\"d0\""), html.find("id=\"d1\""));
}

}  // namespace
}  // namespace whosaid
