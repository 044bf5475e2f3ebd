// Splitting an expanded rule pattern at its cue, so that the matcher can
// run a rule from each place its cue occurs instead of trying it at every
// position of a sentence (see docs/architecture.md, "Cue-anchored
// matching").
#ifndef WHOSAID_INTERNAL_CUE_SPLIT_H_
#define WHOSAID_INTERNAL_CUE_SPLIT_H_

#include <optional>
#include <string>
#include <string_view>

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

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_CUE_SPLIT_H_
