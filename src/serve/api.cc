#include "serve/api.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "whosaid/document_reader.h"
#include "whosaid/html_format.h"
#include "whosaid/result_json.h"

namespace whosaid::serve {
namespace {

using nlohmann::json;

// Documents carry text that may not be UTF-8: never throw on it.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Response JsonResponse(const json& value) {
  return {200, std::string(kJson), Dump(value)};
}

std::string_view ScopeName(RuleScope scope) {
  return scope == RuleScope::kParagraph ? "paragraph" : "sentence";
}

}  // namespace

Response ErrorResponse(int status, std::string_view message) {
  return {status, std::string(kJson),
          Dump({{"error", {{"status", status}, {"message", message}}}})};
}

StatusOr<ExtractRequest> ParseExtractRequest(std::string_view body) {
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Status::Error("malformed JSON");
  ExtractRequest request;
  if (parsed.is_object()) {
    auto doc = ParseDocumentLine(body, "1");
    if (!doc.ok()) return doc.status();
    request.documents.push_back(std::move(doc).value());
    return request;
  }
  if (!parsed.is_array()) {
    return Status::Error("expected a document object or an array of them");
  }
  request.array = true;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const std::string position = std::to_string(i + 1);
    // One record reader for the CLI and the server: the element goes
    // through ParseDocumentLine as the line it would be in JSON Lines.
    auto doc = ParseDocumentLine(Dump(parsed[i]), position);
    if (!doc.ok()) {
      return Status::Error("document " + position + ": " +
                           doc.status().message());
    }
    request.documents.push_back(std::move(doc).value());
  }
  return request;
}

Api::Api(std::shared_ptr<const RuleSet> rules, int concurrent_extractions,
         std::unique_ptr<StoreEndpoints> store)
    : extractor_(std::move(rules)),
      slots_(concurrent_extractions),
      store_(std::move(store)) {}

Response Api::Extract(std::string_view body, std::string_view format) {
  const bool html = format == "html";
  if (!html && !format.empty() && format != "json") {
    return ErrorResponse(
        400, "unknown format '" + std::string(format) + "': json or html");
  }
  auto request = ParseExtractRequest(body);
  if (!request.ok()) return ErrorResponse(400, request.status().message());
  std::string page;
  // The results' JSON is written straight from them, as the command line's.
  std::string results = request->array ? "[" : "";
  for (std::size_t i = 0; i < request->documents.size(); ++i) {
    DocumentResult result;
    {
      // One slot per document, so a long array does not hold the cores
      // from every other request until it is done.
      FifoSlots::Hold slot(slots_);
      result = extractor_.Extract(request->documents[i]);
    }
    if (html) {
      page += FormatHtmlDocument(result, static_cast<int>(i));
    } else {
      if (i > 0) results += ',';
      results += ToJsonText(result);
    }
  }
  if (html) return {200, std::string(kHtml), std::move(page)};
  if (request->array) results += ']';
  return {200, std::string(kJson), std::move(results)};
}

Response Api::Rules() const {
  json rules = json::array();
  for (const Rule& rule : extractor_.rules().rules()) {
    rules.push_back({{"id", rule.id},
                     {"description", rule.description},
                     {"type", QuoteTypeName(rule.type)},
                     {"priority", rule.priority},
                     {"scope", ScopeName(rule.scope)}});
  }
  return JsonResponse({{"rules", rules}});
}

Response Api::Health() {
  return JsonResponse({{"status", "ok"},
                       {"version", WHOSAID_VERSION},
                       {"rules", extractor_.rules().rules().size()},
                       {"store", has_store()},
                       {"waiting", slots_.waiting()}});
}

Response Api::Search(const Params& params) {
  if (!store_)
    return ErrorResponse(503, "no store: this server has no quote store");
  return store_->Search(params);
}

Response Api::Verify(std::string_view body) {
  if (!store_)
    return ErrorResponse(503, "no store: this server has no quote store");
  return store_->Verify(body);
}

}  // namespace whosaid::serve
