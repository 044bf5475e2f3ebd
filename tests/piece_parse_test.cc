#include "whosaid/internal/piece_parse.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace whosaid::internal {
namespace {

std::vector<Rule::Piece> Compile(const std::string& pattern) {
  return CompilePieces(pattern, [](const std::string& piece) {
    return std::make_shared<const LazyRegex>("(?:" + piece + ")",
                                             RE2::Options());
  });
}

// name=text of each named group that took part, by RE2's own captures of
// the match of `pattern` in `text`; "none" without a match.
std::map<std::string, std::string> Re2Captures(const std::string& pattern,
                                               const std::string& text,
                                               std::size_t* begin,
                                               std::size_t* end) {
  const RE2 re(pattern);
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                static_cast<int>(groups.size()))) {
    return {{"none", ""}};
  }
  *begin = groups[0].data() - text.data();
  *end = *begin + groups[0].size();
  std::map<std::string, std::string> out;
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    if (groups[index].data() != nullptr) {
      out[name] = std::string(groups[index].data(), groups[index].size());
    }
  }
  return out;
}

// The pieces give RE2's captures wherever they give any, and they give
// them for the common cases.
TEST(PieceParseTest, CapturesAreRe2sWheneverThePiecesGiveThem) {
  const std::string kRelay =
      "(?P<speaker>[A-Z][a-z]+(?: [A-Z][a-z]+)*) said"
      "(?:, as cited by (?P<via>[A-Z][a-z]+)| to (?P<to>[A-Z][a-z]+))?"
      ",? (?P<content>.*)";
  const struct {
    std::string pattern, text;
    bool pieces_decide;
  } cases[] = {
      {kRelay, "Then Ana Ruiz said, as cited by Berg, it failed.", true},
      {kRelay, "Ana Ruiz said to Berg it failed.", true},
      {kRelay, "Ana Ruiz said it failed.", true},
      // The addressee piece takes " to Berg", which leaves no content:
      // only RE2's parse, which skips the group, can say.
      {kRelay, "Ana Ruiz said to Berg", false},
      // A lazy group is skipped when it can be.
      {"(?P<a>x+)(?:-(?P<b>y+))?"
       "?(?P<c>.*)",  // split: "??(" would be a trigraph
       "xx-yy!", true},
      // The greedy name takes the space the next piece needs.
      {"(?P<name>[a-z ]+) (?P<rest>[a-z]+)", "ana ruiz", false},
      // The speaker alone prefers "The"; the only place the last piece
      // can start from decides: "The figure".
      {"(?P<speaker>The|[A-Z][a-z]+ [a-z]+),? +(?:has )?", "The figure has ",
       true},
      // Two places would do ("w x" then " y z", "w x y" then " z"): only
      // RE2 knows which the pattern prefers.
      {"(?P<a>w|w x|w x y)(?P<b>(?: y)? z)", "w x y z", false},
      // One place would do, near the end: "xy", then "z!".
      {"(?P<a>x|xy)(?P<b>z.*)", "xyz!", true},
      // The last piece could start at any of a hundred places: RE2
      // decides rather than a search from each.
      {"(?P<a>x|xy)(?P<b>z.*)", "xyz" + std::string(100, '!'), false},
  };
  for (const auto& c : cases) {
    const std::vector<Rule::Piece> pieces = Compile(c.pattern);
    ASSERT_FALSE(pieces.empty()) << c.pattern;
    std::size_t begin = 0, end = 0;
    const auto expected = Re2Captures(c.pattern, c.text, &begin, &end);
    ASSERT_EQ(expected.count("none"), 0u) << c.text;
    GroupSpans spans = {{nullptr, re2::StringPiece()}};  // kept as it was
    const bool decided = CapturesByPieces(pieces, c.text, begin, end, &spans);
    EXPECT_EQ(decided, c.pieces_decide) << c.text;
    if (!decided) {
      EXPECT_EQ(spans.size(), 1u) << c.text;
      continue;
    }
    std::map<std::string, std::string> found;
    for (std::size_t i = 1; i < spans.size(); ++i) {
      found[*spans[i].first] =
          std::string(spans[i].second.data(), spans[i].second.size());
    }
    EXPECT_EQ(found, expected) << c.text;
  }
}

TEST(PieceParseTest, PatternsThatDoNotSplitGiveNoPieces) {
  EXPECT_TRUE(Compile("[a-z]+ said").empty());
  EXPECT_TRUE(Compile("(?P<a>x)*").empty());
  EXPECT_TRUE(Compile("(?P<a>x)(?P<b>[)").empty());  // unclosed class
}

TEST(PieceParseTest, APieceRe2RefusesLeavesTheCapturesToRe2) {
  // Pieces compile on first use, so RE2's refusal shows only then.
  const std::vector<Rule::Piece> pieces = Compile("(?P<a>x)(?P<b>x{2,1})");
  ASSERT_EQ(pieces.size(), 2u);
  GroupSpans spans = {{nullptr, re2::StringPiece()}};
  EXPECT_FALSE(CapturesByPieces(pieces, "xxx", 0, 3, &spans));
  EXPECT_EQ(spans.size(), 1u);
}

}  // namespace
}  // namespace whosaid::internal
