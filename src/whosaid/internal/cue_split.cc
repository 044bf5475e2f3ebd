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

}  // namespace

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
      if (depth == 0 && p.compare(i, 2, "(?") == 0) {
        const std::size_t end = p.find_first_of(":)>", i + 2);
        if (end != std::string_view::npos && p[end] == ')') {
          return std::nullopt;
        }
      }
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
