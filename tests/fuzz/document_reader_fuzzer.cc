// Fuzzes ParseDocumentLine (document_reader.h) with each line of arbitrary
// bytes, as `whosaid extract` reads JSON Lines: it must return a document
// or an error, never throw or crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "whosaid/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty()) {
    const std::size_t newline = input.find('\n');
    const std::string_view line = input.substr(0, newline);
    whosaid::StatusOr<whosaid::Document> doc =
        whosaid::ParseDocumentLine(line, "fallback");
    if (!doc.ok()) FUZZ_CHECK(!doc.status().message().empty());
    if (newline == std::string_view::npos) break;
    input.remove_prefix(newline + 1);
  }
  return 0;
}
