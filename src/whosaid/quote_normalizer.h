// Quote text as compared across documents: words without case,
// punctuation or quote-mark style, and the editorial marks (ellipses,
// bracketed insertions) a writer puts inside a quotation.
#ifndef WHOSAID_QUOTE_NORMALIZER_H_
#define WHOSAID_QUOTE_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/span.h"

namespace whosaid {

// The words of `text`, lower-cased: the unit in which quotes are compared.
// A word is a run of letters and digits (any code point from U+0080 up
// counts as a letter unless it is punctuation, a space or a quotation
// mark); an apostrophe, straight or curly, between two word characters
// stays in the word as "'". Everything else separates words: spaces,
// punctuation, quotation marks of any style, dashes, ellipses, brackets.
// Lower-casing covers ASCII and the Latin-1 and Latin Extended-A letters.
// Invalid UTF-8 bytes count as word characters and are kept as they are.
std::vector<std::string> QuoteWords(std::string_view text);

// The key quotes are grouped by: QuoteWords joined by single spaces. Two
// quotes that differ only in case, whitespace, punctuation and quote-mark
// style have the same key; a quote without words has the empty key.
std::string NormalizeQuote(std::string_view text);

// An editorial mark inside a quotation.
enum class QuoteMarkKind {
  kEllipsis,   // "...", ". . ." or "…": words were left out here
  kInsertion,  // "[...]" with words inside: the writer's words, not the
               // speaker's
};

// "ellipsis" or "insertion".
std::string_view QuoteMarkKindName(QuoteMarkKind kind);

struct QuoteMark {
  QuoteMarkKind kind;
  Span span;  // byte offsets into the text the mark was found in
};

// The ellipses and bracketed insertions of `text`, in text order. An
// ellipsis in brackets ("[...]", "[…]") is one ellipsis; an opening bracket
// without its closing one is not a mark.
std::vector<QuoteMark> FindQuoteMarks(std::string_view text);

}  // namespace whosaid

#endif  // WHOSAID_QUOTE_NORMALIZER_H_
