// Fuzzes the whole pipeline: Extractor::Extract with the English pack on
// arbitrary bytes, then ToJson. Checks that every span indexes the text,
// that entity indices are in range, that the JSON dumps, and that a valid
// UTF-8 result reads back with FromJson.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "tests/fuzz/fuzz_check.h"
#include "whosaid/extractor.h"
#include "whosaid/result_json.h"
#include "whosaid/rule_set.h"

namespace {

const whosaid::Extractor& TheExtractor() {
  static const whosaid::Extractor* extractor = [] {
    auto rules = whosaid::RuleSet::Load({whosaid::BuiltinEnglishPack()});
    FUZZ_CHECK(rules.ok());
    return new whosaid::Extractor(*rules);
  }();
  return *extractor;
}

bool InText(const whosaid::Span& span, std::size_t size) {
  return span.begin <= span.end && span.end <= size;
}

void CheckResult(const whosaid::DocumentResult& result) {
  const std::size_t size = result.text.size();
  for (const whosaid::Attribution& a : result.quotes) {
    FUZZ_CHECK(InText(a.content, size));
    for (const whosaid::Span& part : a.content_parts) {
      FUZZ_CHECK(InText(part, size) && a.content.Contains(part));
    }
    if (a.cue) FUZZ_CHECK(InText(*a.cue, size));
    if (a.speaker) FUZZ_CHECK(InText(*a.speaker, size));
    FUZZ_CHECK(a.entity >= -1 &&
               a.entity < static_cast<int>(result.entities.size()));
    FUZZ_CHECK(a.confidence >= 0 && a.confidence <= 1);
  }
  for (const whosaid::Entity& e : result.entities) {
    for (const whosaid::Span& m : e.mentions) FUZZ_CHECK(InText(m, size));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const whosaid::Document doc{
      "fuzz", std::string(reinterpret_cast<const char*>(data), size)};
  const whosaid::DocumentResult result = TheExtractor().Extract(doc);
  FUZZ_CHECK(result.text == doc.text);
  CheckResult(result);
  const nlohmann::json json = whosaid::ToJson(result);
  const std::string line =
      json.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  FUZZ_CHECK(!line.empty());
  if (result.warnings.empty()) {
    whosaid::StatusOr<whosaid::DocumentResult> back = whosaid::FromJson(json);
    if (!back.ok())
      std::fprintf(stderr, "%s\n", back.status().message().c_str());
    FUZZ_CHECK(back.ok());
    FUZZ_CHECK(back->quotes.size() == result.quotes.size());
  }
  return 0;
}
