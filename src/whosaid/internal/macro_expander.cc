#include "whosaid/internal/macro_expander.h"

#include <algorithm>
#include <utility>

#include "re2/re2.h"
#include "whosaid/rule_set.h"

namespace whosaid::internal {
namespace {

bool IsCaptureName(std::string_view name) {
  return std::find(std::begin(kCaptureNames), std::end(kCaptureNames), name) !=
         std::end(kCaptureNames);
}

std::string CaptureList() {
  std::string out;
  for (std::string_view name : kCaptureNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// "A -> B -> A" for a reference to `name` made while `stack` is expanding.
std::string CycleText(const std::vector<std::string>& stack,
                      const std::string& name) {
  std::string out;
  for (auto it = std::find(stack.begin(), stack.end(), name); it != stack.end();
       ++it) {
    out += *it + " -> ";
  }
  return out + name;
}

}  // namespace

MacroExpander::MacroExpander() {
  const std::string open = RE2::QuoteMeta(kPlaceholderOpen);
  const std::string close = RE2::QuoteMeta(kPlaceholderClose);
  const std::string quote =
      open + "[" + kSpeechMark + kFragmentMark + kTitleMark + "][0-9]+" + close;
  const std::string speech =
      open + "[" + kSpeechMark + kFragmentMark + "][0-9]+" + close;
  const std::string fragment = open + kFragmentMark + "[0-9]+" + close;
  Define(std::string(kQuoteMacro), {{quote, {"<builtin>", 1, 1}}},
         /*literal=*/true);
  Define(std::string(kSpeechMacro), {{speech, {"<builtin>", 1, 1}}},
         /*literal=*/true);
  Define(std::string(kFragmentMacro), {{fragment, {"<builtin>", 1, 1}}},
         /*literal=*/true);
}

bool MacroExpander::IsValidName(std::string_view name) {
  if (name.empty() || name[0] < 'A' || name[0] > 'Z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void MacroExpander::Define(const std::string& name, std::vector<Fragment> body,
                           bool literal) {
  macros_[name] = Macro{std::move(body), literal, false, ""};
}

Status MacroExpander::ExpandAll() {
  for (const auto& [name, macro] : macros_) {
    std::vector<std::string> stack;
    if (Status s = ExpandMacro(name, stack); !s.ok()) return s;
  }
  return Status();
}

StatusOr<std::string> MacroExpander::Expand(
    const std::vector<Fragment>& pattern, std::string_view rule_id) {
  std::vector<std::string> stack;
  return ExpandFragments(pattern, rule_id, stack);
}

Status MacroExpander::ExpandMacro(const std::string& name,
                                  std::vector<std::string>& stack) {
  Macro& macro = macros_.find(name)->second;
  if (macro.expanded) return Status();
  if (macro.literal) {
    for (const Fragment& f : macro.body) macro.text += f.text;
  } else {
    stack.push_back(name);
    StatusOr<std::string> text = ExpandFragments(macro.body, "", stack);
    stack.pop_back();
    if (!text.ok()) return text.status();
    macro.text = std::move(text).value();
  }
  macro.expanded = true;
  return Status();
}

StatusOr<std::string> MacroExpander::ExpandFragments(
    const std::vector<Fragment>& fragments, std::string_view rule_id,
    std::vector<std::string>& stack) {
  std::string out;
  for (const Fragment& fragment : fragments) {
    const std::string& text = fragment.text;
    for (size_t pos = 0; pos < text.size();) {
      if (text[pos] == '\\') {  // an escape: copy it and what it escapes
        out.append(text, pos, 2);
        pos += 2;
      } else if (text.compare(pos, 2, "%{") == 0) {
        StatusOr<size_t> next =
            ExpandReference(fragment, pos, rule_id, stack, out);
        if (!next.ok()) return next.status();
        pos = *next;
      } else {
        out += text[pos++];
      }
    }
    if (out.size() > kMaxExpandedSize) {
      return ErrorAt(fragment.where, rule_id,
                     "expansion is larger than " +
                         std::to_string(kMaxExpandedSize) + " bytes");
    }
  }
  return out;
}

StatusOr<size_t> MacroExpander::ExpandReference(const Fragment& fragment,
                                                size_t pos,
                                                std::string_view rule_id,
                                                std::vector<std::string>& stack,
                                                std::string& out) {
  const std::string& text = fragment.text;
  const size_t close = text.find('}', pos);
  if (close == std::string::npos) {
    return ErrorAt(fragment.where, rule_id,
                   "unterminated macro reference '" + text.substr(pos) +
                       "' (write %{NAME} or %{NAME:capture}; \\% for a "
                       "literal %)");
  }
  const std::string inner = text.substr(pos + 2, close - pos - 2);
  const size_t colon = inner.find(':');
  const std::string name = inner.substr(0, colon);
  const std::string capture =
      colon == std::string::npos ? "" : inner.substr(colon + 1);
  if (!IsValidName(name)) {
    return ErrorAt(
        fragment.where, rule_id,
        "bad macro name in '%{" + inner + "}': names match [A-Z][A-Z0-9_]*");
  }
  if (colon != std::string::npos && !IsCaptureName(capture)) {
    return ErrorAt(fragment.where, rule_id,
                   "unknown capture name '" + capture + "' in '%{" + inner +
                       "}': use one of " + CaptureList());
  }
  if (macros_.find(name) == macros_.end()) {
    return ErrorAt(fragment.where, rule_id, "unknown macro %{" + name + "}");
  }
  if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
    return ErrorAt(fragment.where, rule_id,
                   "macro cycle: " + CycleText(stack, name));
  }
  if (Status s = ExpandMacro(name, stack); !s.ok()) return s;
  out += capture.empty() ? "(?:" : "(?P<" + capture + ">";
  out += macros_.find(name)->second.text;
  out += ')';
  if (out.size() > kMaxExpandedSize) {
    return ErrorAt(fragment.where, rule_id,
                   "expansion is larger than " +
                       std::to_string(kMaxExpandedSize) + " bytes");
  }
  return close + 1;
}

}  // namespace whosaid::internal
