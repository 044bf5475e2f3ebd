#include "whosaid/html_format.h"

#include <cstdio>
#include <initializer_list>
#include <map>
#include <utility>

#include "whosaid/internal/html_assets.h"
#include "whosaid/internal/html_markup.h"

namespace whosaid {
namespace {

namespace assets = internal::html_assets;
using internal::Markup;

// The stance classes of the English pack (docs/rules.md), in the legend's
// order. A pack may define others: they get the neutral colour.
constexpr std::string_view kStances[] = {
    "assert", "claim",   "announce", "deny",      "accuse",   "admit",  "warn",
    "urge",   "promise", "support",  "criticise", "question", "propose"};

constexpr std::size_t kSnippetBytes = 90;

// The pieces joined. (Also spares GCC 12 its -Wrestrict false alarm on
// `"literal" + std::string`.)
std::string Cat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

// ` name="value"` with the value escaped.
std::string Attr(std::string_view name, std::string_view value) {
  return Cat({" ", name, "=\"", HtmlEscape(value), "\""});
}

std::string Attr(std::string_view name, int value) {
  return Attr(name, std::to_string(value));
}

// An element id of document `doc`: "d3-q0", "d3-e1".
std::string ElementId(int doc, char what, int n) {
  return Cat(
      {"d", std::to_string(doc), "-", std::string(1, what), std::to_string(n)});
}

// `value` as a class name: letters, digits, '-' and '_' kept, anything else
// dropped, so a stance from a user's pack cannot break out of the
// attribute.
std::string ClassToken(std::string_view value) {
  std::string out;
  for (char c : value) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out += c;
    }
  }
  return out;
}

std::string StanceLabel(const Attribution& a) {
  if (a.stance.empty()) return "";
  return a.negated ? Cat({"not ", a.stance}) : a.stance;
}

// " st-deny", or "" when there is no stance.
std::string StanceClass(const Attribution& a) {
  const std::string token = ClassToken(a.stance);
  return token.empty() ? "" : Cat({" st-", token});
}

// The first kSnippetBytes of `s`, cut at a UTF-8 boundary, with "…" when
// cut, newlines folded.
std::string Snippet(std::string_view s) {
  std::string out(s.substr(0, kSnippetBytes));
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (s.size() <= kSnippetBytes) return out;
  std::size_t end = out.size();
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return Cat({std::string_view(out).substr(0, end), "…"});
}

// What the panel shows of a quote: its pieces when it is split.
std::string QuoteSnippet(const Attribution& a, std::string_view text) {
  if (a.content_parts.empty()) return Snippet(a.content.In(text));
  std::string joined;
  for (const Span& part : a.content_parts) {
    if (!joined.empty()) joined += " … ";
    joined.append(part.In(text));
  }
  return Snippet(joined);
}

// The quote's highlight: every piece of a split quotation, or the content.
void AddQuoteMarkups(const Attribution& a, int q, int doc,
                     std::vector<Markup>* out) {
  std::string via;
  for (const std::string& v : a.via) {
    via += via.empty() ? v : Cat({", ", v});
  }
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", a.confidence);
  const std::string_view type = QuoteTypeName(a.type);
  const std::string attributes =
      Cat({" class=\"q", StanceClass(a), " t-", type, "\"", Attr("data-q", q),
           Attr("data-e", a.entity), Attr("data-speaker", a.speaker_name),
           Attr("data-stance", StanceLabel(a)), Attr("data-type", type),
           Attr("data-rule", a.rule), Attr("data-res", a.resolution),
           Attr("data-conf", confidence), Attr("data-via", via)});
  const std::vector<Span> pieces =
      a.content_parts.empty() ? std::vector<Span>{a.content} : a.content_parts;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    // The first piece is the quote's anchor, for the panel's links.
    out->push_back({pieces[i], "mark", attributes,
                    i == 0 ? Attr("id", ElementId(doc, 'q', q)) : ""});
  }
}

// A cue or speaker mention, which several quotes may share.
struct Shared {
  std::vector<int> quotes;
  int entity = -1;
  std::string stance;        // the label of the first quote (cues)
  std::string stance_class;  // and its class
};
using SharedSpans = std::map<std::pair<std::size_t, std::size_t>, Shared>;

Span ToSpan(const std::pair<std::size_t, std::size_t>& key) {
  return Span{key.first, key.second};
}

std::string QuoteList(const std::vector<int>& quotes) {
  std::string out;
  for (int q : quotes) {
    if (!out.empty()) out += ' ';
    out += std::to_string(q);
  }
  return out;
}

// Whether `span` overlaps another span of `spans`.
bool OverlapsAnother(const Span& span, const SharedSpans& spans) {
  for (const auto& entry : spans) {
    const Span other = ToSpan(entry.first);
    if (other != span && other.Overlaps(span)) return true;
  }
  return false;
}

void AddCueMarkups(const SharedSpans& cues, std::vector<Markup>* out) {
  for (const auto& [key, cue] : cues) {
    out->push_back(
        {ToSpan(key), "span",
         Cat({" class=\"cue", cue.stance_class, "\"",
              Attr("data-q", QuoteList(cue.quotes)), Attr("data-e", cue.entity),
              Attr("data-stance", cue.stance)}),
         ""});
  }
}

void AddSpeakerMarkups(const SharedSpans& speakers, int doc,
                       std::vector<Markup>* out) {
  for (const auto& [key, speaker] : speakers) {
    const Span span = ToSpan(key);
    // A link inside a link is not HTML: a mention that overlaps another is
    // a span, which the script makes act as the same link.
    const bool link = speaker.entity >= 0 && !OverlapsAnother(span, speakers);
    out->push_back(
        {span, link ? "a" : "span",
         Cat({" class=\"spk\"",
              link ? Attr("href",
                          Cat({"#", ElementId(doc, 'e', speaker.entity)}))
                   : "",
              Attr("data-q", QuoteList(speaker.quotes)),
              Attr("data-e", speaker.entity)}),
         ""});
  }
}

std::vector<Markup> DocumentMarkups(const DocumentResult& r, int doc) {
  std::vector<Markup> markups;
  SharedSpans cues, speakers;
  for (int q = 0; q < static_cast<int>(r.quotes.size()); ++q) {
    const Attribution& a = r.quotes[q];
    AddQuoteMarkups(a, q, doc, &markups);
    if (a.cue) {
      Shared& cue = cues[{a.cue->begin, a.cue->end}];
      if (cue.quotes.empty()) {
        cue.entity = a.entity;
        cue.stance = StanceLabel(a);
        cue.stance_class = StanceClass(a);
      }
      cue.quotes.push_back(q);
    }
    if (a.speaker) {
      Shared& speaker = speakers[{a.speaker->begin, a.speaker->end}];
      if (speaker.quotes.empty()) speaker.entity = a.entity;
      speaker.quotes.push_back(q);
    }
  }
  AddCueMarkups(cues, &markups);
  AddSpeakerMarkups(speakers, doc, &markups);
  return markups;
}

std::string EntityMeta(const Entity& e) {
  std::string meta = e.kind;
  if (!e.role.empty()) meta += Cat({" · ", e.role});
  if (!e.org.empty()) meta += Cat({" · ", e.org});
  return meta;
}

// The panel's list of the quotes of `entity`, and how many there are.
std::pair<std::string, int> PanelQuotes(const DocumentResult& r, int doc,
                                        int entity) {
  std::string items;
  int count = 0;
  for (int q = 0; q < static_cast<int>(r.quotes.size()); ++q) {
    const Attribution& a = r.quotes[q];
    if (a.entity != entity) continue;
    ++count;
    items +=
        Cat({"<li><a class=\"quote-link", StanceClass(a), "\"",
             Attr("href", Cat({"#", ElementId(doc, 'q', q)})),
             Attr("data-q", q), Attr("data-e", entity),
             "><span class=\"label\">", HtmlEscape(StanceLabel(a)), "</span> ",
             HtmlEscape(QuoteSnippet(a, r.text)), "</a></li>\n"});
  }
  return {items, count};
}

// One speaker of the panel (entity -1: the quotes with no speaker), or ""
// when they have no quote.
std::string PanelSpeaker(const DocumentResult& r, int doc, int entity) {
  const auto [items, count] = PanelQuotes(r, doc, entity);
  if (count == 0) return "";
  const bool known =
      entity >= 0 && entity < static_cast<int>(r.entities.size());
  const std::string meta =
      known ? Cat({"<div class=\"speaker-meta\">",
                   HtmlEscape(EntityMeta(r.entities[entity])), "</div>"})
            : "";
  return Cat({"<li class=\"speaker\"", Attr("id", ElementId(doc, 'e', entity)),
              Attr("data-e", entity),
              "><button type=\"button\" class=\"speaker-name\"",
              Attr("data-e", entity), ">",
              HtmlEscape(known ? r.entities[entity].name : "(no speaker)"),
              "</button> <span class=\"count\">", std::to_string(count),
              "</span>", meta, "\n<ol class=\"speaker-quotes\">\n", items,
              "</ol></li>\n"});
}

std::string Panel(const DocumentResult& r, int doc) {
  std::string speakers;
  for (int e = 0; e < static_cast<int>(r.entities.size()); ++e) {
    speakers += PanelSpeaker(r, doc, e);
  }
  speakers += PanelSpeaker(r, doc, -1);
  if (speakers.empty()) speakers = "<li class=\"none\">No quotes found.</li>\n";
  return Cat(
      {"<aside class=\"panel\" aria-label=\"Speakers\"><h3>Speakers</h3>\n"
       "<ol class=\"speakers\">\n",
       speakers, "</ol></aside>\n"});
}

std::string Legend() {
  std::string out = "<ul class=\"legend\" aria-label=\"Stance colours\">";
  for (std::string_view stance : kStances) {
    out += Cat({"<li class=\"st-", stance, "\">", stance, "</li>"});
  }
  return out + "</ul>";
}

// No requests at all (or only to the page's origin), and no script or
// style but the page's own: even markup that escaped escaping could not
// run.
std::string Policy(const HtmlPageOptions& options) {
  std::string styles(assets::kPageCssCspHash);
  for (const InlineAsset& s : options.styles) styles += Cat({" ", s.csp_hash});
  std::string scripts(assets::kPageJsCspHash);
  for (const InlineAsset& s : options.scripts) {
    scripts += Cat({" ", s.csp_hash});
  }
  return Cat({"default-src 'none'; style-src ", styles, "; script-src ",
              scripts, "; img-src data:; base-uri 'none'; form-action 'none'",
              options.fetch_same_origin ? "; connect-src 'self'" : ""});
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  return internal::EscapeHtml(text);
}

std::string HtmlPageBegin(const HtmlPageOptions& options) {
  std::string styles;
  for (const InlineAsset& s : options.styles) {
    styles += Cat({"<style>", s.code, "</style>\n"});
  }
  return Cat(
      {"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
       "<meta charset=\"utf-8\">\n"
       "<meta http-equiv=\"Content-Security-Policy\"",
       Attr("content", Policy(options)),
       ">\n<meta name=\"viewport\" content=\"width=device-width, "
       "initial-scale=1\">\n<title>",
       HtmlEscape(options.title), "</title>\n<style>", assets::kPageCss,
       "</style>\n", styles, "</head>\n<body>\n<header class=\"top\"><h1>",
       HtmlEscape(options.title), "</h1>", Legend(), "</header>\n",
       options.intro_html, "<main id=\"docs\">\n"});
}

std::string FormatHtmlDocument(const DocumentResult& r, int index) {
  std::string warnings;
  for (const std::string& w : r.warnings) {
    warnings += Cat({"<li>warning: ", HtmlEscape(w), "</li>"});
  }
  if (!warnings.empty()) {
    warnings = Cat({"<ul class=\"warnings\">", warnings, "</ul>\n"});
  }
  const std::size_t n = r.quotes.size();
  return Cat({"<section class=\"doc\"",
              Attr("id", Cat({"d", std::to_string(index)})), "><h2>",
              HtmlEscape(r.id), " <span class=\"count\">", std::to_string(n),
              n == 1 ? " quote" : " quotes", "</span></h2>\n", warnings,
              "<div class=\"doc-body\">\n<div class=\"text\">",
              internal::RenderMarkup(r.text, DocumentMarkups(r, index)),
              "</div>\n", Panel(r, index), "</div>\n</section>\n"});
}

std::string HtmlPageEnd(const HtmlPageOptions& options) {
  std::string out = Cat({"</main>\n<div id=\"tip\" role=\"tooltip\" hidden>",
                         "</div>\n<script>", assets::kPageJs, "</script>\n"});
  for (const InlineAsset& s : options.scripts) {
    out += Cat({"<script>", s.code, "</script>\n"});
  }
  return out + "</body>\n</html>\n";
}

std::string FormatHtmlPage(const std::vector<DocumentResult>& results,
                           const HtmlPageOptions& options) {
  std::string out = HtmlPageBegin(options);
  for (std::size_t i = 0; i < results.size(); ++i) {
    out += FormatHtmlDocument(results[i], static_cast<int>(i));
  }
  return out + HtmlPageEnd(options);
}

}  // namespace whosaid
