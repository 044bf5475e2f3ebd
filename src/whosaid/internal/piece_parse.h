// Captures without RE2's capture engines: a pattern split at its named
// groups (SplitAtGroups) is parsed piece by piece, each piece a DFA search
// from where the one before ended. RE2's captures over a program of
// thousands of instructions (the speaker patterns, the resolver's
// appositions) cost tens of thousands of cycles a match; the pieces cost a
// few DFA steps a byte.
#ifndef WHOSAID_INTERNAL_PIECE_PARSE_H_
#define WHOSAID_INTERNAL_PIECE_PARSE_H_

#include <re2/re2.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whosaid/internal/lazy_regex.h"
#include "whosaid/rule_set.h"

namespace whosaid::internal {

// `pattern` split at its top-level named groups, each piece and each
// alternative of a piece to be compiled by `compile` (given a piece's
// pattern, it returns it to be compiled on first use as "(?:PIECE)"); an
// alternative that holds named groups is split in turn. Empty when the
// pattern does not split so. A piece that turns out not to compile makes
// CapturesByPieces return false.
std::vector<Rule::Piece> CompilePieces(
    const std::string& pattern,
    const std::function<std::shared_ptr<const LazyRegex>(const std::string&)>&
        compile);

// The spans of the named groups that take part in a parse.
using GroupSpans = std::vector<std::pair<const std::string*, re2::StringPiece>>;

// A pattern P1 P2 … Pn split at its top-level named groups prefers the
// parse in which P1 takes its own preferred match, then P2 from there, and
// so on, whenever that parse ends where the match must: so when each
// piece, run alone from where the one before ended, does, the pieces'
// spans are the pattern's captures. A piece that is a group holding named
// groups takes the first of its alternatives that matches where it
// starts, with that alternative's preferred parse, which its own pieces
// give in turn.
//
// Appends to `spans` the captures of the match of `pieces`' pattern from
// `begin` to `end` of `text` (which RE2 found there) when the pieces give
// them; returns false, `spans` untouched, when they cannot be told so and
// RE2's captures must decide.
bool CapturesByPieces(const std::vector<Rule::Piece>& pieces,
                      std::string_view text, std::size_t begin, std::size_t end,
                      GroupSpans* spans);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_PIECE_PARSE_H_
