// Rule packs: loading, macro expansion, compilation. A RuleSet is built once
// and then frozen; it is immutable and safe to share between threads.
#ifndef WHOSAID_RULE_SET_H_
#define WHOSAID_RULE_SET_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whosaid/attribution.h"
#include "whosaid/status.h"

namespace re2 {
class RE2;
}

namespace whosaid {

namespace internal {
class EntryFinder;
class LazyRegex;
}  // namespace internal
class RulePrefilter;

// One file of a pack, held in memory so that packs on disk and packs
// compiled into the binary load the same way.
struct PackFile {
  std::string path;     // relative to the pack folder: "rules/x.yaml"
  std::string content;  // the file's bytes
};

// A pack: pack.yaml, macros.yaml, lexicons/*.txt, rules/*.yaml.
struct PackSource {
  // Where it came from, for error messages: a folder, or "<builtin>/en".
  std::string origin;
  std::vector<PackFile> files;
};

// Reads the pack files under `dir`: every *.yaml and *.yml at the top, and
// every file below lexicons/ and rules/ (misplaced ones included, so that
// Load reports them), skipping hidden files and editor backups (name~).
// The origin is `dir` without trailing slashes; paths are relative with '/'
// separators, sorted. Error if `dir` is not a readable folder or holds no
// pack.yaml. See docs/rules.md for the format.
StatusOr<PackSource> ReadPackDir(const std::string& dir);

// The English pack (rules/en) as compiled into the binary.
const PackSource& BuiltinEnglishPack();

// An example a rule must match: `text` is a whole paragraph. When content,
// speaker or cue is non-empty, the match must capture exactly that text
// (for direct quotes, `content` is the text inside the marks).
struct RuleExample {
  std::string text;
  std::string content;
  std::string speaker;
  std::string cue;
  int line = 0;  // line of the example in its file, for messages
};

// What text a rule is applied to, one piece at a time. `^` and `$` in its
// pattern match at the ends of that piece.
enum class RuleScope {
  kSentence,   // each sentence of the skeleton (the default)
  kParagraph,  // the whole skeleton of a paragraph: quotes split over
               // sentences, "A," he said. "B."
};

// A compiled rule.
struct Rule {
  std::string id;  // equal to the file name without .yaml
  std::string description;
  QuoteType type = QuoteType::kDirect;
  int priority = 0;  // higher wins when two matches overlap
  RuleScope scope = RuleScope::kSentence;
  // Whether the rule may leave the speaker out (`speaker: optional`): the
  // text does not say who asked "Asked whether the pier would reopen, …".
  bool speaker_optional = false;
  std::string source;   // "rules/en/rules/x.yaml", for messages
  std::string pattern;  // fully expanded RE2 pattern
  // The whole pattern, compiled. A cue-anchored rule needs it only when
  // two of its cues give a match from the same place, so it is compiled
  // then (see `whole`).
  const re2::RE2& regex() const;
  std::shared_ptr<const internal::LazyRegex> whole;
  // The cue-anchored form of the rule, when the top level of its pattern
  // holds the cue capture (BEFORE(?P<cue>CUE)AFTER): the matcher finds
  // each occurrence of CUE with `cue_finder` (shared by rules with the same
  // CUE), matches `from_cue` ("(?P<cue>CUE)AFTER") anchored there and
  // `before_cue` ("(?:BEFORE)$", null when BEFORE is empty) ending there.
  // All three are null when the rule can only run whole.
  std::shared_ptr<const re2::RE2> cue_finder;
  std::shared_ptr<const re2::RE2> from_cue;
  std::shared_ptr<const re2::RE2> before_cue;
  // "(?:S)$", where S is what follows the last top-level ".*" or ".*?"
  // of BEFORE (internal::AfterLastWildcard); null when it has none. It
  // is tested first: "X … and said" needs "and said", which a reverse
  // search finds or rules out within a few words, while `before_cue` runs
  // back over the whole sentence with its speaker's large DFA.
  std::shared_ptr<const re2::RE2> before_suffix;
  // "(?:AFTER)", null when AFTER is empty: the captures of the part after
  // the cue come from this smaller program when the cue ends where the
  // finder's match ends and `after_pieces` cannot give them (see
  // Matcher::RunFromCues). Compiled on first use: most rules never need
  // it. When it does not compile, the matcher takes the captures from
  // `from_cue`.
  std::shared_ptr<const internal::LazyRegex> after_cue;
  // BEFORE and AFTER split at their top-level named groups, each piece
  // compiled alone (empty when a side does not split so): the matcher
  // finds a side's captures by running its pieces one after another,
  // falling back to `before_cue` or `after_cue` when that does not give
  // the side's parse (Matcher::CapturesByPieces).
  struct Piece;
  // Pieces are compiled on first use: most are needed only for the
  // captures of a rule that matches, and many rules never do in a run.
  struct Alternative {
    std::shared_ptr<const internal::LazyRegex> regex;
    bool named = false;  // whether it holds a named group
    // The alternative split so in turn (empty when it does not split).
    std::vector<Piece> pieces;
  };
  struct Piece {
    std::string group;  // empty for a piece between groups
    std::shared_ptr<const internal::LazyRegex> regex;
    // For the last piece: "(?:PIECE)$", which finds where it can start
    // at the earliest (null for the others).
    std::shared_ptr<const internal::LazyRegex> ending;
    // For a group holding named groups ("(?:A(?P<via>V)|B)?"): its
    // alternatives in the order the parse prefers them.
    std::vector<Alternative> alternatives;
  };
  std::vector<Piece> before_pieces;
  std::vector<Piece> after_pieces;
  // Whether to try `before_cue` before `from_cue` (the smaller program,
  // unless BEFORE holds a run of any characters: both must match, and the
  // first to fail saves the other).
  bool before_cue_first = false;
  // Whether every match of BEFORE, or of AFTER, holds a quotation's
  // placeholder (internal::RequiresLiteral): a cue with no placeholder on
  // that side of it in the sentence cannot give a match, and the matcher
  // skips it without running the side's regex.
  bool before_needs_quote = false;
  bool after_needs_quote = false;
  std::vector<RuleExample> examples;
  std::vector<std::string> counterexamples;
};

// The names of captures a rule may use. Every rule captures `speaker`;
// others are optional. `content2` is the second part of a split quote;
// `via` a relay (as cited by X); `addressee` whom the speaker told, which is
// a relay when it is a news medium (told Reuters).
inline constexpr std::string_view kCaptureNames[] = {
    "content", "content2", "speaker", "cue", "via", "addressee", "role", "org"};

// The token the skeleton puts in place of each top-level quotation:
// "⟦", a kind letter, the decimal quote index, "⟧". The letter is
// kSpeechMark for a quotation that reads like speech, kFragmentMark for
// speech that begins with a lowercase letter (it continues the sentence
// around it: 'The pier, she said, "is not safe."') and kTitleMark for one
// that reads like a title, a name or a scare quote (every word capitalised,
// or just after "so-called", "titled", "dubbed" and the like). Rules refer to
// any quotation through the built-in macro %{QUOTE}, to speech-like ones
// only through %{SPEECH} and to fragments only through %{FRAGMENT}.
inline constexpr std::string_view kPlaceholderOpen = "\u27e6";
inline constexpr char kSpeechMark = 'Q';
inline constexpr char kFragmentMark = 'q';
inline constexpr char kTitleMark = 'T';
inline constexpr std::string_view kPlaceholderClose = "\u27e7";

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();

  // Loads, expands and compiles `packs`, in order. Macros and lexicons of
  // all packs share one namespace; a later pack may redefine a name, and a
  // rule with the id of an earlier one replaces it. Rules are expanded once
  // every pack is read, so a redefinition applies to earlier packs' rules
  // too. Stops at the first error, with a message
  // "FILE:LINE:COL: [rule ID: ]what" (FILE is origin + "/" + path; line and
  // column are 1-based), on YAML syntax errors, unknown keys, missing
  // required keys, bad values, unknown macros, macro cycles, capture names
  // used twice or not in kCaptureNames, a missing `speaker` capture, RE2
  // compile errors (memory at most 8 MiB per rule, or 32 bytes a byte of a
  // longer pattern, such as a large lexicon's), patterns matching
  // the empty string and malformed lexicon lines. Never throws. The rules'
  // patterns compile on up to four threads (as many as there are cores).
  static StatusOr<std::shared_ptr<const RuleSet>> Load(
      const std::vector<PackSource>& packs);

  // Rules sorted by descending priority, then id.
  const std::vector<Rule>& rules() const { return rules_; }
  // Indices into rules(), in order, of the rules that may match `text`:
  // every rule that matches is among them, most that cannot are not (see
  // RulePrefilter). Thread-safe.
  void CandidateRules(std::string_view text,
                      std::vector<int>* rule_indices) const;

  // The rule with `id`, or nullptr.
  const Rule* Find(std::string_view id) const;

  // The attribute that a lexicon line gives `phrase` ("denied | deny" gives
  // "deny" for "denied"), matched case-insensitively; when `phrase` is not
  // an entry, the attribute of the longest entry it contains as whole
  // words ("did not deny" gives "deny"); empty if none. `lexicon` is the
  // macro name (SAY_VERBS; its case is ignored). `phrase` is compared with
  // ASCII letters lower-cased and each whitespace run read as one space.
  std::string AttributeOf(std::string_view lexicon,
                          std::string_view phrase) const;
  // True if `phrase` is an entry of `lexicon`, compared as in AttributeOf.
  bool InLexicon(std::string_view lexicon, std::string_view phrase) const;

  // Lexicon name (file stem, upper-cased: lexicons/say_verbs.txt is
  // SAY_VERBS) to entry (ASCII lower-cased, single spaces) to attribute
  // (may be empty). A lexicon replaced by a later pack's macro is gone.
  using Lexicon = std::map<std::string, std::string, std::less<>>;
  const std::map<std::string, Lexicon, std::less<>>& lexicons() const {
    return lexicons_;
  }

 private:
  // The entry finder of lexicon `name` (case-insensitive), or null.
  const internal::EntryFinder* FinderOf(std::string_view name) const;

  std::vector<Rule> rules_;
  std::map<std::string, Lexicon, std::less<>> lexicons_;
  // Hashes std::string and std::string_view alike, so that a look-up by
  // a string_view builds no string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  // For each lexicon, what finds its entries inside a phrase. Hashed: every
  // look-up starts here.
  std::unordered_map<std::string, std::unique_ptr<internal::EntryFinder>,
                     NameHash, std::equal_to<>>
      entry_finders_;
  // Owns the rules' compiled patterns, and tells which may match a text.
  std::shared_ptr<RulePrefilter> prefilter_;
  // Parallel to rules_: the prefilter ids of a rule's patterns, all of
  // which must be potential matches for the rule to be a candidate.
  std::vector<std::vector<int>> filter_ids_;
  int prefilter_size_ = 0;  // one more than the largest id in filter_ids_
};

}  // namespace whosaid

#endif  // WHOSAID_RULE_SET_H_
