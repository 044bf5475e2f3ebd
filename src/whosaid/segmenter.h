// Paragraph and sentence segmentation that keeps byte offsets.
#ifndef WHOSAID_SEGMENTER_H_
#define WHOSAID_SEGMENTER_H_

#include <span>
#include <string_view>
#include <vector>

#include "whosaid/span.h"

namespace whosaid {

// Splits `text` into paragraphs. Paragraphs are separated by one or more
// blank lines (lines holding only whitespace: spaces, tabs, U+00A0); when
// no blank line separates two lines with text (blank lines only at the very
// start or end do not count), every line break separates paragraphs
// instead (one paragraph a line, as in many scraped corpora). "\n", "\r\n"
// and a lone "\r" are all line breaks. Returned spans are trimmed of
// surrounding whitespace, are in text order, never overlap and are never
// empty; an empty or all-whitespace text gives no paragraph. Linear time.
std::vector<Span> SplitParagraphs(std::string_view text);

// Splits the part `within` of `text` into sentences. A sentence ends at
// '.', '!' or '?' (optionally followed by closing quotes or brackets) that is
// followed by whitespace and then an uppercase letter, a digit or an opening
// quote or bracket, except after a known abbreviation: titles (Mr. Mrs. Ms.
// Dr. Prof. Gov. Sen. Rep. Gen. Lt. Col. Capt. Sgt. St. Jr. Sr. ...), months
// (Jan. Sept. Oct. ...), "No." before a number, vs. and etc., single capital
// initials such as "W." (not the pronoun "I."), and dotted acronyms such as
// U.S., N.Y. or p.m. "!", "?" and "..." always end a sentence when followed
// as above. Whitespace includes U+00A0. Spans are trimmed, in order,
// non-overlapping, never empty, and all lie inside `within` (clipped to the
// text). The text is never modified; invalid UTF-8 is treated as non-letter
// bytes. Linear time.
//
// The same function splits the skeleton view, where each quotation is a
// placeholder such as ⟦Q12⟧ (U+27E6, letters and digits, U+27E7): ⟦ counts
// as an opening bracket, so "He left. ⟦Q3⟧ he said." splits before the
// placeholder, and a placeholder is never split.
std::vector<Span> SplitSentences(std::string_view text, Span within);

// Splits `span` of `text` into consecutive spans of at most `max_bytes`
// (at least 1), each cut after the last "; ", then ", ", then space that
// keeps it within the bound, or at a UTF-8 character boundary when there is
// none. A span within the bound comes back whole. The spans are trimmed of
// spaces and never empty. Rules run on sentences from their cues, so a
// giant "sentence" (a list, lowercase text with no sentence ends) would
// make each cue's search as long as the sentence; bounded pieces keep that
// linear.
std::vector<Span> SplitLongSpan(std::string_view text, Span span,
                                std::size_t max_bytes);

// The capitalised abbreviations whose full stop does not end a sentence
// because a name or a number usually follows ("Mr", "Gov", "Sept"),
// without the stop.
std::span<const std::string_view> NameAbbreviations();

}  // namespace whosaid

#endif  // WHOSAID_SEGMENTER_H_
