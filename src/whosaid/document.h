// A document: an id and its UTF-8 text, never rewritten.
#ifndef WHOSAID_DOCUMENT_H_
#define WHOSAID_DOCUMENT_H_

#include <string>

namespace whosaid {

struct Document {
  // Caller-chosen identifier, copied to the output unchanged.
  std::string id;
  // The text as read. Every span in whosaid's output indexes these bytes.
  // It should be UTF-8; invalid sequences are tolerated, not repaired.
  std::string text;
};

}  // namespace whosaid

#endif  // WHOSAID_DOCUMENT_H_
