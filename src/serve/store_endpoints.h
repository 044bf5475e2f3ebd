// GET /v1/search and POST /v1/verify over the quote store (whosaid/store.h,
// docs/store.md), for `whosaid serve --db FILE`.
#ifndef WHOSAID_SERVE_STORE_ENDPOINTS_H_
#define WHOSAID_SERVE_STORE_ENDPOINTS_H_

#include <memory>
#include <mutex>
#include <string>

#include "serve/api.h"
#include "whosaid/status.h"
#include "whosaid/store.h"

namespace whosaid::serve {

// Largest `limit` a request may ask for.
inline constexpr std::size_t kMaxResults = 500;

// The store's endpoints on one open store. A store connection serves one
// thread at a time, so requests take turns on it (searches take
// milliseconds; extraction, the long part, does not wait for them).
class StoreBackend : public StoreEndpoints {
 public:
  // Opens the existing store at `path`. Error: no such file, or not a
  // whosaid store, or one written by a newer whosaid.
  static StatusOr<std::unique_ptr<StoreBackend>> Open(const std::string& path);

  // Query parameters: q (words of the content; "a phrase" in double
  // quotes), speaker, stance, kind (direct, mixed, indirect), since, until
  // (YYYY[-MM[-DD]]), limit (default 50, at most kMaxResults), group (1:
  // quote groups instead of attributions). Answers {"results": [...]} or
  // {"groups": [...]} (store_json.h); 400 for a bad parameter, 503 when
  // the store fails.
  Response Search(const Params& params) override;
  // Body: {"claim": "...", "speaker": "..." (optional), "limit": N
  // (optional, default 5)}. Answers the verdict and the closest matches
  // (VerifyResultToJson); 400 for a bad body, 503 when the store fails.
  Response Verify(std::string_view body) override;

 private:
  explicit StoreBackend(std::unique_ptr<Store> store);

  std::mutex mutex_;
  std::unique_ptr<Store> store_;
};

}  // namespace whosaid::serve

#endif  // WHOSAID_SERVE_STORE_ENDPOINTS_H_
