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
// `continues`; so is one whose paragraphs were joined into one.
struct Quote {
  // From the opening mark through the closing mark; for a quote left open,
  // through the end of its paragraph (trailing whitespace trimmed), or, when
  // it is nested in a quote that closes, up to that quote's closing mark.
  Span outer;
  // The quoted text without the marks and without whitespace next to them
  // (« Bonjour » gives "Bonjour"). May be empty ("").
  Span inner;
  // Nesting depth: 0 for a top-level quote, 1 for a quote inside it, ...
  int depth = 0;
  // Index in the returned vector of the enclosing quote, or -1.
  int parent = -1;
  // False when no closing mark was found before the end of the paragraph.
  bool closed = true;
  // Index of the quote that this one continues, or -1: a quote left open
  // at the end of an earlier paragraph that this paragraph starts by
  // reopening, or, in paragraphs joined into one, a quote left open at the
  // end of a sentence that the next sentence reopens ('…the future. "He
  // does…').
  int continues = -1;
};

// Finds the quotations of `text`, given its paragraphs (from
// SplitParagraphs; quotes never cross a paragraph except by the reopening
// convention). Recognised marks: straight " and ', curly “ ” ‘ ’, guillemets
// « » and ‹ › (also reversed, »German«), low-9 „ and ‚ (closed by “ or ” /
// ‘ or ’), and the doubled '' and `` used by some newspapers (with ‘‘ and ’’
// where software curled them). Single quotes nest inside double quotes and
// vice versa. A straight " opens after the paragraph start, a space, an
// opening bracket or a dash, and closes otherwise; but a " or “ that
// starts a sentence while the only open quote is a double one reopens it
// (see Quote::continues) instead of nesting inside it.
//
// Apostrophes are not quotation marks: inside a word (don't, O’Brien),
// eliding a word start ('90s, ’em, rock 'n' roll) or closing a possessive
// plural when no single quote is open (the Smiths' house). Because single
// quotes are so often apostrophes, they are held to a stricter standard
// than double quotes: an unclosed single quote is not returned (unless the
// next paragraph reopens it), a single mark never closes across an open
// double quote, and a single quote that crosses a sentence boundary or runs
// over 300 bytes is kept only if its closing mark follows punctuation, as a
// quoted utterance does ('I came. I saw,' he said).
//
// Never fails: a stray closing mark is ignored, an unclosed double quote or
// guillemet is returned with closed == false. Paragraphs out of order,
// overlapping or past the end of `text` are skipped. Invalid UTF-8 bytes
// are ordinary non-letter characters. Returns quotes sorted by outer.begin,
// each parent before its children. Runs in time linear in the text size.
// Thread-safe: it keeps no state between calls.
std::vector<Quote> ScanQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs);

}  // namespace whosaid

#endif  // WHOSAID_QUOTE_SCANNER_H_
