// Fuzzes SplitParagraphs and SplitSentences (segmenter.h) with arbitrary
// bytes and checks what the header promises about the spans.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_check.h"
#include "whosaid/segmenter.h"

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Spans in order, non-overlapping, non-empty, inside `within`, trimmed of
// ASCII whitespace.
void CheckSpans(std::string_view text, const std::vector<whosaid::Span>& spans,
                whosaid::Span within) {
  std::size_t previous_end = within.begin;
  for (const whosaid::Span& span : spans) {
    FUZZ_CHECK(!span.empty());
    FUZZ_CHECK(span.begin >= previous_end);
    FUZZ_CHECK(span.end <= within.end && span.end <= text.size());
    FUZZ_CHECK(!IsSpace(text[span.begin]) && !IsSpace(text[span.end - 1]));
    previous_end = span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<whosaid::Span> paragraphs = whosaid::SplitParagraphs(text);
  CheckSpans(text, paragraphs, whosaid::Span{0, text.size()});
  for (const whosaid::Span& paragraph : paragraphs) {
    CheckSpans(text, whosaid::SplitSentences(text, paragraph), paragraph);
  }
  // A `within` past the end of the text is clipped to it.
  const whosaid::Span beyond{size / 3, size + 7};
  CheckSpans(text, whosaid::SplitSentences(text, beyond),
             whosaid::Span{beyond.begin, size});
  return 0;
}
