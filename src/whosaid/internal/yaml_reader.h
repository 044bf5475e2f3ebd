// Strict reading of a pack's YAML files. Every error names the file, line
// and column (and the rule, when there is one), and no yaml-cpp exception
// leaves these functions: this is the border where yaml-cpp's exceptions
// become Status values.
#ifndef WHOSAID_INTERNAL_YAML_READER_H_
#define WHOSAID_INTERNAL_YAML_READER_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/internal/macro_expander.h"
#include "whosaid/internal/source_location.h"
#include "whosaid/status.h"
#include "yaml-cpp/yaml.h"

namespace whosaid::internal {

// What errors in one file are about: the display path and, inside a rule
// file, the rule id.
struct YamlContext {
  std::string file;
  std::string rule_id;

  // yaml-cpp marks are 0-based; a null mark (no position known) is 1:1.
  SourceLocation Where(const YAML::Mark& mark) const;
  Status Error(const YAML::Mark& mark, std::string_view message) const {
    return ErrorAt(Where(mark), rule_id, message);
  }
};

// Parses `content` as a single YAML document; an empty or comment-only file
// is a null node. Error on a syntax error (at its mark) or a second
// document. Bounded on any input (see CheckSingleDocument in the .cc).
StatusOr<YAML::Node> ParseYaml(const YamlContext& context,
                               const std::string& content);

// A YAML map whose keys must all come from a fixed list.
class StrictMap {
 public:
  // Error if `node` is not a map, has a key that is not a string, repeats a
  // key, or has a key not in `known`. `what` names the map in messages
  // ("rule", "example").
  static StatusOr<StrictMap> Read(
      const YAML::Node& node, const YamlContext& context, std::string_view what,
      std::initializer_list<std::string_view> known);

  // The value of `key`, or nullptr if absent. Valid as long as the map.
  const YAML::Node* Get(std::string_view key) const;
  // Where the map starts, for errors about a missing key.
  const YAML::Mark& mark() const { return mark_; }

  // The value of `key` as a string; error if absent and `required`, or not
  // a scalar. Absent and optional gives "".
  StatusOr<std::string> String(std::string_view key, bool required) const;
  // The value of `key` as an int, or `fallback` when absent.
  StatusOr<int> Int(std::string_view key, int fallback) const;
  // A string or a list of strings (pattern text), as fragments that carry
  // their own position. Error if absent and `required`, or if empty.
  StatusOr<std::vector<Fragment>> Fragments(std::string_view key,
                                            bool required) const;
  // A list of strings; empty when absent.
  StatusOr<std::vector<std::string>> StringList(std::string_view key) const;

 private:
  StrictMap(const YamlContext& context, const YAML::Mark& mark)
      : context_(context), mark_(mark) {}

  Status Missing(std::string_view key) const;

  struct Entry {
    std::string key;
    YAML::Node value;
  };
  YamlContext context_;
  YAML::Mark mark_;
  std::vector<Entry> entries_;
};

// Converts a scalar node to a string; error naming `what` if it is a list,
// a map or null.
StatusOr<std::string> ScalarString(const YAML::Node& node,
                                   const YamlContext& context,
                                   std::string_view what);

// Converts a string or a list of strings to fragments; error naming `what`
// otherwise, or if there is no fragment at all.
StatusOr<std::vector<Fragment>> FragmentList(const YAML::Node& node,
                                             const YamlContext& context,
                                             std::string_view what);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_YAML_READER_H_
