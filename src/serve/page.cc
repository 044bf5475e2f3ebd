#include "serve/page.h"

#include "serve/assets.h"
#include "whosaid/html_format.h"

namespace whosaid::serve {
namespace {

// The input form. Its script (assets/serve.js) sends what is pasted or
// dropped to /v1/extract?format=html and puts the answer in <main>.
constexpr char kForm[] =
    R"html(<form id="input" class="input" autocomplete="off">
<label for="article">Paste an article, or drop a .txt or .jsonl file</label>
<textarea id="article" rows="7" placeholder="Paste the article's text here"></textarea>
<div class="input-row">
<input id="doc-id" placeholder="name (optional)" aria-label="Name of the article">
<input type="file" id="file" accept=".txt,.jsonl,text/plain" aria-label="Open a file">
<button type="submit" id="run">Find quotes</button>
<span id="status" role="status"></span>
</div>
</form>
)html";

// The store's part: the verify box, and where the answers of the verify
// box and of the side panel's "where else?" buttons appear.
constexpr char kStoreTools[] = R"html(<section id="store" class="store">
<form id="verify" class="verify" autocomplete="off">
<label for="claim">Did they say it? Check a claimed quote against the quote store</label>
<div class="input-row">
<input id="claim" class="claim" placeholder="the claimed quote" aria-label="Claimed quote">
<input id="claim-speaker" placeholder="speaker (optional)" aria-label="Speaker">
<button type="submit" id="check">Verify</button>
</div>
</form>
<div id="store-answer" class="store-answer" role="status" hidden></div>
</section>
)html";

}  // namespace

std::string ReviewPage(bool has_store) {
  HtmlPageOptions options;
  options.title = "whosaid";
  options.intro_html = kForm;
  if (has_store) {
    options.intro_html += kStoreTools;
    options.scripts.push_back({assets::kStoreJs, assets::kStoreJsCspHash});
  }
  options.styles.push_back({assets::kServeCss, assets::kServeCssCspHash});
  options.scripts.push_back({assets::kServeJs, assets::kServeJsCspHash});
  options.fetch_same_origin = true;
  return HtmlPageBegin(options) + HtmlPageEnd(options);
}

}  // namespace whosaid::serve
