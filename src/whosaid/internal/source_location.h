// Where a piece of a rule pack came from, and the one error format of pack
// loading: "FILE:LINE:COL: [rule ID: ]message".
#ifndef WHOSAID_INTERNAL_SOURCE_LOCATION_H_
#define WHOSAID_INTERNAL_SOURCE_LOCATION_H_

#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid::internal {

// A position in a pack file. `file` is the display path, origin + "/" +
// path ("rules/en/rules/x.yaml", "<builtin>/en/macros.yaml"); line and
// column are 1-based.
struct SourceLocation {
  std::string file;
  int line = 1;
  int column = 1;

  std::string ToString() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
  }
};

// Returns the error "FILE:LINE:COL: rule ID: message", leaving out
// "rule ID: " when `rule_id` is empty.
inline Status ErrorAt(const SourceLocation& where, std::string_view rule_id,
                      std::string_view message) {
  std::string text = where.ToString() + ": ";
  if (!rule_id.empty()) text += "rule " + std::string(rule_id) + ": ";
  text += message;
  return Status::Error(std::move(text));
}

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_SOURCE_LOCATION_H_
