#include "whosaid/document_reader.h"

#include <nlohmann/json.hpp>

namespace whosaid {

StatusOr<Document> ParseDocumentLine(std::string_view line,
                                     std::string fallback_id) {
  nlohmann::json object = nlohmann::json::parse(line, nullptr,
                                                /*allow_exceptions=*/false);
  if (object.is_discarded()) return Status::Error("malformed JSON");
  if (!object.is_object()) return Status::Error("not a JSON object");
  auto text = object.find("text");
  if (text == object.end()) return Status::Error("missing \"text\"");
  if (!text->is_string()) return Status::Error("\"text\" is not a string");
  Document doc;
  doc.text = text->get<std::string>();
  auto id = object.find("id");
  if (id != object.end() && id->is_string()) {
    doc.id = id->get<std::string>();
  } else if (id != object.end() && id->is_number()) {
    doc.id = id->dump();
  } else {
    doc.id = std::move(fallback_id);
  }
  return doc;
}

}  // namespace whosaid
