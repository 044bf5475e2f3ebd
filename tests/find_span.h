// Spans for hand-made test results, found by their text.
#ifndef WHOSAID_TESTS_FIND_SPAN_H_
#define WHOSAID_TESTS_FIND_SPAN_H_

#include <gtest/gtest.h>

#include <string_view>

#include "whosaid/span.h"

namespace whosaid {

// The span of the first occurrence of `needle` in `text`; fails the test
// when there is none.
inline Span FindSpan(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return Span{at, at + needle.size()};
}

}  // namespace whosaid

#endif  // WHOSAID_TESTS_FIND_SPAN_H_
