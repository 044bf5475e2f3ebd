// Macros: named RE2 fragments that patterns insert with %{NAME} (as a
// non-capturing group) or %{NAME:capture} (as the named group
// (?P<capture>...)). Macros may use other macros; expansion happens once, at
// load time.
#ifndef WHOSAID_INTERNAL_MACRO_EXPANDER_H_
#define WHOSAID_INTERNAL_MACRO_EXPANDER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/internal/source_location.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// A piece of pattern text and where it was written. Patterns and macros are
// lists of fragments joined with no separator (RE2 has no free-spacing
// mode); a %{...} reference must lie within one fragment.
struct Fragment {
  std::string text;
  SourceLocation where;
};

// Reference syntax, inside a fragment:
//   %{NAME}           NAME matches [A-Z][A-Z0-9_]*
//   %{NAME:capture}   capture is one of kCaptureNames
//   \%                a literal '%' (the backslash and what follows it are
//                     copied through untouched, so \%{ starts no reference)
// Any other "%{" is an error.
//
// Not thread-safe while being filled; RuleSet uses it only during Load.
class MacroExpander {
 public:
  // The built-in macro, the skeleton's quote placeholder ⟦Q<n>⟧.
  static constexpr std::string_view kQuoteMacro = "QUOTE";
  // The built-in macro for a speech-like quotation only.
  static constexpr std::string_view kSpeechMacro = "SPEECH";
  // The built-in macro for speech that begins in lowercase, a fragment.
  static constexpr std::string_view kFragmentMacro = "FRAGMENT";
  // True for the names of built-in macros, which packs cannot redefine.
  static bool IsBuiltin(std::string_view name) {
    return name == kQuoteMacro || name == kSpeechMacro ||
           name == kFragmentMacro;
  }
  // Upper bound on any expansion, so that macros doubling each other cannot
  // exhaust memory before RE2 gets to reject the pattern.
  static constexpr size_t kMaxExpandedSize = 1 << 20;

  // Starts with only QUOTE defined.
  MacroExpander();

  // True if `name` matches [A-Z][A-Z0-9_]*.
  static bool IsValidName(std::string_view name);

  // Defines `name` (which must be valid) as the concatenation of `body`,
  // replacing any earlier definition. A `literal` body is inserted as is,
  // with no references expanded (compiled lexicons are literal).
  void Define(const std::string& name, std::vector<Fragment> body,
              bool literal = false);

  // Expands every macro, so that a broken macro is reported even if no rule
  // uses it. Error, at the fragment concerned, on a malformed reference, an
  // unknown macro or capture name, a cycle ("macro cycle: A -> B -> A") or
  // an expansion larger than kMaxExpandedSize.
  Status ExpandAll();

  // Returns `pattern` with every reference expanded; errors as ExpandAll,
  // naming `rule_id` when it is not empty.
  StatusOr<std::string> Expand(const std::vector<Fragment>& pattern,
                               std::string_view rule_id);

 private:
  struct Macro {
    std::vector<Fragment> body;
    bool literal = false;
    bool expanded = false;
    std::string text;  // the expansion, once `expanded`
  };

  // Expands the macro `name` in place. `stack` holds the macros being
  // expanded around it, to detect cycles.
  Status ExpandMacro(const std::string& name, std::vector<std::string>& stack);
  StatusOr<std::string> ExpandFragments(const std::vector<Fragment>& fragments,
                                        std::string_view rule_id,
                                        std::vector<std::string>& stack);
  // Appends the expansion of the reference starting at `text[pos]` ("%{") to
  // `out`; returns the position just after it.
  StatusOr<size_t> ExpandReference(const Fragment& fragment, size_t pos,
                                   std::string_view rule_id,
                                   std::vector<std::string>& stack,
                                   std::string& out);

  std::map<std::string, Macro, std::less<>> macros_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_MACRO_EXPANDER_H_
