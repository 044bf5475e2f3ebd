// Finding quotations: pairing quotation marks with a small state machine.
#ifndef WHOSAID_QUOTE_SCANNER_H_
#define WHOSAID_QUOTE_SCANNER_H_

#include <string_view>
#include <vector>

#include "whosaid/span.h"

namespace whosaid {

// One quotation found in a text. A quotation never crosses a paragraph
// boundary: a quote that runs over several paragraphs (the news convention:
// each new paragraph reopens the mark and the earlier paragraph is left
// unclosed) is returned as one Quote per paragraph, linked by
// `continues`.
struct Quote {
  // From the opening mark through the closing mark; for a quote left open,
  // through the end of its paragraph (trailing whitespace trimmed).
  Span outer;
  // The quoted text without the marks.
  Span inner;
  // Nesting depth: 0 for a top-level quote, 1 for a quote inside it, ...
  int depth = 0;
  // Index in the returned vector of the enclosing quote, or -1.
  int parent = -1;
  // False when no closing mark was found before the end of the paragraph.
  bool closed = true;
  // Index of the quote in an earlier paragraph that this one continues (it
  // was left open and this paragraph starts by reopening it), or -1.
  int continues = -1;
};

// Finds the quotations of `text`, given its paragraphs (from
// SplitParagraphs; quotes never cross a paragraph except by the reopening
// convention). Recognised marks: straight " and ', curly “ ” ‘ ’, guillemets
// « » and ‹ ›, low-9 „ and ‚ (closed by “ or ” / ‘ or ’), and the doubled
// '' and `` used by some newspapers. Single quotes nest inside double
// quotes and vice versa. An apostrophe inside a word (don't, O’Brien) or
// closing a possessive plural (the Smiths') is not a quotation mark.
//
// Never fails: a stray closing mark is ignored, an unclosed quote is
// returned with closed == false. Returns quotes sorted by outer.begin, each
// parent before its children. Runs in time linear in the text size.
std::vector<Quote> ScanQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs);

}  // namespace whosaid

#endif  // WHOSAID_QUOTE_SCANNER_H_
