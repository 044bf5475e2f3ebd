// The review page's CSS and JS (src/whosaid/html/), compiled into the
// library by embed_assets.cmake, each with its Content-Security-Policy hash.
#ifndef WHOSAID_INTERNAL_HTML_ASSETS_H_
#define WHOSAID_INTERNAL_HTML_ASSETS_H_

#include <string_view>

namespace whosaid::internal::html_assets {

extern const std::string_view kPageCss;         // page.css
extern const std::string_view kPageCssCspHash;  // 'sha256-…'
extern const std::string_view kPageJs;          // page.js
extern const std::string_view kPageJsCspHash;   // 'sha256-…'

}  // namespace whosaid::internal::html_assets

#endif  // WHOSAID_INTERNAL_HTML_ASSETS_H_
