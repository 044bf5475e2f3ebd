// Splitting an expanded rule pattern at its cue, so that the matcher can
// run a rule from each place its cue occurs instead of trying it at every
// position of a sentence (see docs/architecture.md, "Cue-anchored
// matching").
#ifndef WHOSAID_INTERNAL_CUE_SPLIT_H_
#define WHOSAID_INTERNAL_CUE_SPLIT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

// The three parts of a pattern BEFORE(?P<cue>CUE)AFTER.
struct CueSplit {
  std::string before;  // may be empty: the pattern opens with its cue
  std::string cue;     // the group's body, without "(?P<cue>" and ")"
  std::string after;   // may be empty
};

// Splits `pattern` when its cue capture stands at the top level of a plain
// concatenation: outside every group, with no top-level '|', no quantifier
// right after the group and no flag change such as "(?i)" at the top level
// (each of which would make the parts mean something else apart than
// together). Returns nullopt otherwise, and for patterns with \Q…\E, which
// the scan does not follow.
std::optional<CueSplit> SplitAtCue(std::string_view pattern);

// Whether every match of `pattern` holds `literal` (which has no RE2
// metacharacter, such as the placeholder's "⟦"), as far as its top level
// shows: the literal stands there outside every class, or a group
// "(?:…)" or "(?P<name>…)" that requires it in turn, neither made optional
// by a quantifier, in a plain concatenation as for SplitAtCue. False when
// it cannot tell, so a true answer is always right.
bool RequiresLiteral(std::string_view pattern, std::string_view literal);

// Whether a run of any characters (".*", ".+", lazy or not) stands in
// `pattern`, at any depth, outside classes. False when it cannot tell
// (\Q…\E, unbalanced parentheses or classes).
bool HoldsWildcard(std::string_view pattern);

// The part of `pattern`, a plain concatenation as for SplitAtCue, after
// its last top-level run of any characters (".*", ".+", lazy or not):
// every match of the pattern ends with a match of that part, which, read
// backwards from where the pattern must end, stops within a few words
// where the pattern itself would run on to the start of the text. Nullopt
// when no such run stands at the top level, or nothing follows it.
std::optional<std::string> AfterLastWildcard(std::string_view pattern);

// One alternative of a group that holds named groups: the parse takes the
// first alternative that matches where the group starts.
struct PatternAlternative {
  std::string pattern;  // "" for the empty one a '?' adds
  bool named = false;   // whether it holds a named group
};

// One piece of a pattern split at its top-level named groups: a group's
// body with its name, the plain pattern between two groups (no name), or
// an unnamed group that holds named groups, with its quantifier (no name,
// and its alternatives).
struct PatternPiece {
  std::string group;  // empty for a plain piece
  std::string pattern;
  // Filled for an unnamed group holding named groups,
  // "(?:A(?P<via>V)|B)?": A, B and the empty alternative, in the order
  // the parse prefers them. Empty for the other pieces.
  std::vector<PatternAlternative> alternatives;
};

// Splits `pattern`, a plain concatenation as for SplitAtCue, at each
// top-level named group: "(?P<content>Q)[ ]*(?P<speaker>S),?" gives
// content "Q", plain "[ ]*", speaker "S", plain ",?"; and at each
// top-level group "(?:…)" or "(?:…)?" (greedy or lazy) that holds named
// groups, which becomes a piece of its own with its alternatives.
// Returns nullopt when the pattern has no named group, when a named group
// is quantified or holds another named group, when a group holding named
// groups is capturing, sets flags or takes another quantifier, and
// wherever SplitAtCue would.
std::optional<std::vector<PatternPiece>> SplitAtGroups(
    std::string_view pattern);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_CUE_SPLIT_H_
