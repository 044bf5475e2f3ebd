// Turning rule matches into attributions: who the speaker is (the fullest
// name in the document, role, organisation, kind), through whom the
// statement reached the reader (via), and how each decision was made.
#ifndef WHOSAID_RESOLVER_H_
#define WHOSAID_RESOLVER_H_

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "whosaid/attribution.h"
#include "whosaid/internal/word_start_filter.h"
#include "whosaid/matcher.h"
#include "whosaid/rule_set.h"

namespace whosaid {

// A match as handed to the resolver: a rule match, or a continuation of an
// earlier one (a quote paragraph with no attribution of its own).
struct Candidate {
  RuleMatch match;
  int continues = -1;  // index of the earlier candidate it continues, or -1
};

class Resolver {
 public:
  // Reads the lexicons PRONOUNS, SPEAKER_KINDS and ROLES of `rules` (absent
  // lexicons just make resolution poorer). `rules` must outlive the
  // resolver, which is immutable and thread-safe once built.
  explicit Resolver(const RuleSet& rules);

  // False if one of the resolver's own patterns failed to compile (a bug;
  // tests check it).
  bool ok() const;

  // Fills result->quotes and result->entities from `candidates` (in text
  // order) for the text result->text. Resolution rules, in order:
  //  - a pronoun goes to the most recent earlier mention of a compatible
  //    kind (he/she: person; it: organisation, media, document,
  //    government; they: anything but a person);
  //  - a definite description ("the newspaper", "the document") goes to the
  //    most recent earlier entity of its kind;
  //  - a single name word or a title and surname ("Wang", "Mr. Trump") goes
  //    to the fullest name in the document ending with that word;
  //  - anything else is explicit: its own entity, with role and
  //    organisation taken from an apposition or a title in the mention or
  //    anywhere in the document ("Wang Wenbin, spokesperson for the Chinese
  //    Foreign Ministry").
  void Resolve(const std::vector<Candidate>& candidates,
               DocumentResult* result) const;

 private:
  struct Analysis;
  struct Context;
  Analysis Analyse(std::string_view mention) const;
  // Splits "a spokesperson for the Parks Department" (a determiner, a role
  // or speaker noun, for/of/at, a capitalised organisation) into role and
  // organisation; false for anything else.
  bool SplitRoleOfOrg(std::string_view head, std::string* role,
                      std::string* org) const;
  // Splits "the Harbour Authority's spokesperson" (a capitalised owner, 's,
  // a role) into organisation and role; false for anything else.
  bool SplitOrgsRole(std::string_view head, std::string* org,
                     std::string* role) const;
  int FindOrAddEntity(Context& ctx, Span mention,
                      std::string* resolution) const;
  void ScanNames(Context& ctx) const;
  std::string KindOf(std::string_view phrase) const;
  // The stance a cue's lexicon entry gives (SAY_VERBS, then SAY_NOUNS), or
  // assert.
  std::string StanceOf(std::string_view cue) const;

  // The name, role and organisation of the apposition that
  // apposition_re_ found from `begin` to `end` of `text`; false if none.
  bool AppositionParts(std::string_view text, std::size_t begin,
                       std::size_t end, std::string_view* name,
                       std::string_view* role, std::string_view* org) const;

  const RuleSet& rules_;
  std::unique_ptr<RE2> name_re_;  // capitalised names in running text
  // Where name_re_ and apposition_re_ can start a match: they run anchored
  // there (see internal::FindLeftmost). No name filter (null) when an
  // abbreviation of the rules defeats it.
  std::unique_ptr<internal::WordStartFilter> name_filter_;
  std::unique_ptr<internal::WordStartFilter> apposition_filter_;
  std::unique_ptr<RE2> apposition_re_;          // "Name, role for Org"
  std::vector<Rule::Piece> apposition_pieces_;  // its pieces
  std::unique_ptr<RE2> title_re_;               // "Org Role Name"
};

}  // namespace whosaid

#endif  // WHOSAID_RESOLVER_H_
