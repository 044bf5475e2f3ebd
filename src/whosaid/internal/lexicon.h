// Lexicons: lists of literal phrases (reporting verbs, titles, media names)
// that a pack keeps in lexicons/NAME.txt. A lexicon compiles to one RE2
// alternation for the rules, and answers look-ups of the attribute a line
// gives its entry ("denied | deny").
#ifndef WHOSAID_INTERNAL_LEXICON_H_
#define WHOSAID_INTERNAL_LEXICON_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whosaid/rule_set.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// Parses the text of a lexicon file. Format, one entry a line:
//
//   # a comment runs from '#' to the end of the line
//   said
//   told reporters | assert      (entry, then an attribute after '|')
//
// Blank lines are skipped. Entries are stored normalised (NormalizePhrase);
// attributes are trimmed and kept as written. On error returns
// "FILE:LINE:COL: message", `file` being the display path: invalid UTF-8,
// an attribute or entry left empty around '|', a second '|', a duplicate
// entry, or a file with no entries at all.
StatusOr<RuleSet::Lexicon> ParseLexicon(std::string_view text,
                                        const std::string& file);

// An RE2 fragment matching any entry of `lexicon`, each word RE2-escaped
// and the space between words matching \s+, case-insensitive, preferring
// longer entries (RE2 alternation is leftmost-first, so "told reporters"
// must come before "told"). Written as a prefix tree,
// "(?i:(?:told(?:\s+reporters)?|said))", which matches and captures
// exactly what "(?i:told\s+reporters|said|told)", entries longest first,
// would; that plain alternation when an entry is not ASCII. `lexicon` must
// not be empty.
std::string LexiconPattern(const RuleSet::Lexicon& lexicon);

// Lower-cases ASCII letters, turns each run of ASCII whitespace into one
// space and trims both ends: the form lexicon entries are stored in.
std::string NormalizePhrase(std::string_view phrase);

// Whether NormalizePhrase would return `phrase` as it is.
bool IsNormalizedPhrase(std::string_view phrase);

// NormalizePhrase(phrase) without a heap allocation for phrases of up to
// kInlineSize bytes: view() is `phrase` itself when it is normalised
// already, else a copy held in the object (so view() is valid as long as
// both are). For look-ups, which run for nearly every word of a text.
class NormalizedPhrase {
 public:
  static constexpr std::size_t kInlineSize = 128;

  explicit NormalizedPhrase(std::string_view phrase);
  NormalizedPhrase(const NormalizedPhrase&) = delete;
  NormalizedPhrase& operator=(const NormalizedPhrase&) = delete;

  std::string_view view() const { return view_; }

 private:
  char inline_[kInlineSize];
  std::string heap_;  // for longer phrases only
  std::string_view view_;
};

// Finds in a phrase the entries of one lexicon it holds as whole words,
// with one RE2::Set pass over the phrase instead of a search for each
// entry.
class EntryFinder {
 public:
  // `lexicon` must outlive the finder and stay unchanged.
  explicit EntryFinder(const RuleSet::Lexicon& lexicon);
  ~EntryFinder();

  const RuleSet::Lexicon& lexicon() const { return *lexicon_; }

  // The entry equal to `phrase` (already normalised), or nullptr: the
  // lexicon's own find, through a hash index. Thread-safe.
  const RuleSet::Lexicon::value_type* Find(std::string_view phrase) const;

  // The entry that `phrase` (already normalised) equals, else the longest
  // entry that `phrase` contains with no word byte (ASCII letter, digit,
  // '_', or any byte of a multi-byte character) glued to either end, as
  // \b would see it; ties go to the entry first in alphabetical order.
  // nullptr if there is none. Thread-safe.
  const RuleSet::Lexicon::value_type* FindLongest(
      std::string_view phrase) const;

 private:
  const RuleSet::Lexicon* lexicon_;
  // Every entry by its text (views of the lexicon's keys): exact look-ups
  // hash the phrase once instead of comparing it with a dozen keys.
  std::unordered_map<std::string_view, const RuleSet::Lexicon::value_type*>
      index_;
  // Index i of the set is entries_[i], in the lexicon's order.
  std::vector<const RuleSet::Lexicon::value_type*> entries_;
  std::unique_ptr<re2::RE2::Set> set_;  // null if it did not compile
};

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_LEXICON_H_
