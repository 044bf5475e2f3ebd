// Fuzzes RuleSet::Load with a pack built from arbitrary text: the input is
// cut at lines "%%" into a rule file (rules/fuzz.rule.yaml), macros.yaml and
// a lexicon (lexicons/words.txt). Loading must give a rule set or an error
// naming a file of the pack, never throw or crash; a loaded rule set must
// match a short paragraph without failing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_check.h"
#include "whosaid/extractor.h"
#include "whosaid/rule_set.h"

namespace {

// `input` cut at each line that is exactly "%%".
std::vector<std::string> Parts(std::string_view input) {
  std::vector<std::string> parts(1);
  while (!input.empty()) {
    const std::size_t newline = input.find('\n');
    const std::string_view line = input.substr(0, newline);
    if (line == "%%") {
      parts.emplace_back();
    } else {
      parts.back().append(line);
      if (newline != std::string_view::npos) parts.back() += '\n';
    }
    if (newline == std::string_view::npos) break;
    input.remove_prefix(newline + 1);
  }
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<std::string> parts =
      Parts(std::string_view(reinterpret_cast<const char*>(data), size));
  whosaid::PackSource pack{"fuzz", {{"pack.yaml", "name: fuzz\n"}}};
  pack.files.push_back({"rules/fuzz.rule.yaml", parts[0]});
  if (parts.size() > 1) pack.files.push_back({"macros.yaml", parts[1]});
  if (parts.size() > 2) pack.files.push_back({"lexicons/words.txt", parts[2]});
  auto rules = whosaid::RuleSet::Load({pack});
  if (!rules.ok()) {
    FUZZ_CHECK(rules.status().message().starts_with("fuzz"));
    return 0;
  }
  const whosaid::Extractor extractor(*rules);
  extractor.Extract(whosaid::Document{
      "fuzz", "\"We will build it,\" Ana Ruiz said. She said it would hold."});
  return 0;
}
