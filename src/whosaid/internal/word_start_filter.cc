#include "whosaid/internal/word_start_filter.h"

#include <algorithm>
#include <utility>

namespace whosaid::internal {
namespace {

char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `run` (without its full stop) may be one of `abbreviations` in
// some case: RE2 folds 's' and 'k' to non-ASCII letters too (U+017F,
// U+212A), so a run holding a non-ASCII byte may always be one.
bool MayBeAbbreviation(std::string_view run,
                       const std::vector<std::string>& abbreviations) {
  if (std::any_of(run.begin(), run.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return true;
  return std::any_of(
      abbreviations.begin(), abbreviations.end(), [&](const std::string& a) {
        return a.size() == run.size() &&
               std::equal(a.begin(), a.end(), run.begin(),
                          [](char x, char y) { return x == LowerAscii(y); });
      });
}

}  // namespace

WordStartFilter::WordStartFilter(const ByteSet& first, const ByteSet& word,
                                 const ByteSet& next,
                                 std::vector<std::string> abbreviations)
    : first_(first),
      word_(word),
      next_(next),
      abbreviations_(std::move(abbreviations)),
      start_(first) {
  // An abbreviation starting with 's' or 'k' may start with U+017F or
  // U+212A in the text, whose first bytes are non-ASCII: in `first`.
  for (const std::string& a : abbreviations_) {
    if (!a.empty()) AddEitherCase(start_, a.substr(0, 1));
  }
}

void WordStartFilter::AddEitherCase(ByteSet& set, std::string_view bytes) {
  for (char c : bytes) {
    set[static_cast<unsigned char>(c)] = true;
    if (c >= 'a' && c <= 'z') set[c - 'a' + 'A'] = true;
    if (c >= 'A' && c <= 'Z') set[c - 'A' + 'a'] = true;
  }
}

void WordStartFilter::AddCapitalStarts(ByteSet& set) {
  for (int c = 'A'; c <= 'Z'; ++c) set[c] = true;
  for (int c = 0x80; c < 0x100; ++c) set[c] = true;
}

bool FindLeftmost(const RE2& re, const WordStartFilter& filter,
                  std::string_view text, std::size_t pos,
                  re2::StringPiece* found) {
  // Beyond this, anchored attempts inside one run could take time
  // quadratic in its length.
  constexpr std::size_t kLongRun = 64;
  const std::size_t n = text.size();
  auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  // The end of the run that holds the current position: a start inside it
  // runs to the same end.
  std::size_t run_end = pos;
  for (std::size_t p = pos; p < n; ++p) {
    if (!filter.start_[byte(p)]) continue;
    if (run_end <= p) {
      run_end = p + 1;
      while (run_end < n && filter.word_[byte(run_end)]) ++run_end;
    }
    std::size_t after = run_end;
    while (after < n && text[after] == ' ') ++after;
    if (after == run_end || after == n || !filter.next_[byte(after)]) {
      p = run_end - 1;  // no start in this run meets the filter
      continue;
    }
    if (!filter.first_[byte(p)] &&
        (text[run_end - 1] != '.' ||
         !MayBeAbbreviation(text.substr(p, run_end - 1 - p),
                            filter.abbreviations_))) {
      continue;
    }
    if (run_end - p > kLongRun) {
      return re.Match(text, p, n, RE2::UNANCHORED, found, 1);
    }
    if (re.Match(text, p, n, RE2::ANCHOR_START, found, 1)) return true;
  }
  return false;
}

}  // namespace whosaid::internal
