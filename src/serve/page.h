// The page `whosaid serve` shows at `/`: the review page of
// `extract --format html` (html_format.h) with a form above it to paste or
// drop an article, whose results the page asks /v1/extract for.
#ifndef WHOSAID_SERVE_PAGE_H_
#define WHOSAID_SERVE_PAGE_H_

#include <string>

namespace whosaid::serve {

// The whole page, self-contained (inline CSS and JS, requests only to its
// own origin). With `has_store`, it also has the verify box (POST
// /v1/verify) and a "where else?" button on each quote of the side panel
// (GET /v1/search?group=1).
std::string ReviewPage(bool has_store);

}  // namespace whosaid::serve

#endif  // WHOSAID_SERVE_PAGE_H_
