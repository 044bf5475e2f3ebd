// Searching with a regular expression whose matches can start only at a few
// places of a text: a byte test finds those places, and the regex runs
// anchored there instead of scanning the whole text (RE2's unanchored DFA
// over a pattern with Unicode classes is slow to build and to run).
#ifndef WHOSAID_INTERNAL_WORD_START_FILTER_H_
#define WHOSAID_INTERNAL_WORD_START_FILTER_H_

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

// A condition every match of some pattern meets where it starts. Call the
// run of a position that byte and the `word` bytes after it (' ' must not
// be a `word` byte). The run ends at a space; the first byte after that
// run of spaces is one of `next`; and either the first byte is one of
// `first`, or the run is one of `abbreviations` followed by '.', its ASCII
// letters in either case. Byte sets are indexed by unsigned byte.
class WordStartFilter {
 public:
  using ByteSet = std::array<bool, 256>;

  // `abbreviations` are lower-case ASCII words of `word` bytes.
  WordStartFilter(const ByteSet& first, const ByteSet& word,
                  const ByteSet& next, std::vector<std::string> abbreviations);

  // Adds each byte of `bytes`, and the other case of each ASCII letter, to
  // `set`.
  static void AddEitherCase(ByteSet& set, std::string_view bytes);
  // Adds 'A' to 'Z' and every byte from 0x80 up (any byte of a multi-byte
  // UTF-8 character, so any capital letter \p{Lu} can start with) to `set`.
  static void AddCapitalStarts(ByteSet& set);

 private:
  friend bool FindLeftmost(const RE2& re, const WordStartFilter& filter,
                           std::string_view text, std::size_t pos,
                           re2::StringPiece* found);

  ByteSet first_;
  ByteSet word_;
  ByteSet next_;
  std::vector<std::string> abbreviations_;
  // The bytes a match can start with: `first`, and the first letters of
  // `abbreviations` in either case.
  ByteSet start_;
};

// Finds what re.Match(text, pos, text.size(), RE2::UNANCHORED, found, 1)
// finds, and returns what it returns, provided that every match of `re`
// meets `filter` where it starts: the leftmost match is the one that `re`
// anchored at the first place meeting `filter` gives, or the next such
// place, and so on. The time taken stays linear in the text: where a run
// is longer than 64 bytes, the search goes on unanchored from there.
bool FindLeftmost(const RE2& re, const WordStartFilter& filter,
                  std::string_view text, std::size_t pos,
                  re2::StringPiece* found);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_WORD_START_FILTER_H_
