// Applying the rules of a RuleSet to the skeleton of a paragraph.
#ifndef WHOSAID_MATCHER_H_
#define WHOSAID_MATCHER_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whosaid/attribution.h"
#include "whosaid/quote_scanner.h"
#include "whosaid/rule_set.h"
#include "whosaid/skeleton.h"
#include "whosaid/span.h"

namespace whosaid {

// One match of one rule, in original byte offsets.
struct RuleMatch {
  const Rule* rule = nullptr;
  // Derived from the content: direct when it is exactly one quotation (or
  // two, for a split quote), mixed when a reported clause holds a
  // quotation, indirect otherwise.
  QuoteType type = QuoteType::kIndirect;
  Span content;                     // for direct quotes: inside the marks
  std::vector<Span> content_parts;  // the pieces of a split quote
  std::optional<Span> speaker;
  std::optional<Span> cue;
  std::optional<Span> via;
  std::optional<Span> addressee;
  std::optional<Span> role;
  std::optional<Span> org;
  Span whole;               // the whole match
  std::vector<int> quotes;  // indices of the quotations it attributes
};

class Matcher {
 public:
  // `rules` must outlive the matcher. Cheap to build; immutable and
  // thread-safe once built.
  explicit Matcher(const RuleSet& rules);

  // Appends to `out` every match of every rule in the paragraph whose
  // skeleton is `skeleton`, overlapping ones included: sentence-scoped
  // rules run on each of `sentences` (spans of the skeleton's text),
  // paragraph-scoped rules on the whole skeleton. `quotes` are the
  // quotations the skeleton was built from.
  void MatchParagraph(const Skeleton& skeleton,
                      const std::vector<Span>& sentences,
                      const std::vector<Quote>& quotes,
                      std::vector<RuleMatch>* out) const;

  // True when `word` is a reporting verb (an entry of lexicon SAY_VERBS):
  // what Skeleton::Sentences needs to keep a quotation with its
  // attribution.
  bool IsCue(std::string_view word) const;

  // The same for a single rule (used to test a rule's examples).
  void MatchRule(const Rule& rule, const Skeleton& skeleton,
                 const std::vector<Span>& sentences,
                 const std::vector<Quote>& quotes,
                 std::vector<RuleMatch>* out) const;

 private:
  // Capture-group numbers of one regex, -1 where it lacks the capture.
  struct Groups {
    // The named groups (index, name), the name owned by the regex.
    std::vector<std::pair<int, const std::string*>> named;
    int count = 0;
  };
  // The groups of a rule's whole regex and of its cue-anchored parts.
  struct RuleGroups {
    Groups whole, before_cue, from_cue;
  };
  struct Captures;
  class CueCache;

  void RunScoped(const Rule& rule, const RuleGroups& groups,
                 const Skeleton& skeleton, const std::vector<Span>& sentences,
                 const std::vector<Quote>& quotes,
                 std::vector<RuleMatch>* out) const;
  // Runs `rule` on `piece` of the skeleton: from each occurrence of its cue
  // when it has a cue-anchored form, else as one regex at every position.
  // Either way, like an unanchored search repeated after each match: each
  // match starts at or after the end of the one before.
  void Run(const Rule& rule, const RuleGroups& groups, const Skeleton& skeleton,
           Span piece, const std::vector<Quote>& quotes, CueCache& cues,
           std::vector<RuleMatch>* out) const;
  void RunWhole(const Rule& rule, const Groups& groups,
                const Skeleton& skeleton, Span piece,
                const std::vector<Quote>& quotes,
                std::vector<RuleMatch>* out) const;
  void RunFromCues(const Rule& rule, const RuleGroups& groups,
                   const Skeleton& skeleton, Span piece,
                   const std::vector<Quote>& quotes, CueCache& cues,
                   std::vector<RuleMatch>* out) const;
  // Turns what a match of `rule` captured in `piece` into a RuleMatch and
  // appends it to `out`, unless the rule's constraints reject it (a direct
  // rule whose content is no quotation, a speaker in NOT_SPEAKERS).
  void AddMatch(const Rule& rule, const Captures& captures,
                const Skeleton& skeleton, Span piece,
                const std::vector<Quote>& quotes,
                std::vector<RuleMatch>* out) const;
  static Groups GroupsOf(const re2::RE2* regex);
  // Fills the captures of a side of a cue-anchored match that runs from
  // `begin` to `end` of `text` from the side's `pieces` (Rule::Piece,
  // internal/piece_parse.h); false (captures untouched) when that cannot
  // give the captures RE2 would over the whole side.
  static bool CapturesByPieces(const std::vector<Rule::Piece>& pieces,
                               std::string_view text, std::size_t begin,
                               std::size_t end, Captures* captures);
  // Fills the captures of a cue-anchored match from the cue on, the cue
  // being [cue, cue_end) as the finder found it and the match ending at
  // `end`, from the rule's `after_pieces` or its `after_cue` alone; false
  // (captures untouched) when that cannot give the captures the whole
  // side would.
  static bool AfterCueCaptures(const Rule& rule, std::string_view text,
                               std::size_t cue, std::size_t cue_end,
                               std::size_t end, Captures* captures);
  static RuleGroups RuleGroupsOf(const Rule& rule);

  const RuleSet& rules_;
  std::vector<RuleGroups> groups_;  // parallel to rules_.rules()
};

// Chooses among overlapping candidates. A split quote whose second part has
// a speaker of its own in another candidate is dropped first. Then: higher
// priority first, then the longer content, then the earlier one; a candidate is
// dropped when its content or its cue overlaps a chosen one's, or it attributes
// a quotation already attributed. Contents may overlap when one statement is
// reported inside the other: the inner match's speaker and cue lie in the outer
// content ("According to the paper, the council promised to pay"); and, given
// `text`, a statement keeps the quotation of a relative clause inside it
// after its cue ("Ruiz said it was what she called "a tax""). An
// indirect statement whose content runs into a chosen second statement of
// the same speaker ("Ruiz said the pier was late, and accused the council
// of …") ends before it instead of being dropped (see
// EndBeforeSecondStatement; a chosen one that a coordinator joins to
// such a second statement ends before it too, EndBeforeJoinedStatement),
// and so does one that runs into a chosen
// statement of another speaker behind a clause boundary
// (EndBeforeNestedStatement); that needs `text`, the document's text, and
// `quotes`, the quotations the matches' indices refer to (a shortened
// statement attributes only those left inside it). Returns the chosen
// matches in text order.
std::vector<RuleMatch> SelectMatches(std::vector<RuleMatch> candidates,
                                     std::string_view text = {},
                                     std::span<const Quote> quotes = {});

// When `second` is a statement of the same speaker whose cue lies within
// the indirect content of `m`, after its start ("Ruiz said [the pier was
// late, and accused the council of …]"), ends `m`'s content before that
// cue and the words that join the two ("and", "but", commas) and returns
// true; returns false and leaves `m` as it was otherwise. The speakers may
// also differ when `second`'s stands before `m`'s cue and a coordinator
// joins the two verbs: one subject, of which `second`'s rule read less
// ("Harbour board chair Ana Ruiz called on … and said …").
bool EndBeforeSecondStatement(const RuleMatch& second, std::string_view text,
                              RuleMatch* m);

// Like EndBeforeSecondStatement, for a `first` statement chosen before its
// speaker's `second` one: only when a coordinator joins them ("Ruiz
// praised [the pier and said …]"), so that a second match of the same
// speaker that merely lies inside `first` does not cut it.
bool EndBeforeJoinedStatement(const RuleMatch& second, std::string_view text,
                              RuleMatch* first);

// When `inner`'s speaker and cue lie within the content of `outer` (not a
// direct quote), after its start, behind a clause boundary ("X said [A,
// but B said C]", "…; B said", "… while B said", "… and B said"), ends
// `outer`'s content before that boundary and returns true; returns false
// and leaves `outer` as it was otherwise ("X said [the people who said C
// were wrong]" has no boundary before "who").
bool EndBeforeNestedStatement(const RuleMatch& inner, std::string_view text,
                              RuleMatch* outer);

}  // namespace whosaid

#endif  // WHOSAID_MATCHER_H_
