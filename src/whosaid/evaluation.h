// Scoring system attributions against gold ones, as described in
// ../shared/eval/FORMAT.md ("How to score"), made precise here.
//
// Matching. Within one document, a gold quote and a system quote are a
// candidate pair when the Jaccard index of their `content` spans over bytes
// (|A ∩ B| / |A ∪ B|, the envelopes, not content_parts) is at least 0.5.
// The matching is one-to-one and greedy: candidate pairs are taken by
// descending Jaccard (ties by gold order, then system order), skipping any
// pair whose gold or system quote is already taken. This is not always an
// optimal assignment, but when the quotes of each side do not overlap one
// another, each quote has at most one candidate above 0.5, so greedy can
// only lose a pair through ties at exactly 0.5.
// The per-type rows match gold quotes of type T with system quotes of type T
// only; the overall row matches regardless of type.
//
// Exact detection is a second, independent matching of the same kind whose
// candidate pairs have equal content spans after trimming, from both ends,
// ASCII whitespace and punctuation, Unicode spaces, dashes, the ellipsis and
// quotation marks (“ ” ‘ ’ ‚ ‛ „ ‟ « » ‹ › 「 」 『 』 ＂).
//
// Speaker. A matched pair has the right speaker when
//   - both speaker spans are present and overlap, or
//   - the speaker_name strings share a name word, or
//   - both speakers are null: no span and an empty speaker_name on each side.
// A word is a maximal run of letters (ASCII letters and non-ASCII code
// points that are not spaces, punctuation or quotation marks; so hyphens and
// apostrophes split words). A name word has at least two letters, starts
// with an uppercase letter (A-Z, Latin-1, Latin Extended-A, Greek or
// Cyrillic capitals) and is not a stop word: articles, pronouns and
// determiners (The, He, Its, This, ...), honorifics and titles (Mr, Mrs,
// Ms, Dr, Sen, Rep, Gov, President, Minister, ...), suffixes (Jr, Sr) and
// words every institution has (Department, Ministry, Office, Agency,
// Committee, Government). So "the ministry" has no name word at all. Name
// words compare ASCII case-insensitively: "ANN LEE" shares "Lee" with "Ann
// Lee".
//
// End to end. A hit is a pair of the overlap matching whose speaker is
// right; precision is over system quotes, recall over gold quotes.
//
// All offsets index the gold document's text (the text the system ran on);
// trimming reads that text for both sides.
#ifndef WHOSAID_EVALUATION_H_
#define WHOSAID_EVALUATION_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "whosaid/attribution.h"

namespace whosaid {

struct EvalOptions {
  // Only quotes of these types, gold and system alike, are scored; empty
  // (the default) scores all types.
  std::vector<QuoteType> types;
};

// Counts and the rates made from them. A rate whose denominator is zero is
// 0: precision = tp / (tp + fp), recall = tp / (tp + fn), f1 their harmonic
// mean.
struct PRF {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct TypeScores {
  PRF overlap;                  // detection, Jaccard >= 0.5
  PRF exact;                    // detection, equal trimmed spans
  int matched = 0;              // pairs of the overlap matching (== overlap.tp)
  int speaker_correct = 0;      // of those, pairs with the right speaker
  double speaker_accuracy = 0;  // speaker_correct / matched, 0 if none
  PRF end_to_end;               // hit = overlap pair with the right speaker
};

struct EvalReport {
  // "direct", "mixed", "indirect": every type scored (all three, or those of
  // EvalOptions::types), present even when it has no quotes.
  std::map<std::string, TypeScores> by_type;
  TypeScores overall;  // type-agnostic matching over the scored types
  int documents = 0;   // gold documents scored
  // Gold documents without a system document of the same id; all their
  // quotes count as misses.
  int missing_documents = 0;
  // System documents whose id is not in gold; ignored.
  int extra_documents = 0;
};

// Scores `system` against `gold`, matching documents by id: every gold
// document is scored, against the first system document with its id. Never
// fails. Spans should lie within the gold text (FromJson checks that);
// trimming clips those that do not.
EvalReport Evaluate(const std::vector<DocumentResult>& gold,
                    const std::vector<DocumentResult>& system,
                    const EvalOptions& options = {});

// A plain-text table: one row per scored type and "overall", with P, R and
// F1 (and counts) for overlap and exact detection, speaker accuracy, and
// end to end; then the document counts. Ends with a newline.
std::string FormatReport(const EvalReport& report);

// The report as JSON: {"documents", "missing_documents", "extra_documents",
// "by_type": {TYPE: scores}, "overall": scores}, where scores are
// {"overlap", "exact", "end_to_end": {"tp", "fp", "fn", "precision",
// "recall", "f1"}, "matched", "speaker_correct", "speaker_accuracy"}.
nlohmann::json ReportToJson(const EvalReport& report);

}  // namespace whosaid

#endif  // WHOSAID_EVALUATION_H_
