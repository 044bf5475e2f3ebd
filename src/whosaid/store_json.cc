#include "whosaid/store_json.h"

#include <string>

namespace whosaid {
namespace {

using nlohmann::json;

json StringOrNull(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json SpanOrNull(const std::optional<Span>& span) {
  return span ? json::array({span->begin, span->end}) : json(nullptr);
}

json MarksToJson(const std::vector<QuoteMark>& marks, std::string_view text) {
  json out = json::array();
  for (const QuoteMark& mark : marks) {
    out.push_back({{"kind", std::string(QuoteMarkKindName(mark.kind))},
                   {"span", {mark.span.begin, mark.span.end}},
                   {"text", std::string(mark.span.In(text))}});
  }
  return out;
}

}  // namespace

json StoredAttributionToJson(const StoredAttribution& stored) {
  const Attribution& a = stored.attribution;
  json parts = json::array();
  for (const Span& part : a.content_parts) {
    parts.push_back({part.begin, part.end});
  }
  return json{{"document",
               {{"id", stored.document_id},
                {"url", StringOrNull(stored.meta.url)},
                {"date", StringOrNull(stored.meta.date)},
                {"outlet", StringOrNull(stored.meta.outlet)},
                {"title", StringOrNull(stored.meta.title)}}},
              {"type", std::string(QuoteTypeName(a.type))},
              {"content", {a.content.begin, a.content.end}},
              {"content_parts", parts},
              {"content_text", stored.content_text},
              {"cue", SpanOrNull(a.cue)},
              {"cue_text", StringOrNull(stored.cue_text)},
              {"speaker", SpanOrNull(a.speaker)},
              {"speaker_text", StringOrNull(stored.speaker_text)},
              {"speaker_name", StringOrNull(a.speaker_name)},
              {"speaker_kind", a.speaker_kind},
              {"speaker_role", StringOrNull(a.speaker_role)},
              {"speaker_org", StringOrNull(a.speaker_org)},
              {"via", a.via},
              {"stance", StringOrNull(a.stance)},
              {"negated", a.negated},
              {"rule", a.rule},
              {"resolution", a.resolution},
              {"confidence", a.confidence},
              {"quote", stored.quote_key},
              {"relevance", stored.relevance}};
}

json QuoteGroupToJson(const QuoteGroup& group) {
  return json{{"quote", group.key},
              {"text", group.text},
              {"occurrences", group.occurrences},
              {"first_seen", StringOrNull(group.first_seen)},
              {"last_seen", StringOrNull(group.last_seen)},
              {"outlets", group.outlets},
              {"speakers", group.speakers},
              {"documents", group.document_ids}};
}

json VerifyResultToJson(std::string_view claim, const VerifyResult& result) {
  json matches = json::array();
  for (const VerifyMatch& match : result.matches) {
    const QuoteComparison& c = match.comparison;
    matches.push_back(
        {{"similarity", c.similarity},
         {"verbatim", c.verbatim()},
         {"whole", c.whole()},
         {"diff", FormatWordDiff(c.diff)},
         {"marks", MarksToJson(match.marks, match.stored.content_text)},
         {"attribution", StoredAttributionToJson(match.stored)}});
  }
  return json{{"claim", std::string(claim)},
              {"verdict", std::string(VerdictName(result.verdict))},
              {"matches", matches}};
}

}  // namespace whosaid
