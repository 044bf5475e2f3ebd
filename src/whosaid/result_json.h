// DocumentResult to and from the JSON of ../shared/eval/FORMAT.md (the gold
// format, plus whosaid's own richer fields; see docs/output.md).
#ifndef WHOSAID_RESULT_JSON_H_
#define WHOSAID_RESULT_JSON_H_

#include <nlohmann/json.hpp>

#include "whosaid/attribution.h"
#include "whosaid/json_sink.h"
#include "whosaid/status.h"

namespace whosaid {

// The JSON object for one output line: id, text (unless `with_text` is
// false), quotes (each with the spans as [begin, end] byte offsets, the
// texts of those spans, and the richer fields), entities and warnings.
// Empty speaker_name, stance, speaker_role and speaker_org (and an entity's
// role and org) are written as null, entity -1 as null; warnings only when
// there are some. JSON must be UTF-8, so invalid UTF-8 in any string (the
// *_text fields, and also "text" itself) is replaced by U+FFFD, one per
// maximal ill-formed subpart. Offsets stay byte-exact: they always index the
// original bytes of result.text, which for such a text are not the bytes of
// the "text" field. The returned object never throws on dump().
nlohmann::json ToJson(const DocumentResult& result, bool with_text = true);

// The same value as events to `out`, and as text: ToJsonText(r, t) is
// ToJson(r, t).dump(), written straight from the result, without a tree.
void WriteJson(const DocumentResult& result, bool with_text, JsonSink& out);
std::string ToJsonText(const DocumentResult& result, bool with_text = true);

// Reads a gold or system line. Requires "id" (string) and "text" (string);
// "quotes", "entities", "warnings" and every quote field except "type" and
// "content" may be absent or null. Unknown fields (the *_text fields, notes)
// are ignored. Fails, never throws, with a message naming the field
// ("quotes[2].cue: span [9, 4] ends before it begins") on a missing
// required field, a wrong type, an unknown quote type, a span outside the
// text, or an entity index out of range.
StatusOr<DocumentResult> FromJson(const nlohmann::json& object);

}  // namespace whosaid

#endif  // WHOSAID_RESULT_JSON_H_
