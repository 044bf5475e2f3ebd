// Byte spans into a document's text.
#ifndef WHOSAID_SPAN_H_
#define WHOSAID_SPAN_H_

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace whosaid {

// A half-open range [begin, end) of UTF-8 byte offsets into the original
// text of a document. Offsets never move: no stage rewrites the text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end > begin ? end - begin : 0; }
  bool empty() const { return end <= begin; }
  bool Contains(std::size_t offset) const {
    return offset >= begin && offset < end;
  }
  bool Contains(const Span& other) const {
    return other.begin >= begin && other.end <= end;
  }
  bool Overlaps(const Span& other) const {
    return std::max(begin, other.begin) < std::min(end, other.end);
  }
  // The bytes of `text` this span covers. `text` must be the text the span
  // was made for; a span past its end is clipped.
  std::string_view In(std::string_view text) const {
    std::size_t b = std::min(begin, text.size());
    std::size_t e = std::min(std::max(end, b), text.size());
    return text.substr(b, e - b);
  }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace whosaid

#endif  // WHOSAID_SPAN_H_
