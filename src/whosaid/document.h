// A document: an id, its UTF-8 text (never rewritten) and where it came
// from.
#ifndef WHOSAID_DOCUMENT_H_
#define WHOSAID_DOCUMENT_H_

#include <string>

namespace whosaid {

// Where a document was published, as its input record says; each field
// may be empty. whosaid copies these as they are (dates are not parsed).
struct DocumentMeta {
  std::string url;
  std::string date;  // ISO 8601 is what search's --since/--until compare
  std::string outlet;
  std::string title;
};

struct Document {
  // Caller-chosen identifier, copied to the output unchanged.
  std::string id;
  // The text as read. Every span in whosaid's output indexes these bytes.
  // It should be UTF-8; invalid sequences are tolerated, not repaired.
  std::string text;
  DocumentMeta meta = {};  // the initializer lets Document{id, text} omit it
};

}  // namespace whosaid

#endif  // WHOSAID_DOCUMENT_H_
