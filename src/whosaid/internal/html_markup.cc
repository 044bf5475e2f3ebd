#include "whosaid/internal/html_markup.h"

#include <algorithm>
#include <numeric>

#include "whosaid/internal/utf8.h"

namespace whosaid::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Appends valid UTF-8 `text` to `out`, escaped.
void AppendEscapedValid(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\f':
      case '\r':
        *out += c;
        break;
      default:
        // Control characters are parse errors in HTML (NUL is dropped or
        // replaced depending on where it appears): show them all alike.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          *out += kReplacement;
        } else {
          *out += c;
        }
    }
  }
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  while (!text.empty()) {
    const std::size_t valid = FirstInvalidUtf8(text).value_or(text.size());
    AppendEscapedValid(text.substr(0, valid), &out);
    if (valid == text.size()) break;
    out += kReplacement;
    text.remove_prefix(valid + 1);
  }
  return out;
}

std::string RenderMarkup(std::string_view text, std::vector<Markup> markups) {
  for (Markup& m : markups) m.span.end = std::min(m.span.end, text.size());
  std::erase_if(markups, [](const Markup& m) { return m.span.empty(); });
  // The order of opening: by start, the longer span outside.
  std::vector<std::size_t> order(markups.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    const Span& x = markups[a].span;
    const Span& y = markups[b].span;
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  std::vector<std::size_t> cuts = {0, text.size()};
  for (const Markup& m : markups) {
    cuts.push_back(m.span.begin);
    cuts.push_back(m.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out;
  std::vector<std::size_t> open;  // outermost first
  auto open_element = [&](std::size_t i, bool first) {
    const Markup& m = markups[i];
    out += "<" + m.tag + (first ? m.first_attributes : "") + m.attributes + ">";
    open.push_back(i);
  };
  std::size_t next = 0;
  for (std::size_t c = 0; c < cuts.size(); ++c) {
    const std::size_t pos = cuts[c];
    // Close every element down to the outermost one that ends here, then
    // reopen the ones that go on, so that elements always nest.
    auto ends_here = std::find_if(open.begin(), open.end(), [&](auto i) {
      return markups[i].span.end == pos;
    });
    if (ends_here != open.end()) {
      std::vector<std::size_t> closed(ends_here, open.end());
      open.erase(ends_here, open.end());
      for (auto it = closed.rbegin(); it != closed.rend(); ++it) {
        out += "</" + markups[*it].tag + ">";
      }
      for (std::size_t i : closed) {
        if (markups[i].span.end > pos) open_element(i, /*first=*/false);
      }
    }
    while (next < order.size() && markups[order[next]].span.begin == pos) {
      open_element(order[next++], /*first=*/true);
    }
    if (c + 1 < cuts.size()) {
      out += EscapeHtml(text.substr(pos, cuts[c + 1] - pos));
    }
  }
  return out;
}

}  // namespace whosaid::internal
