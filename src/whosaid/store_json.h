// The quote store's results as JSON: one object per search hit, quote
// group or verify answer (docs/store.md lists the fields). Strings may
// hold invalid UTF-8 from the documents: dump with
// nlohmann::json::error_handler_t::replace.
#ifndef WHOSAID_STORE_JSON_H_
#define WHOSAID_STORE_JSON_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "whosaid/store.h"

namespace whosaid {

// The document (id, url, date, outlet, title), the attribution's fields
// as in docs/output.md (spans index the stored document text), its quote
// group and its relevance. Empty strings are null.
nlohmann::json StoredAttributionToJson(const StoredAttribution& stored);

// key, text, occurrences, first_seen, last_seen, outlets, speakers,
// documents.
nlohmann::json QuoteGroupToJson(const QuoteGroup& group);

// The claim, the verdict and the matches, each with its similarity,
// verbatim flag, word diff, editorial marks and the stored attribution.
nlohmann::json VerifyResultToJson(std::string_view claim,
                                  const VerifyResult& result);

}  // namespace whosaid

#endif  // WHOSAID_STORE_JSON_H_
