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

}  // namespace

std::string ReviewPage() {
  HtmlPageOptions options;
  options.title = "whosaid";
  options.intro_html = kForm;
  options.styles.push_back({assets::kServeCss, assets::kServeCssCspHash});
  options.scripts.push_back({assets::kServeJs, assets::kServeJsCspHash});
  options.fetch_same_origin = true;
  return HtmlPageBegin(options) + HtmlPageEnd(options);
}

}  // namespace whosaid::serve
