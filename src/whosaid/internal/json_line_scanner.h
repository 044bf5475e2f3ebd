// A fast path for ParseDocumentLine (document_reader.h): a hand-written
// scanner of one JSON Lines record that decodes the fields whosaid reads
// straight into a Document, without building a nlohmann::json tree.
#ifndef WHOSAID_INTERNAL_JSON_LINE_SCANNER_H_
#define WHOSAID_INTERNAL_JSON_LINE_SCANNER_H_

#include <optional>
#include <string>
#include <string_view>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// The Document that ParseDocumentLine(line, *fallback_id) returns, when
// `line` is one the scanner is sure of; then *fallback_id may have been
// moved from. nullopt when it is not sure, and then *fallback_id is
// untouched: for every line that ParseDocumentLine fails on, and for valid
// ones with what the scanner leaves to nlohmann: a byte order mark, an
// escape in a key, a key that whosaid reads given twice (also in "meta"),
// a number with an exponent or of more than 300 characters, a numeric
// "id" that is not a whole number of at most 18 digits or is -0, nesting
// deeper than 64 arrays and objects.
std::optional<Document> ScanDocumentLine(std::string_view line,
                                         std::string* fallback_id);

// ParseDocumentLine without the fast path: the nlohmann::json reading that
// is the reference for ScanDocumentLine (defined in document_reader.cc).
StatusOr<Document> ParseDocumentLineWithNlohmann(std::string_view line,
                                                 std::string fallback_id);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_JSON_LINE_SCANNER_H_
