// Text with overlapping spans turned into well-nested HTML elements.
#ifndef WHOSAID_INTERNAL_HTML_MARKUP_H_
#define WHOSAID_INTERNAL_HTML_MARKUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/span.h"

namespace whosaid::internal {

// `text` as HTML text: & < > " ' escaped as character references, NUL and
// the C0 control characters other than tab, line feed, form feed and
// carriage return as U+FFFD, and every byte that does not belong to a
// well-formed UTF-8 sequence as U+FFFD, so the result is always valid
// UTF-8 that a browser shows as text, never as markup.
std::string EscapeHtml(std::string_view text);

// One element to wrap around a span of the text.
struct Markup {
  Span span;
  std::string tag;         // element name: "mark", "a", "span"
  std::string attributes;  // trusted, already escaped: ` class="q" data-q="1"`
  // Attributes for the first piece only (an id must be unique), when the
  // element has to be split into pieces to nest with the others.
  std::string first_attributes;
};

// `text` escaped with EscapeHtml, with each markup's element around its
// span. Elements nest: spans that cross are split into pieces, each piece
// with the same tag and attributes (first_attributes only on the first).
// When two spans start together the longer one is the outer element; ties
// keep the order of `markups`. Empty spans are dropped and spans past the
// text are clipped to it.
std::string RenderMarkup(std::string_view text, std::vector<Markup> markups);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_HTML_MARKUP_H_
