#include "whosaid/internal/cue_split.h"

#include <algorithm>
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

}  // namespace

std::optional<std::vector<PatternPiece>> SplitAtGroups(std::string_view p) {
  constexpr std::string_view kNamedOpen = "(?P<";
  if (p.find("\\Q") != std::string_view::npos) return std::nullopt;
  std::vector<PatternPiece> pieces;
  std::size_t piece_begin = 0;  // of the plain piece being read
  std::size_t body_begin = 0;   // of the named group being read
  int depth = 0;
  std::string group;  // the name of the top-level group being read
  auto add_plain = [&](std::size_t end) -> bool {
    const std::string_view plain = p.substr(piece_begin, end - piece_begin);
    if (plain.find(kNamedOpen) != std::string_view::npos) return false;
    if (!plain.empty()) pieces.push_back({"", std::string(plain)});
    return true;
  };
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '[') {
      i = SkipClass(p, i);
      if (i == std::string_view::npos) return std::nullopt;
    } else if (c == '(') {
      if (depth == 0 && IsFlagChange(p, i)) return std::nullopt;
      if (p.compare(i, kNamedOpen.size(), kNamedOpen) == 0) {
        if (depth > 0 && !group.empty()) return std::nullopt;  // nested
        if (depth == 0) {
          const std::size_t name_end = p.find('>', i);
          if (name_end == std::string_view::npos) return std::nullopt;
          if (!add_plain(i)) return std::nullopt;
          group = std::string(p.substr(i + kNamedOpen.size(),
                                       name_end - i - kNamedOpen.size()));
          body_begin = name_end + 1;
        }
      }
      ++depth;
      ++i;
    } else if (c == ')') {
      if (--depth < 0) return std::nullopt;
      if (depth == 0 && !group.empty()) {
        if (i + 1 < p.size() && IsQuantifier(p[i + 1])) return std::nullopt;
        pieces.push_back(
            {group, std::string(p.substr(body_begin, i - body_begin))});
        group.clear();
        piece_begin = i + 1;
      }
      ++i;
    } else if (c == '|' && depth == 0) {
      return std::nullopt;
    } else {
      ++i;
    }
  }
  if (depth != 0 || !add_plain(p.size())) return std::nullopt;
  const bool has_group = std::any_of(
      pieces.begin(), pieces.end(),
      [](const PatternPiece& piece) { return !piece.group.empty(); });
  if (!has_group) return std::nullopt;
  return pieces;
}

std::optional<CueSplit> SplitAtCue(std::string_view p) {
  if (p.find("\\Q") != std::string_view::npos) return std::nullopt;
  int depth = 0;
  std::size_t cue_open = std::string_view::npos;
  std::size_t cue_close = std::string_view::npos;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '[') {
      i = SkipClass(p, i);
      if (i == std::string_view::npos) return std::nullopt;
    } else if (c == '(') {
      if (depth == 0 && p.compare(i, kCueOpen.size(), kCueOpen) == 0) {
        cue_open = i;
      }
      // "(?i)" and the like change flags for the rest of the pattern.
      if (depth == 0 && IsFlagChange(p, i)) return std::nullopt;
      ++depth;
      ++i;
    } else if (c == ')') {
      if (--depth < 0) return std::nullopt;
      if (depth == 0 && cue_open != std::string_view::npos &&
          cue_close == std::string_view::npos) {
        cue_close = i;
      }
      ++i;
    } else if (c == '|' && depth == 0) {
      return std::nullopt;
    } else {
      ++i;
    }
  }
  if (depth != 0 || cue_close == std::string_view::npos) return std::nullopt;
  if (cue_close + 1 < p.size() && IsQuantifier(p[cue_close + 1])) {
    return std::nullopt;
  }
  const std::size_t body = cue_open + kCueOpen.size();
  return CueSplit{std::string(p.substr(0, cue_open)),
                  std::string(p.substr(body, cue_close - body)),
                  std::string(p.substr(cue_close + 1))};
}

}  // namespace whosaid::internal
