#include "whosaid/document_reader.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "whosaid/internal/json_line_scanner.h"

namespace whosaid {
namespace {

// The first of `keys` that `object` has as a string, or "".
std::string MetaField(const nlohmann::json& object,
                      std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto value = object.find(key);
    if (value != object.end() && value->is_string()) return *value;
  }
  return "";
}

// Fills `meta` from the record's own fields, then from its "meta" object.
Status ReadMeta(const nlohmann::json& object, DocumentMeta* meta) {
  struct Field {
    const char* key;
    std::string* value;
    const char* alias;  // its name in a "meta" object besides `key`
  };
  const Field fields[] = {{"url", &meta->url, "url"},
                          {"date", &meta->date, "publication_date"},
                          {"outlet", &meta->outlet, "publisher"},
                          {"title", &meta->title, "title"}};
  auto nested = object.find("meta");
  for (const Field& field : fields) {
    auto value = object.find(field.key);
    if (value != object.end() && !value->is_null()) {
      if (!value->is_string()) {
        return Status::Error(std::string("\"") + field.key +
                             "\" is not a string");
      }
      *field.value = value->get<std::string>();
    } else if (nested != object.end() && nested->is_object()) {
      *field.value = MetaField(*nested, {field.key, field.alias});
    }
  }
  return Status();
}

}  // namespace

StatusOr<Document> ParseDocumentLine(std::string_view line,
                                     std::string fallback_id) {
  // Building a nlohmann::json tree costs about 85 instructions a byte, most
  // of the reading of a news corpus; the scanner needs a few, and leaves
  // errors and rare forms to the tree so that messages stay the same.
  std::optional<Document> doc = internal::ScanDocumentLine(line, &fallback_id);
  if (doc) return *std::move(doc);
  return internal::ParseDocumentLineWithNlohmann(line, std::move(fallback_id));
}

namespace internal {

StatusOr<Document> ParseDocumentLineWithNlohmann(std::string_view line,
                                                 std::string fallback_id) {
  nlohmann::json object = nlohmann::json::parse(line, nullptr,
                                                /*allow_exceptions=*/false);
  if (object.is_discarded()) return Status::Error("malformed JSON");
  if (!object.is_object()) return Status::Error("not a JSON object");
  auto text = object.find("text");
  if (text == object.end()) return Status::Error("missing \"text\"");
  if (!text->is_string()) return Status::Error("\"text\" is not a string");
  Document doc;
  if (Status meta = ReadMeta(object, &doc.meta); !meta.ok()) return meta;
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

}  // namespace internal
}  // namespace whosaid
