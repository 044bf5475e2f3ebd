// The readable listing of `whosaid extract --format text`.
#ifndef WHOSAID_TEXT_FORMAT_H_
#define WHOSAID_TEXT_FORMAT_H_

#include <string>

#include "whosaid/attribution.h"

namespace whosaid {

// One block per document: a header line with the id and the number of
// attributions, then one line per attribution,
//   speaker name [role, org] (via relay) — cue [stance] — "content"
// with long contents shortened in the middle, then the warnings.
std::string FormatText(const DocumentResult& result);

}  // namespace whosaid

#endif  // WHOSAID_TEXT_FORMAT_H_
