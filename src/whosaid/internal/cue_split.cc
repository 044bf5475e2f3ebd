#include "whosaid/internal/cue_split.h"

#include <cstddef>

namespace whosaid::internal {
namespace {

constexpr std::string_view kCueOpen = "(?P<cue>";

// Index just past the character class that opens at `at` ('['), or npos
// when it does not close. A ']' first in the class (after an optional '^')
// is a literal, and "[:alpha:]" inside it is one item.
std::size_t SkipClass(std::string_view p, std::size_t at) {
  std::size_t i = at + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size()) {
    if (p[i] == '\\') {
      i += 2;
    } else if (p.compare(i, 2, "[:") == 0) {
      const std::size_t end = p.find(":]", i + 2);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 2;
    } else if (p[i] == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

bool IsQuantifier(char c) {
  return c == '*' || c == '+' || c == '?' || c == '{';
}

// Whether the "(?" group opening at `at` sets flags for the rest of its
// enclosing group ("(?i)"), rather than opening a group of its own.
bool IsFlagChange(std::string_view p, std::size_t at) {
  if (p.compare(at, 2, "(?") != 0) return false;
  const std::size_t end = p.find_first_of(":)>", at + 2);
  return end != std::string_view::npos && p[end] == ')';
}

// A group at the top level of a pattern: p[open] is its '(', p[close] its
// ')'.
struct TopLevelGroup {
  std::size_t open, close;
};

// What stands at the top level of a pattern: its groups, its '|'s, and
// whether it changes flags there ("(?i)").
struct TopLevel {
  std::vector<TopLevelGroup> groups;
  std::vector<std::size_t> bars;
  bool flag_change = false;
  // Where each top-level run of any characters (".*", ".+", lazy or not)
  // ends.
  std::vector<std::size_t> wildcard_ends;
  bool any_wildcard = false;  // such a run at any depth
};

// The top level of `p`: nullopt for \Q…\E, which the scan does not
// follow, and for unbalanced parentheses or classes.
std::optional<TopLevel> ScanTopLevel(std::string_view p) {
  if (p.find("\\Q") != std::string_view::npos) return std::nullopt;
  TopLevel top;
  int depth = 0;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '[') {
      i = SkipClass(p, i);
      if (i == std::string_view::npos) return std::nullopt;
    } else if (c == '(') {
      if (depth == 0) {
        if (IsFlagChange(p, i)) top.flag_change = true;
        top.groups.push_back({i, std::string_view::npos});
      }
      ++depth;
      ++i;
    } else if (c == ')') {
      if (--depth < 0) return std::nullopt;
      if (depth == 0) top.groups.back().close = i;
      ++i;
    } else if (c == '.' && i + 1 < p.size() &&
               (p[i + 1] == '*' || p[i + 1] == '+')) {
      i += 2;
      if (i < p.size() && p[i] == '?') ++i;
      top.any_wildcard = true;
      if (depth == 0) top.wildcard_ends.push_back(i);
    } else {
      if (c == '|' && depth == 0) top.bars.push_back(i);
      ++i;
    }
  }
  if (depth != 0) return std::nullopt;
  return top;
}

// The top-level groups of `p`, a plain concatenation: nullopt when `p`
// has a top-level '|' or flag change ("(?i)"), \Q…\E, or unbalanced
// parentheses or classes.
std::optional<std::vector<TopLevelGroup>> TopLevelGroups(std::string_view p) {
  std::optional<TopLevel> top = ScanTopLevel(p);
  if (!top || !top->bars.empty() || top->flag_change) return std::nullopt;
  return std::move(top->groups);
}

bool QuantifiedAfter(std::string_view p, const TopLevelGroup& g) {
  return g.close + 1 < p.size() && IsQuantifier(p[g.close + 1]);
}

constexpr std::string_view kNamedOpen = "(?P<";
constexpr std::string_view kGroupOpen = "(?:";

bool HoldsNamedGroup(std::string_view p) {
  return p.find(kNamedOpen) != std::string_view::npos;
}

// The piece for the unnamed top-level group `g` of `p`, which holds named
// groups: its alternatives in the order the parse prefers them. Sets
// `end` past the group's quantifier. Nullopt when the group captures,
// sets flags, or is quantified other than by '?' or '??'.
std::optional<PatternPiece> GroupPiece(std::string_view p,
                                       const TopLevelGroup& g,
                                       std::size_t* end) {
  if (p.compare(g.open, kGroupOpen.size(), kGroupOpen) != 0) {
    return std::nullopt;
  }
  const std::string_view body = p.substr(g.open + kGroupOpen.size(),
                                         g.close - g.open - kGroupOpen.size());
  std::optional<TopLevel> top = ScanTopLevel(body);
  if (!top || top->flag_change) return std::nullopt;
  PatternPiece piece;
  std::size_t from = 0;
  top->bars.push_back(body.size());
  for (std::size_t bar : top->bars) {
    const std::string_view alternative = body.substr(from, bar - from);
    piece.alternatives.push_back(
        {std::string(alternative), HoldsNamedGroup(alternative)});
    from = bar + 1;
  }
  *end = g.close + 1;
  if (*end < p.size() && IsQuantifier(p[*end])) {
    if (p[*end] != '?') return std::nullopt;
    ++*end;
    // A greedy '?' prefers the group, a lazy one skipping it.
    const bool lazy = *end < p.size() && p[*end] == '?';
    if (lazy) ++*end;
    if (*end < p.size() && (p[*end] == '+' || IsQuantifier(p[*end]))) {
      return std::nullopt;
    }
    const auto at =
        lazy ? piece.alternatives.begin() : piece.alternatives.end();
    piece.alternatives.insert(at, PatternAlternative{"", false});
  }
  piece.pattern = std::string(p.substr(g.open, *end - g.open));
  return piece;
}

}  // namespace

bool HoldsWildcard(std::string_view pattern) {
  const std::optional<TopLevel> top = ScanTopLevel(pattern);
  return top && top->any_wildcard;
}

std::optional<std::string> AfterLastWildcard(std::string_view pattern) {
  const std::optional<TopLevel> top = ScanTopLevel(pattern);
  if (!top || !top->bars.empty() || top->flag_change ||
      top->wildcard_ends.empty() ||
      top->wildcard_ends.back() >= pattern.size()) {
    return std::nullopt;
  }
  return std::string(pattern.substr(top->wildcard_ends.back()));
}

std::optional<std::vector<PatternPiece>> SplitAtGroups(std::string_view p) {
  std::optional<std::vector<TopLevelGroup>> groups = TopLevelGroups(p);
  if (!groups) return std::nullopt;
  std::vector<PatternPiece> pieces;
  std::size_t plain_begin = 0;
  // The plain piece up to `end`, which must hold no capture of its own.
  auto add_plain = [&](std::size_t end) {
    const std::string_view plain = p.substr(plain_begin, end - plain_begin);
    if (HoldsNamedGroup(plain)) return false;
    if (!plain.empty()) pieces.push_back({"", std::string(plain), {}});
    return true;
  };
  bool has_group = false;
  for (const TopLevelGroup& g : *groups) {
    if (p.compare(g.open, kNamedOpen.size(), kNamedOpen) != 0) {
      if (!HoldsNamedGroup(p.substr(g.open, g.close - g.open))) continue;
      std::size_t end = 0;
      std::optional<PatternPiece> piece = GroupPiece(p, g, &end);
      if (!piece || !add_plain(g.open)) return std::nullopt;
      pieces.push_back(std::move(*piece));
      has_group = true;
      plain_begin = end;
      continue;
    }
    const std::size_t name_end = p.find('>', g.open);
    if (name_end == std::string_view::npos || name_end > g.close) {
      return std::nullopt;
    }
    const std::string_view body =
        p.substr(name_end + 1, g.close - name_end - 1);
    if (QuantifiedAfter(p, g) || HoldsNamedGroup(body) || !add_plain(g.open)) {
      return std::nullopt;
    }
    pieces.push_back(
        {std::string(p.substr(g.open + kNamedOpen.size(),
                              name_end - g.open - kNamedOpen.size())),
         std::string(body),
         {}});
    has_group = true;
    plain_begin = g.close + 1;
  }
  if (!has_group || !add_plain(p.size())) return std::nullopt;
  return pieces;
}

bool RequiresLiteral(std::string_view p, std::string_view literal) {
  const std::optional<std::vector<TopLevelGroup>> groups = TopLevelGroups(p);
  if (!groups || literal.empty()) return false;
  // A quantifier after the literal or a group may leave it out ('+' does
  // not).
  auto optional_after = [&](std::size_t end) {
    return end < p.size() && IsQuantifier(p[end]) && p[end] != '+';
  };
  // The literal itself, outside every group and class.
  std::size_t next_group = 0;
  for (std::size_t i = 0; i < p.size();) {
    if (next_group < groups->size() && i == (*groups)[next_group].open) {
      i = (*groups)[next_group++].close + 1;
    } else if (p[i] == '\\') {
      i += 2;
    } else if (p[i] == '[') {
      i = SkipClass(p, i);
    } else if (p.compare(i, literal.size(), literal) == 0) {
      if (!optional_after(i + literal.size())) return true;
      i += literal.size();
    } else {
      ++i;
    }
  }
  // Or a group that requires it in turn.
  for (const TopLevelGroup& g : *groups) {
    if (optional_after(g.close + 1)) continue;
    std::size_t body = std::string_view::npos;
    if (p.compare(g.open, kGroupOpen.size(), kGroupOpen) == 0) {
      body = g.open + kGroupOpen.size();
    } else if (p.compare(g.open, kNamedOpen.size(), kNamedOpen) == 0) {
      const std::size_t name_end = p.find('>', g.open);
      if (name_end < g.close) body = name_end + 1;
    }
    if (body != std::string_view::npos &&
        RequiresLiteral(p.substr(body, g.close - body), literal)) {
      return true;
    }
  }
  return false;
}

std::optional<CueSplit> SplitAtCue(std::string_view p) {
  std::optional<std::vector<TopLevelGroup>> groups = TopLevelGroups(p);
  if (!groups) return std::nullopt;
  for (const TopLevelGroup& g : *groups) {
    if (p.compare(g.open, kCueOpen.size(), kCueOpen) != 0) continue;
    if (QuantifiedAfter(p, g)) return std::nullopt;
    const std::size_t body = g.open + kCueOpen.size();
    return CueSplit{std::string(p.substr(0, g.open)),
                    std::string(p.substr(body, g.close - body)),
                    std::string(p.substr(g.close + 1))};
  }
  return std::nullopt;
}

}  // namespace whosaid::internal
