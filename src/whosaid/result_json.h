// DocumentResult to and from the JSON of ../shared/eval/FORMAT.md (the gold
// format, plus whosaid's own richer fields; see docs/output.md).
#ifndef WHOSAID_RESULT_JSON_H_
#define WHOSAID_RESULT_JSON_H_

#include <nlohmann/json.hpp>

#include "whosaid/attribution.h"
#include "whosaid/status.h"

namespace whosaid {

// The JSON object for one output line: id, text (unless `with_text` is
// false), quotes (each with the spans as [begin, end] byte offsets, the
// texts of those spans, and the richer fields), entities and warnings.
// Invalid UTF-8 in span texts is replaced by U+FFFD in the *_text fields
// only; offsets stay byte-exact.
nlohmann::json ToJson(const DocumentResult& result, bool with_text = true);

// Reads a gold or system line. Requires "id" (string) and "text" (string);
// "quotes" may be absent (no quotes). Unknown fields are ignored. Fails with
// a message naming the field on a wrong type or a span outside the text.
StatusOr<DocumentResult> FromJson(const nlohmann::json& object);

}  // namespace whosaid

#endif  // WHOSAID_RESULT_JSON_H_
