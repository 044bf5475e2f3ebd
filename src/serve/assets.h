// The server page's own CSS and JS (src/serve/assets/), compiled in by
// embed_assets.cmake, each with its Content-Security-Policy hash.
#ifndef WHOSAID_SERVE_ASSETS_H_
#define WHOSAID_SERVE_ASSETS_H_

#include <string_view>

namespace whosaid::serve::assets {

extern const std::string_view kServeCss;         // serve.css
extern const std::string_view kServeCssCspHash;  // 'sha256-…'
extern const std::string_view kServeJs;          // serve.js
extern const std::string_view kServeJsCspHash;   // 'sha256-…'
extern const std::string_view kStoreJs;          // store.js (with --db)
extern const std::string_view kStoreJsCspHash;   // 'sha256-…'

}  // namespace whosaid::serve::assets

#endif  // WHOSAID_SERVE_ASSETS_H_
