// The HTTP API of `whosaid serve`, apart from the transport: each endpoint
// takes what the request carries and returns the response to send. The
// server (server.h) routes requests here; tests can call it directly.
// docs/api.md describes every endpoint.
#ifndef WHOSAID_SERVE_API_H_
#define WHOSAID_SERVE_API_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "serve/fifo_slots.h"
#include "whosaid/document.h"
#include "whosaid/extractor.h"
#include "whosaid/rule_set.h"
#include "whosaid/status.h"

namespace whosaid::serve {

inline constexpr std::string_view kJson = "application/json";
inline constexpr std::string_view kHtml = "text/html; charset=utf-8";

struct Response {
  int status = 200;
  std::string content_type = std::string(kJson);
  std::string body;
};

// A JSON error: {"error": {"status": 400, "message": "..."}}.
Response ErrorResponse(int status, std::string_view message);

// The query parameters of a request, by name.
using Params = std::multimap<std::string, std::string>;

// The quote store's endpoints (GET /v1/search, POST /v1/verify), given to
// the Api when the server has a store. Implementations must be thread-safe:
// many requests call them at once.
class StoreEndpoints {
 public:
  virtual ~StoreEndpoints() = default;
  virtual Response Search(const Params& params) = 0;
  virtual Response Verify(std::string_view body) = 0;
};

// The body of POST /v1/extract: one document object {"id", "text", ...}
// (the JSON Lines input record, see ParseDocumentLine) or an array of
// them. Documents without an id are named "1", "2", ... by position.
// Errors name the document at fault: "document 2: missing \"text\"".
struct ExtractRequest {
  std::vector<Document> documents;
  bool array = false;  // the body was an array: answer with an array
};
StatusOr<ExtractRequest> ParseExtractRequest(std::string_view body);

class Api {
 public:
  // `rules` must not be null. At most `concurrent_extractions` (at least
  // one) documents are extracted at once; the others wait their turn, in
  // the order they came, so a burst of connections shares the cores
  // instead of thrashing them. `store` may
  // be null: the store's endpoints then answer 503.
  Api(std::shared_ptr<const RuleSet> rules, int concurrent_extractions,
      std::unique_ptr<StoreEndpoints> store = nullptr);

  // POST /v1/extract. `format` "json" (or empty): each document's result
  // as in JSON Lines (docs/output.md), one object or an array like the
  // request. "html": the documents as review-page sections (the page at
  // `/` inserts them). 400 for a malformed body or an unknown format.
  Response Extract(std::string_view body, std::string_view format);
  // GET /v1/rules: {"rules": [{"id", "description", "type", "priority",
  // "scope"}...]} in rule order.
  Response Rules() const;
  // GET /healthz: {"status": "ok", "version", "rules": N, "store": bool,
  // "waiting": documents waiting for an extraction slot now}.
  Response Health();
  // GET /v1/search and POST /v1/verify: the store's answers, or 503.
  Response Search(const Params& params);
  Response Verify(std::string_view body);

  bool has_store() const { return store_ != nullptr; }

 private:
  Extractor extractor_;
  FifoSlots slots_;
  std::unique_ptr<StoreEndpoints> store_;
};

}  // namespace whosaid::serve

#endif  // WHOSAID_SERVE_API_H_
