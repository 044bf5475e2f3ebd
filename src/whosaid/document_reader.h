// Reading documents from JSON Lines.
#ifndef WHOSAID_DOCUMENT_READER_H_
#define WHOSAID_DOCUMENT_READER_H_

#include <string>
#include <string_view>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

// Parses one JSON Lines record {"id": ..., "text": ..., ...}. `text` must
// be a string. `id` may be a string or a number; when absent the document
// is named `fallback_id`. The metadata comes from "url", "date", "outlet"
// and "title", each of which must be a string (or null) when present;
// missing ones are taken from a "meta" object when the record has one,
// where "publication_date" and "publisher" also stand for the date and the
// outlet (as PolNeAR writes them) and values that are not strings are
// ignored. Other fields are ignored. Errors say what is wrong ("malformed
// JSON", "missing \"text\"", "\"text\" is not a string", "\"url\" is not
// a string").
StatusOr<Document> ParseDocumentLine(std::string_view line,
                                     std::string fallback_id);

}  // namespace whosaid

#endif  // WHOSAID_DOCUMENT_READER_H_
