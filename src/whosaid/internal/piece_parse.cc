#include "whosaid/internal/piece_parse.h"

#include "whosaid/internal/cue_split.h"

namespace whosaid::internal {
namespace {

bool CapturesByPiecesInto(const std::vector<Rule::Piece>& pieces,
                          std::string_view text, std::size_t begin,
                          std::size_t end, GroupSpans* spans);

// Appends the captures of the alternative that a piece's parse takes from
// `begin` to `end`, the piece run up to `reach` (the end of its pattern's
// match; for the last piece, `end` itself). False when they cannot be
// told so.
bool AlternativeCaptures(const std::vector<Rule::Alternative>& alternatives,
                         std::string_view text, std::size_t begin,
                         std::size_t end, std::size_t reach,
                         GroupSpans* spans) {
  // The piece alone, run up to `reach`, prefers its first alternative that
  // matches there; the last piece (end == reach) must end there.
  const RE2::Anchor anchor =
      end == reach ? RE2::ANCHOR_BOTH : RE2::ANCHOR_START;
  for (const Rule::Alternative& a : alternatives) {
    const RE2& regex = a.regex->Get();
    if (!regex.ok()) return false;
    if (!regex.Match(text, begin, reach, anchor, nullptr, 0)) continue;
    return !a.named || CapturesByPiecesInto(a.pieces, text, begin, end, spans);
  }
  return false;
}

// CapturesByPieces, except that `spans` may be left half filled when it
// returns false.
bool CapturesByPiecesInto(const std::vector<Rule::Piece>& pieces,
                          std::string_view text, std::size_t begin,
                          std::size_t end, GroupSpans* spans) {
  if (pieces.empty()) return false;
  std::size_t at = begin;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Rule::Piece& piece = pieces[i];
    const RE2& regex = piece.regex->Get();
    if (!regex.ok()) return false;
    const bool last = i + 1 == pieces.size();
    re2::StringPiece span;
    if (last) {
      if (!regex.Match(text, at, end, RE2::ANCHOR_BOTH, nullptr, 0)) {
        return false;
      }
      span = re2::StringPiece(text.data() + at, end - at);
    } else if (!regex.Match(text, at, end, RE2::ANCHOR_START, &span, 1)) {
      return false;
    }
    if (!piece.group.empty()) spans->emplace_back(&piece.group, span);
    if (!piece.alternatives.empty() &&
        !AlternativeCaptures(piece.alternatives, text, at, at + span.size(),
                             end, spans)) {
      return false;
    }
    at += span.size();
  }
  return true;
}

}  // namespace

std::vector<Rule::Piece> CompilePieces(
    const std::string& pattern,
    const std::function<std::shared_ptr<const LazyRegex>(const std::string&)>&
        compile) {
  std::vector<Rule::Piece> out;
  auto pieces = SplitAtGroups(pattern);
  if (!pieces) return out;
  for (const PatternPiece& piece : *pieces) {
    Rule::Piece compiled{piece.group, compile(piece.pattern), {}};
    for (const PatternAlternative& a : piece.alternatives) {
      compiled.alternatives.push_back({compile(a.pattern), a.named,
                                       a.named
                                           ? CompilePieces(a.pattern, compile)
                                           : std::vector<Rule::Piece>{}});
    }
    out.push_back(std::move(compiled));
  }
  return out;
}

bool CapturesByPieces(const std::vector<Rule::Piece>& pieces,
                      std::string_view text, std::size_t begin, std::size_t end,
                      GroupSpans* spans) {
  const std::size_t kept = spans->size();
  if (CapturesByPiecesInto(pieces, text, begin, end, spans)) return true;
  spans->resize(kept);
  return false;
}

}  // namespace whosaid::internal
