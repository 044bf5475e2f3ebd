#include "whosaid/internal/html_markup.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid::internal {
namespace {

#define REPLACEMENT "\xEF\xBF\xBD"  // U+FFFD

TEST(EscapeHtmlTest, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeHtml("<script>a & \"b\" 'c'</script>"),
            "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;");
}

TEST(EscapeHtmlTest, KeepsUtf8AndLineBreaks) {
  EXPECT_EQ(EscapeHtml("\xE2\x80\x9CYes,\xE2\x80\x9D she said.\r\n\tOk"),
            "\xE2\x80\x9CYes,\xE2\x80\x9D she said.\r\n\tOk");
}

TEST(EscapeHtmlTest, ReplacesInvalidUtf8AndControls) {
  EXPECT_EQ(EscapeHtml(std::string("a\xFF"
                                   "b\xE2\x80"
                                   "c",
                                   6)),
            "a" REPLACEMENT "b" REPLACEMENT REPLACEMENT "c");
  EXPECT_EQ(EscapeHtml(std::string("a\0b\x1B\x7F", 5)),
            "a" REPLACEMENT "b" REPLACEMENT REPLACEMENT);
}

Markup Mark(std::size_t begin, std::size_t end, std::string name,
            std::string first = "") {
  return {{begin, end}, "b", " n=" + name, std::move(first)};
}

TEST(RenderMarkupTest, NoMarkupIsEscapedText) {
  EXPECT_EQ(RenderMarkup("a<b", {}), "a&lt;b");
}

TEST(RenderMarkupTest, NestedSpansNest) {
  // "said" (cue) inside the content "he said so".
  EXPECT_EQ(
      RenderMarkup("x he said so y", {Mark(5, 9, "cue"), Mark(2, 12, "q")}),
      "x <b n=q>he <b n=cue>said</b> so</b> y");
}

TEST(RenderMarkupTest, TheLongerOfTwoSpansStartingTogetherIsOutside) {
  EXPECT_EQ(RenderMarkup("abcd", {Mark(0, 2, "short"), Mark(0, 4, "long")}),
            "<b n=long><b n=short>ab</b>cd</b>");
}

TEST(RenderMarkupTest, CrossingSpansAreSplitAndTheIdStaysOnTheFirstPiece) {
  EXPECT_EQ(RenderMarkup("abcdef",
                         {Mark(0, 4, "x", " id=x"), Mark(2, 6, "y", " id=y")}),
            "<b id=x n=x>ab<b id=y n=y>cd</b></b><b n=y>ef</b>");
}

TEST(RenderMarkupTest, EmptySpansAreDroppedAndLongOnesClipped) {
  EXPECT_EQ(RenderMarkup("abc", {Mark(1, 1, "empty"), Mark(2, 99, "long")}),
            "ab<b n=long>c</b>");
}

TEST(RenderMarkupTest, TextInsideMarksIsEscaped) {
  EXPECT_EQ(RenderMarkup("<i>", {Mark(0, 3, "q")}), "<b n=q>&lt;i&gt;</b>");
}

}  // namespace
}  // namespace whosaid::internal
