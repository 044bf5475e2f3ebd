#include "whosaid/internal/piece_parse.h"

#include <optional>

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

// The most places OnlySplitBeforeLast tries: a speaker's last piece is a
// comma, spaces and perhaps a few words ("has", "on Monday").
constexpr std::size_t kMaxSplitPlaces = 64;

// Where the piece before the last one must end for the last to end at
// `end`, when that is a single place: then the parse takes it, whatever
// the piece alone prefers ("The figure said" read by a speaker pattern
// whose first choice is the name "The"), since the pieces before it took
// their preferred matches and a parse through there exists. The piece
// runs from `at`. Nullopt when no place or several let both match: which
// of several the pattern prefers, only RE2's captures can say.
std::optional<std::size_t> OnlySplitBeforeLast(const Rule::Piece& piece,
                                               const Rule::Piece& last,
                                               std::string_view text,
                                               std::size_t at,
                                               std::size_t end) {
  const RE2& regex = piece.regex->Get();
  const RE2& last_regex = last.regex->Get();
  const RE2& ending = last.ending->Get();
  if (!ending.ok() || !last_regex.ok()) return std::nullopt;
  // The last piece can start no earlier than where its leftmost match
  // ending at `end` does; an end-anchored search reads back from there.
  re2::StringPiece leftmost;
  if (!ending.Match(text.substr(0, end), at, end, RE2::UNANCHORED, &leftmost,
                    1)) {
    return std::nullopt;
  }
  // Each place costs a search of each piece: a last piece that could
  // start anywhere (".*") would make that quadratic in the text. RE2's
  // captures decide those.
  if (end - (leftmost.data() - text.data()) > kMaxSplitPlaces) {
    return std::nullopt;
  }
  std::optional<std::size_t> split;
  for (std::size_t p = leftmost.data() - text.data(); p <= end; ++p) {
    if (!last_regex.Match(text, p, end, RE2::ANCHOR_BOTH, nullptr, 0) ||
        !regex.Match(text, at, p, RE2::ANCHOR_BOTH, nullptr, 0)) {
      continue;
    }
    if (split) return std::nullopt;
    split = p;
  }
  return split;
}

// CapturesByPieces, except that `spans` may be left half filled when it
// returns false.
bool CapturesByPiecesInto(const std::vector<Rule::Piece>& pieces,
                          std::string_view text, std::size_t begin,
                          std::size_t end, GroupSpans* spans) {
  if (pieces.empty()) return false;
  std::size_t at = begin;
  // Whether the last piece is known to match from `at` to `end`.
  bool last_fits = false;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Rule::Piece& piece = pieces[i];
    const RE2& regex = piece.regex->Get();
    if (!regex.ok()) return false;
    const bool last = i + 1 == pieces.size();
    re2::StringPiece span;
    if (last) {
      if (!last_fits &&
          !regex.Match(text, at, end, RE2::ANCHOR_BOTH, nullptr, 0)) {
        return false;
      }
      span = re2::StringPiece(text.data() + at, end - at);
    } else if (!regex.Match(text, at, end, RE2::ANCHOR_START, &span, 1)) {
      return false;
    } else if (i + 2 == pieces.size() && piece.alternatives.empty()) {
      // The last piece must end the match: when it cannot after this
      // one's preferred match, the only place it can start may decide.
      last_fits = pieces.back().regex->Get().Match(
          text, at + span.size(), end, RE2::ANCHOR_BOTH, nullptr, 0);
      if (!last_fits) {
        const std::optional<std::size_t> only =
            OnlySplitBeforeLast(piece, pieces.back(), text, at, end);
        if (!only) return false;
        span = re2::StringPiece(text.data() + at, *only - at);
        last_fits = true;
      }
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
    Rule::Piece compiled{piece.group, compile(piece.pattern), nullptr, {}};
    for (const PatternAlternative& a : piece.alternatives) {
      compiled.alternatives.push_back({compile(a.pattern), a.named,
                                       a.named
                                           ? CompilePieces(a.pattern, compile)
                                           : std::vector<Rule::Piece>{}});
    }
    out.push_back(std::move(compiled));
  }
  if (!out.empty()) {
    out.back().ending = compile("(?:" + pieces->back().pattern + ")$");
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
