// Paragraph and sentence segmentation that keeps byte offsets.
#ifndef WHOSAID_SEGMENTER_H_
#define WHOSAID_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "whosaid/span.h"

namespace whosaid {

// Splits `text` into paragraphs. Paragraphs are separated by one or more
// blank lines (lines holding only spaces or tabs); when the text has no
// blank line at all, every line break separates paragraphs instead (one
// paragraph a line, as in many scraped corpora). "\n", "\r\n" and a lone
// "\r" are all line breaks. Returned spans are trimmed of surrounding
// whitespace, are in text order, never overlap and are never empty; an
// empty or all-whitespace text gives no paragraph.
std::vector<Span> SplitParagraphs(std::string_view text);

// Splits the part `within` of `text` into sentences. A sentence ends at
// '.', '!' or '?' (optionally followed by closing quotes or brackets) that is
// followed by whitespace and then an uppercase letter, a digit or an opening
// quote or bracket, except after a known abbreviation (Mr. Mrs. Ms. Dr.
// Gov. Sen. Rep. Gen. Lt. Col. St. Jr. Sr. Prof. U.S. U.K. U.N. Sept. Jan.
// Feb. Aug. Oct. Nov. Dec. No. vs. etc., single capital initials such as
// "W." and any dotted acronym such as "N.Y."). Spans are trimmed, in order,
// non-overlapping, never empty, and all lie inside `within`. The text is
// never modified; invalid UTF-8 is treated as non-letter bytes.
std::vector<Span> SplitSentences(std::string_view text, Span within);

}  // namespace whosaid

#endif  // WHOSAID_SEGMENTER_H_
