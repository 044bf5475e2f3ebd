// Fuzzes ParseDocumentLine (document_reader.h) with each line of arbitrary
// bytes, as `whosaid extract` reads JSON Lines: it must return a document
// or an error, never throw or crash; and whenever its fast path
// (json_line_scanner.h) answers, nlohmann must read the same document.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "whosaid/document_reader.h"
#include "whosaid/internal/json_line_scanner.h"

namespace {

void CheckScannerAgrees(std::string_view line) {
  std::string fallback_id = "fallback";
  const std::optional<whosaid::Document> scanned =
      whosaid::internal::ScanDocumentLine(line, &fallback_id);
  if (!scanned) return;
  const whosaid::StatusOr<whosaid::Document> reference =
      whosaid::internal::ParseDocumentLineWithNlohmann(line, "fallback");
  FUZZ_CHECK(reference.ok());
  FUZZ_CHECK(scanned->id == reference->id);
  FUZZ_CHECK(scanned->text == reference->text);
  FUZZ_CHECK(scanned->meta.url == reference->meta.url);
  FUZZ_CHECK(scanned->meta.date == reference->meta.date);
  FUZZ_CHECK(scanned->meta.outlet == reference->meta.outlet);
  FUZZ_CHECK(scanned->meta.title == reference->meta.title);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty()) {
    const std::size_t newline = input.find('\n');
    const std::string_view line = input.substr(0, newline);
    whosaid::StatusOr<whosaid::Document> doc =
        whosaid::ParseDocumentLine(line, "fallback");
    if (!doc.ok()) FUZZ_CHECK(!doc.status().message().empty());
    CheckScannerAgrees(line);
    if (newline == std::string_view::npos) break;
    input.remove_prefix(newline + 1);
  }
  return 0;
}
