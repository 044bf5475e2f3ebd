// Comparing a claimed quote with a stored one, word by word: how close
// they are and what differs.
#ifndef WHOSAID_SIMILARITY_H_
#define WHOSAID_SIMILARITY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {

// One step of a word diff.
enum class DiffOp {
  kSame,        // the word is in both
  kClaimOnly,   // the claim has a word the stored quote does not
  kStoredOnly,  // the stored quote has a word the claim left out or changed
  kElided,      // a stored word the claim left out where it has an ellipsis
  kEditorial,   // a word of a [bracketed insertion] of the stored quote
                // that the claim leaves out: the writer's, not the speaker's
};

struct WordDiff {
  DiffOp op;
  std::string word;  // as QuoteWords gives it
};

struct QuoteComparison {
  // 1 - edits / words compared, in [0, 1]: 1 when every word of the claim
  // is found in order, without gaps, in the stored quote.
  double similarity = 0;
  std::size_t edits = 0;    // words added, dropped or changed
  std::size_t matched = 0;  // words of the claim found in the stored quote
  std::size_t claim_words = 0;
  // The part of the stored quote the claim was aligned with, as word
  // indices [window_begin, window_end). A claim that quotes only part of
  // the stored quote leaves stored words outside it, before or after.
  std::size_t window_begin = 0;
  std::size_t window_end = 0;
  std::size_t stored_words = 0;
  // The word diff over the window, in order.
  std::vector<WordDiff> diff;

  // No word added, dropped or changed (ellipses of the claim aside).
  bool verbatim() const { return matched > 0 && edits == 0; }
  // The window covers the whole stored quote.
  bool whole() const { return window_begin == 0 && window_end == stored_words; }
};

// Aligns the claimed quote `claim` with the best-matching stretch of the
// stored quote `stored` (both plain text; words as QuoteWords gives them)
// at the fewest word edits. The stored quote may go on before and after
// the claim at no cost (a truncated claim is still verbatim); stored words
// that fall where the claim has an ellipsis ("...", "…"), and words of the
// stored quote's bracketed insertions, may be left out at no cost either.
// An empty claim has similarity 0.
QuoteComparison CompareQuotes(std::string_view claim, std::string_view stored);

// The diff as one line: same words plain, "[-dropped-]", "{+added+}",
// "[…]" for a run of elided words, "[word]" for an editorial one.
std::string FormatWordDiff(const std::vector<WordDiff>& diff);

}  // namespace whosaid

#endif  // WHOSAID_SIMILARITY_H_
