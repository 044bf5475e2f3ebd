// The review page of `whosaid extract --format html`: each document with its
// quotes highlighted, and the pieces a server needs to build the same page.
//
// The page is self-contained: its CSS and JS (src/whosaid/html/) are
// inline, and its Content-Security-Policy forbids every network request and
// every script but its own (by hash), so a `<script>` that slipped into the
// markup would still not run. Every piece of document text is escaped.
#ifndef WHOSAID_HTML_FORMAT_H_
#define WHOSAID_HTML_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/attribution.h"

namespace whosaid {

// A script or style sheet to place inline in the page, and the
// Content-Security-Policy source that allows it ("'sha256-…'", as
// embed_assets.cmake makes).
struct InlineAsset {
  std::string_view code;
  std::string_view csp_hash;
};

// What a page holds besides the documents.
struct HtmlPageOptions {
  std::string title = "whosaid";  // escaped by the page
  // Trusted markup placed above the documents (a server's input form).
  std::string intro_html;
  // Style sheets after the page's own, and scripts that run after its own.
  std::vector<InlineAsset> styles;
  std::vector<InlineAsset> scripts;
  // Lets scripts fetch from the page's own origin (connect-src 'self').
  // Off, the page can make no request at all.
  bool fetch_same_origin = false;
};

// `text` escaped as HTML text or attribute value (see EscapeHtml in
// internal/html_markup.h): & < > " ' as references, ill-formed UTF-8 and
// control characters as U+FFFD. The result is valid UTF-8.
std::string HtmlEscape(std::string_view text);

// The start of the page: doctype, head with the policy and the inline CSS,
// the header with the stance legend, `intro_html`, and the opening of the
// element that holds the documents (<main id="docs">).
std::string HtmlPageBegin(const HtmlPageOptions& options);

// One document as a <section class="doc">: its id, its text with every
// quote (<mark class="q">), cue (class "cue", with the stance as a label)
// and speaker mention (<a class="spk">, a link to the speaker in the panel)
// marked, and a side panel listing each speaker with their quotes.
// `index` numbers the document in the page and makes its element ids
// unique ("d3-q0"); give each document of a page its own. Every mark
// carries data-q (the quote's index in result.quotes) and data-e (its
// entity, -1 for none), which the page's script uses; quotes also carry
// their rule, resolution, stance, type and speaker for the tooltip.
std::string FormatHtmlDocument(const DocumentResult& result, int index);

// The end of the page: closes the documents' element, then the page's own
// script and `options.scripts`.
std::string HtmlPageEnd(const HtmlPageOptions& options);

// A whole page: HtmlPageBegin, each result numbered from 0, HtmlPageEnd.
std::string FormatHtmlPage(const std::vector<DocumentResult>& results,
                           const HtmlPageOptions& options = {});

}  // namespace whosaid

#endif  // WHOSAID_HTML_FORMAT_H_
