// What whosaid finds: attributions, the entities that speak, and the result
// for one document.
#ifndef WHOSAID_ATTRIBUTION_H_
#define WHOSAID_ATTRIBUTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/span.h"

namespace whosaid {

// How the content is reported (see docs/output.md).
enum class QuoteType {
  kDirect,    // wholly inside quotation marks
  kMixed,     // reported clause containing a quoted fragment
  kIndirect,  // reported speech without quotation marks
};

// "direct", "mixed" or "indirect".
std::string_view QuoteTypeName(QuoteType type);
// Parses a name produced by QuoteTypeName; nullopt for anything else.
std::optional<QuoteType> ParseQuoteType(std::string_view name);

// One speaker (person, organisation, ...) of a document, with every mention
// that refers to it.
struct Entity {
  std::string name;  // the fullest name found in the document
  // person, organisation, government, media, document, group, anonymous,
  // unknown.
  std::string kind = "unknown";
  std::string role;  // "spokesperson", "Pentagon Press Secretary", or empty
  std::string org;   // "Chinese Foreign Ministry", or empty
  std::vector<Span> mentions;
};

// One attributed statement.
struct Attribution {
  QuoteType type = QuoteType::kDirect;
  // The reported content; for direct quotes the text inside the marks. For
  // a discontinuous content ("A," he said, "B.") this is the envelope and
  // content_parts holds the pieces.
  Span content;
  std::vector<Span> content_parts;
  std::optional<Span> cue;      // "said", "told reporters", "according to"
  std::optional<Span> speaker;  // the mention used here, if any
  std::string speaker_name;     // fullest name in the document, or empty
  std::string speaker_kind = "unknown";
  std::string speaker_role;
  std::string speaker_org;
  std::vector<std::string> via;  // relays, outermost last
  std::string stance;            // assert, deny, ... or empty
  // The cue is negated ("did not deny", "never said"): the stance is the
  // verb's class, and this says it was not done.
  bool negated = false;
  std::string rule;  // id of the rule that found it
  // explicit, pronoun, surname, title ("the spokesperson" for the last
  // person with that role), description, continuation, or unresolved
  // (a pronoun with nothing before it to refer to).
  std::string resolution;
  double confidence = 0;
  int entity = -1;  // index into DocumentResult::entities, or -1
};

// Everything whosaid says about one document.
struct DocumentResult {
  std::string id;
  std::string text;
  std::vector<Attribution> quotes;  // in order of content.begin
  std::vector<Entity> entities;
  // Problems met while reading the document that did not stop it, such as
  // invalid UTF-8 at a byte offset.
  std::vector<std::string> warnings;
};

}  // namespace whosaid

#endif  // WHOSAID_ATTRIBUTION_H_
