// FTS5 query expressions built from what a user typed, so that no input
// can be an FTS5 syntax error or reach a column it was not meant for.
#ifndef WHOSAID_INTERNAL_FTS_QUERY_H_
#define WHOSAID_INTERNAL_FTS_QUERY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace whosaid::internal {

// An expression requiring, in `column`, every word of `text` (words as
// QuoteWords gives them, each a quoted FTS5 string); a stretch of `text`
// between double quotes must appear as that phrase. Empty when `text` has
// no words.
std::string AllWordsQuery(std::string_view column, std::string_view text);

// An expression matching, in `column`, any of the first `max_words`
// distinct words of `text`. Empty when `text` has no words.
std::string AnyWordsQuery(std::string_view column, std::string_view text,
                          std::size_t max_words);

// `a AND b`, or the one that is not empty.
std::string AndQuery(const std::string& a, const std::string& b);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_FTS_QUERY_H_
