#include "whosaid/result_json.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whosaid/internal/utf8.h"
#include "whosaid/json_sink.h"

namespace whosaid {
namespace {

using nlohmann::json;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at the start of `s`, or 0 if it
// is ill-formed. With 0, `*bad` is the length of the maximal ill-formed
// subpart (at least 1), so that each one becomes a single U+FFFD as the
// Unicode standard recommends.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t* bad) {
  const auto lead = static_cast<unsigned char>(s[0]);
  *bad = 1;
  if (lead < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) lo = 0xA0;  // no overlong forms
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) lo = 0x90;  // no overlong forms
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < need; ++i) {
    if (i >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    const bool ok = i == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) return 0;
    *bad = i + 1;
  }
  return need;
}

// `bytes` as valid UTF-8: every ill-formed subpart becomes U+FFFD. JSON text
// must be UTF-8 and nlohmann::json throws on dump otherwise, so every
// string that may hold bytes of the document goes through here.
std::string ValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    std::size_t bad;
    const std::size_t n = Utf8SequenceLength(bytes, &bad);
    if (n > 0) {
      out.append(bytes.substr(0, n));
      bytes.remove_prefix(n);
    } else {
      out.append(kReplacement);
      bytes.remove_prefix(bad);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Writing. Members come in the order of their keys' bytes, the order in
// which nlohmann::json keeps an object's keys: the text is the same as the
// dump of a tree read back from it.

// A string that may hold bytes of the document, made valid UTF-8 first
// when it is not.
void Utf8String(std::string_view bytes, JsonSink& out) {
  if (!internal::FirstInvalidUtf8(bytes)) {
    out.String(bytes);
  } else {
    out.String(ValidUtf8(bytes));
  }
}

void WriteSpan(const Span& span, JsonSink& out) {
  out.BeginArray();
  out.Int(static_cast<std::int64_t>(span.begin));
  out.Int(static_cast<std::int64_t>(span.end));
  out.EndArray();
}

void WriteOptionalSpan(const std::optional<Span>& span, JsonSink& out) {
  if (span) {
    WriteSpan(*span, out);
  } else {
    out.Null();
  }
}

// The text of `span`, or null for an absent span.
void WriteSpanText(const std::optional<Span>& span, std::string_view text,
                   JsonSink& out) {
  if (span) {
    Utf8String(span->In(text), out);
  } else {
    out.Null();
  }
}

// Empty strings mean "unknown"; JSON says that with null.
void WriteStringOrNull(const std::string& s, JsonSink& out) {
  if (s.empty()) {
    out.Null();
  } else {
    Utf8String(s, out);
  }
}

void WriteStringArray(const std::vector<std::string>& strings, JsonSink& out) {
  out.BeginArray();
  for (const std::string& s : strings) Utf8String(s, out);
  out.EndArray();
}

void WriteQuote(const Attribution& q, std::string_view text, JsonSink& out) {
  out.BeginObject();
  out.Key("confidence");
  out.Double(q.confidence);
  out.Key("content");
  WriteSpan(q.content, out);
  if (!q.content_parts.empty()) {
    out.Key("content_parts");
    out.BeginArray();
    for (const Span& part : q.content_parts) WriteSpan(part, out);
    out.EndArray();
  }
  out.Key("content_text");
  WriteSpanText(q.content, text, out);
  out.Key("cue");
  WriteOptionalSpan(q.cue, out);
  out.Key("cue_text");
  WriteSpanText(q.cue, text, out);
  out.Key("entity");
  if (q.entity >= 0) {
    out.Int(q.entity);
  } else {
    out.Null();
  }
  out.Key("negated");
  out.Bool(q.negated);
  out.Key("resolution");
  Utf8String(q.resolution, out);
  out.Key("rule");
  Utf8String(q.rule, out);
  out.Key("speaker");
  WriteOptionalSpan(q.speaker, out);
  out.Key("speaker_kind");
  Utf8String(q.speaker_kind, out);
  out.Key("speaker_name");
  WriteStringOrNull(q.speaker_name, out);
  out.Key("speaker_org");
  WriteStringOrNull(q.speaker_org, out);
  out.Key("speaker_role");
  WriteStringOrNull(q.speaker_role, out);
  out.Key("speaker_text");
  WriteSpanText(q.speaker, text, out);
  out.Key("stance");
  WriteStringOrNull(q.stance, out);
  out.Key("type");
  out.String(QuoteTypeName(q.type));
  out.Key("via");
  WriteStringArray(q.via, out);
  out.EndObject();
}

void WriteEntity(const Entity& e, JsonSink& out) {
  out.BeginObject();
  out.Key("kind");
  Utf8String(e.kind, out);
  out.Key("mentions");
  out.BeginArray();
  for (const Span& m : e.mentions) WriteSpan(m, out);
  out.EndArray();
  out.Key("name");
  Utf8String(e.name, out);
  out.Key("org");
  WriteStringOrNull(e.org, out);
  out.Key("role");
  WriteStringOrNull(e.role, out);
  out.EndObject();
}

// ---------------------------------------------------------------------------
// Reading. Each reader checks the JSON type itself and names the field in
// its message, so that a user can find the bad spot in a gold file.

Status FieldError(const std::string& field, const std::string& what) {
  return Status::Error(field + ": " + what);
}

// A JSON type name for messages: "expected a string, got number".
std::string Got(const json& value) {
  return std::string("got ") + value.type_name();
}

Status ReadString(const json& value, const std::string& field,
                  std::string* out) {
  if (!value.is_string()) {
    return FieldError(field, "expected a string, " + Got(value));
  }
  *out = value.get<std::string>();
  return Status();
}

// A string field that may be absent or null (both leave `out` untouched).
Status ReadOptionalString(const json& object, const char* key,
                          const std::string& path, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Status();
  return ReadString(*it, path + "." + key, out);
}

Status ReadOffset(const json& value, const std::string& field,
                  std::size_t* out) {
  if (value.is_number_unsigned()) {
    *out = value.get<std::uint64_t>();
    return Status();
  }
  if (value.is_number_integer()) {
    return FieldError(field, "offset must not be negative");
  }
  return FieldError(field, "expected an integer byte offset, " + Got(value));
}

// A [begin, end] pair of byte offsets with begin <= end <= text_size.
Status ReadSpan(const json& value, const std::string& field,
                std::size_t text_size, Span* out) {
  if (!value.is_array() || value.size() != 2) {
    return FieldError(
        field, "expected [begin, end], " +
                   (value.is_array()
                        ? "got " + std::to_string(value.size()) + " elements"
                        : Got(value)));
  }
  Status s = ReadOffset(value[0], field + "[0]", &out->begin);
  if (s.ok()) s = ReadOffset(value[1], field + "[1]", &out->end);
  if (!s.ok()) return s;
  const std::string shown =
      "[" + std::to_string(out->begin) + ", " + std::to_string(out->end) + "]";
  if (out->begin > out->end) {
    return FieldError(field, "span " + shown + " ends before it begins");
  }
  if (out->end > text_size) {
    return FieldError(field, "span " + shown + " is outside the text (" +
                                 std::to_string(text_size) + " bytes)");
  }
  return Status();
}

Status ReadOptionalSpan(const json& object, const char* key,
                        const std::string& path, std::size_t text_size,
                        std::optional<Span>* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Status();
  Span span;
  Status s = ReadSpan(*it, path + "." + key, text_size, &span);
  if (s.ok()) *out = span;
  return s;
}

Status ReadSpanArray(const json& value, const std::string& field,
                     std::size_t text_size, std::vector<Span>* out) {
  if (!value.is_array()) {
    return FieldError(field, "expected an array of spans, " + Got(value));
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    Span span;
    Status s = ReadSpan(value[i], field + "[" + std::to_string(i) + "]",
                        text_size, &span);
    if (!s.ok()) return s;
    out->push_back(span);
  }
  return Status();
}

Status ReadStringArray(const json& value, const std::string& field,
                       std::vector<std::string>* out) {
  if (!value.is_array()) {
    return FieldError(field, "expected an array of strings, " + Got(value));
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string s;
    Status status =
        ReadString(value[i], field + "[" + std::to_string(i) + "]", &s);
    if (!status.ok()) return status;
    out->push_back(std::move(s));
  }
  return Status();
}

Status ReadQuoteType(const json& quote, const std::string& path,
                     QuoteType* out) {
  auto it = quote.find("type");
  if (it == quote.end()) return FieldError(path + ".type", "missing");
  std::string name;
  Status s = ReadString(*it, path + ".type", &name);
  if (!s.ok()) return s;
  std::optional<QuoteType> type = ParseQuoteType(name);
  if (!type) {
    return FieldError(path + ".type", "unknown type \"" + name +
                                          "\" (direct, mixed or indirect)");
  }
  *out = *type;
  return Status();
}

// The fields every quote has: type, content, cue, speaker, speaker_name.
Status ReadQuoteCore(const json& quote, const std::string& path,
                     std::size_t text_size, Attribution* q) {
  Status s = ReadQuoteType(quote, path, &q->type);
  if (!s.ok()) return s;
  auto content = quote.find("content");
  if (content == quote.end()) return FieldError(path + ".content", "missing");
  s = ReadSpan(*content, path + ".content", text_size, &q->content);
  if (s.ok()) s = ReadOptionalSpan(quote, "cue", path, text_size, &q->cue);
  if (s.ok()) {
    s = ReadOptionalSpan(quote, "speaker", path, text_size, &q->speaker);
  }
  if (s.ok()) {
    s = ReadOptionalString(quote, "speaker_name", path, &q->speaker_name);
  }
  return s;
}

Status ReadConfidence(const json& quote, const std::string& path, double* out) {
  auto it = quote.find("confidence");
  if (it == quote.end() || it->is_null()) return Status();
  if (!it->is_number()) {
    return FieldError(path + ".confidence", "expected a number, " + Got(*it));
  }
  *out = it->get<double>();
  return Status();
}

Status ReadEntityIndex(const json& quote, const std::string& path,
                       std::size_t entity_count, int* out) {
  auto it = quote.find("entity");
  if (it == quote.end() || it->is_null()) return Status();
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
      it->get<std::uint64_t>() >= entity_count) {
    return FieldError(path + ".entity",
                      "expected null or an index into entities (" +
                          std::to_string(entity_count) + " entities), got " +
                          it->dump());
  }
  *out = it->get<int>();
  return Status();
}

// The optional, richer fields: content_parts, via, stance, speaker_*, rule,
// resolution, confidence, entity.
Status ReadQuoteExtras(const json& quote, const std::string& path,
                       std::size_t text_size, std::size_t entity_count,
                       Attribution* q) {
  Status s;
  auto parts = quote.find("content_parts");
  if (parts != quote.end() && !parts->is_null()) {
    s = ReadSpanArray(*parts, path + ".content_parts", text_size,
                      &q->content_parts);
  }
  auto via = quote.find("via");
  if (s.ok() && via != quote.end() && !via->is_null()) {
    s = ReadStringArray(*via, path + ".via", &q->via);
  }
  const std::pair<const char*, std::string*> strings[] = {
      {"stance", &q->stance},
      {"speaker_kind", &q->speaker_kind},
      {"speaker_role", &q->speaker_role},
      {"speaker_org", &q->speaker_org},
      {"rule", &q->rule},
      {"resolution", &q->resolution}};
  for (const auto& [key, field] : strings) {
    if (s.ok()) s = ReadOptionalString(quote, key, path, field);
  }
  if (auto negated = quote.find("negated");
      s.ok() && negated != quote.end() && !negated->is_null()) {
    if (!negated->is_boolean()) {
      s = FieldError(path + ".negated",
                     "expected true or false, " + Got(*negated));
    } else {
      q->negated = negated->get<bool>();
    }
  }
  if (s.ok()) s = ReadConfidence(quote, path, &q->confidence);
  if (s.ok()) s = ReadEntityIndex(quote, path, entity_count, &q->entity);
  return s;
}

Status ReadQuote(const json& quote, const std::string& path,
                 std::size_t text_size, std::size_t entity_count,
                 Attribution* q) {
  if (!quote.is_object()) {
    return FieldError(path, "expected an object, " + Got(quote));
  }
  Status s = ReadQuoteCore(quote, path, text_size, q);
  if (s.ok()) s = ReadQuoteExtras(quote, path, text_size, entity_count, q);
  return s;
}

Status ReadEntity(const json& entity, const std::string& path,
                  std::size_t text_size, Entity* e) {
  if (!entity.is_object()) {
    return FieldError(path, "expected an object, " + Got(entity));
  }
  Status s = ReadOptionalString(entity, "name", path, &e->name);
  if (s.ok()) s = ReadOptionalString(entity, "kind", path, &e->kind);
  if (s.ok()) s = ReadOptionalString(entity, "role", path, &e->role);
  if (s.ok()) s = ReadOptionalString(entity, "org", path, &e->org);
  auto mentions = entity.find("mentions");
  if (s.ok() && mentions != entity.end() && !mentions->is_null()) {
    s = ReadSpanArray(*mentions, path + ".mentions", text_size, &e->mentions);
  }
  return s;
}

// The array at `key`, or nullptr when it is absent or null.
StatusOr<const json*> OptionalArray(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  if (!it->is_array()) {
    return FieldError(key, "expected an array, " + Got(*it));
  }
  return &*it;
}

Status ReadEntities(const json& object, DocumentResult* doc) {
  StatusOr<const json*> entities = OptionalArray(object, "entities");
  if (!entities.ok()) return entities.status();
  if (*entities == nullptr) return Status();
  for (std::size_t i = 0; i < (*entities)->size(); ++i) {
    Entity e;
    Status s =
        ReadEntity((**entities)[i], "entities[" + std::to_string(i) + "]",
                   doc->text.size(), &e);
    if (!s.ok()) return s;
    doc->entities.push_back(std::move(e));
  }
  return Status();
}

Status ReadQuotes(const json& object, DocumentResult* doc) {
  StatusOr<const json*> quotes = OptionalArray(object, "quotes");
  if (!quotes.ok()) return quotes.status();
  if (*quotes == nullptr) return Status();
  for (std::size_t i = 0; i < (*quotes)->size(); ++i) {
    Attribution q;
    Status s = ReadQuote((**quotes)[i], "quotes[" + std::to_string(i) + "]",
                         doc->text.size(), doc->entities.size(), &q);
    if (!s.ok()) return s;
    doc->quotes.push_back(std::move(q));
  }
  return Status();
}

Status ReadRequiredString(const json& object, const char* key,
                          std::string* out) {
  auto it = object.find(key);
  if (it == object.end()) return FieldError(key, "missing");
  return ReadString(*it, key, out);
}

Status ReadDocument(const json& object, DocumentResult* doc) {
  if (!object.is_object()) {
    return Status::Error("expected a JSON object, " + Got(object));
  }
  Status s = ReadRequiredString(object, "id", &doc->id);
  if (s.ok()) s = ReadRequiredString(object, "text", &doc->text);
  // Entities first: quotes refer to them by index.
  if (s.ok()) s = ReadEntities(object, doc);
  if (s.ok()) s = ReadQuotes(object, doc);
  auto warnings = object.find("warnings");
  if (s.ok() && warnings != object.end() && !warnings->is_null()) {
    s = ReadStringArray(*warnings, "warnings", &doc->warnings);
  }
  return s;
}

}  // namespace

// The document text is made valid UTF-8 like the span texts: JSON has no
// way to carry other bytes. Offsets always index the original bytes, so for
// a text with invalid UTF-8 they do not index the "text" field of the line
// exactly; the Extractor reports such texts in "warnings".
void WriteJson(const DocumentResult& result, bool with_text, JsonSink& out) {
  out.BeginObject();
  out.Key("entities");
  out.BeginArray();
  for (const Entity& e : result.entities) WriteEntity(e, out);
  out.EndArray();
  out.Key("id");
  Utf8String(result.id, out);
  out.Key("quotes");
  out.BeginArray();
  for (const Attribution& q : result.quotes) WriteQuote(q, result.text, out);
  out.EndArray();
  if (with_text) {
    out.Key("text");
    Utf8String(result.text, out);
  }
  if (!result.warnings.empty()) {
    out.Key("warnings");
    WriteStringArray(result.warnings, out);
  }
  out.EndObject();
}

std::string ToJsonText(const DocumentResult& result, bool with_text) {
  // Room for the whole line at once rather than a dozen doublings: the
  // text, each quote's content text and some 600 bytes of fields a quote,
  // 128 an entity (more than news needs; a longer line only doubles it).
  std::size_t size =
      256 + (with_text ? result.text.size() : 0) + 128 * result.entities.size();
  for (const Attribution& q : result.quotes) size += 600 + q.content.size();
  std::string text;
  text.reserve(size);
  JsonTextWriter writer(&text);
  WriteJson(result, with_text, writer);
  return text;
}

json ToJson(const DocumentResult& result, bool with_text) {
  return json::parse(ToJsonText(result, with_text));
}

StatusOr<DocumentResult> FromJson(const json& object) {
  // The readers check types before every access, so nlohmann should never
  // throw here; the catch keeps that promise if a check was missed.
  try {
    DocumentResult doc;
    Status s = ReadDocument(object, &doc);
    if (!s.ok()) return s;
    return doc;
  } catch (const std::exception& e) {
    return Status::Error(std::string("malformed document: ") + e.what());
  }
}

}  // namespace whosaid
