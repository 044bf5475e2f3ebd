// Prints the speaker of a one-sentence document; exits 1 if it is wrong.
#include <cstdio>
#include <cstring>

#include "whosaid/extractor.h"

int main() {
  auto rules = whosaid::RuleSet::Load({whosaid::BuiltinEnglishPack()});
  if (!rules.ok()) return 1;
  const whosaid::Extractor extractor(*rules);
  const whosaid::DocumentResult result =
      extractor.Extract({"doc", "\"The pier is open,\" Ana Ruiz said."});
  if (result.quotes.size() != 1) return 1;
  std::puts(result.quotes[0].speaker_name.c_str());
  return result.quotes[0].speaker_name == "Ana Ruiz" ? 0 : 1;
}
