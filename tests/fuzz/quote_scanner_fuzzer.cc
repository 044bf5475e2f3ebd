// Fuzzes ScanQuotes (quote_scanner.h) with arbitrary bytes, over the
// paragraphs SplitParagraphs finds and over arbitrary paragraph lists, and
// checks what the header promises about the quotes.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_check.h"
#include "whosaid/quote_scanner.h"
#include "whosaid/segmenter.h"

namespace {

void CheckQuotes(std::string_view text,
                 const std::vector<whosaid::Quote>& quotes) {
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const whosaid::Quote& q = quotes[i];
    FUZZ_CHECK(q.outer.begin < q.outer.end && q.outer.end <= text.size());
    FUZZ_CHECK(q.outer.Contains(q.inner) && q.inner.begin <= q.inner.end);
    if (i > 0) FUZZ_CHECK(quotes[i - 1].outer.begin <= q.outer.begin);
    if (q.parent < 0) {
      FUZZ_CHECK(q.depth == 0);
    } else {
      FUZZ_CHECK(static_cast<std::size_t>(q.parent) < i);
      FUZZ_CHECK(quotes[q.parent].depth + 1 == q.depth);
      FUZZ_CHECK(quotes[q.parent].outer.Contains(q.outer));
    }
    FUZZ_CHECK(q.continues < static_cast<int>(i));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<whosaid::Span> paragraphs = whosaid::SplitParagraphs(text);
  const std::vector<whosaid::Quote> quotes =
      whosaid::ScanQuotes(text, paragraphs);
  CheckQuotes(text, quotes);
  for (const whosaid::Quote& q : quotes) {
    bool inside_a_paragraph = false;
    for (const whosaid::Span& p : paragraphs) {
      inside_a_paragraph |= p.Contains(q.outer);
    }
    FUZZ_CHECK(inside_a_paragraph);
  }
  // Paragraphs out of order, overlapping or past the end are skipped: the
  // first bytes, read as offsets, make such a list.
  std::vector<whosaid::Span> odd;
  for (std::size_t i = 0; i + 1 < size && i < 8; i += 2) {
    odd.push_back(
        whosaid::Span{data[i] % (size + 4), data[i + 1] % (size + 4)});
  }
  CheckQuotes(text, whosaid::ScanQuotes(text, odd));
  return 0;
}
