#include "whosaid/text_format.h"

namespace whosaid {
namespace {

constexpr std::size_t kMaxShown = 160;

// `s` with newlines folded, shortened in the middle to kMaxShown bytes
// without cutting a UTF-8 sequence.
std::string Shorten(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  if (out.size() <= kMaxShown) return out;
  auto boundary = [&](std::size_t i) {
    while (i > 0 && (static_cast<unsigned char>(out[i]) & 0xC0) == 0x80) --i;
    return i;
  };
  std::size_t head = boundary(kMaxShown * 2 / 3);
  std::size_t tail = boundary(out.size() - kMaxShown / 3);
  return out.substr(0, head) + " … " + out.substr(tail);
}

}  // namespace

std::string FormatText(const DocumentResult& r) {
  std::string out =
      "# " + r.id + " (" + std::to_string(r.quotes.size()) +
      (r.quotes.size() == 1 ? " attribution)\n" : " attributions)\n");
  const std::string_view text = r.text;
  for (const Attribution& a : r.quotes) {
    std::string speaker = a.speaker_name.empty() ? "(unknown)" : a.speaker_name;
    std::string about;
    if (!a.speaker_role.empty()) about += a.speaker_role;
    if (!a.speaker_org.empty())
      about += (about.empty() ? "" : ", ") + a.speaker_org;
    if (!about.empty()) speaker += " [" + about + "]";
    for (const std::string& v : a.via) speaker += " (via " + v + ")";
    std::string cue = a.cue ? std::string(a.cue->In(text)) : "—";
    if (!a.stance.empty()) {
      cue += std::string(" [") + (a.negated ? "not " : "") + a.stance + "]";
    }
    std::string content;
    if (a.type != QuoteType::kDirect) {
      content = Shorten(a.content.In(text));
    } else if (a.content_parts.empty()) {
      content = "“" + Shorten(a.content.In(text)) + "”";
    } else {
      // A split quote shows its pieces, not the attribution between them.
      for (const Span& part : a.content_parts) {
        if (!content.empty()) content += " … ";
        content += "“" + Shorten(part.In(text)) + "”";
      }
    }
    out += "  " + speaker + " — " + cue + " — " + content + "  (" +
           std::string(QuoteTypeName(a.type)) + ", " + a.resolution + ")\n";
  }
  for (const std::string& w : r.warnings) out += "  warning: " + w + "\n";
  return out;
}

}  // namespace whosaid
