#include "whosaid/resolver.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "whosaid/internal/piece_parse.h"
#include "whosaid/internal/word_start_filter.h"
#include "whosaid/segmenter.h"

namespace whosaid {
namespace {

// Words that start a capitalised run without being part of a name.
constexpr std::string_view kLeadingFunctionWords[] = {
    "the", "a",   "an",  "but",    "and",   "in",    "on",      "at",
    "as",  "if",  "for", "while",  "when",  "after", "earlier", "according",
    "by",  "to",  "of",  "with",   "from",  "that",  "this",    "it",
    "he",  "she", "we",  "they",   "i",     "his",   "her",     "their",
    "its", "our", "so",  "though", "under", "since", "last",    "next"};

// Determiners that open a description ("the agency", "a senior official").
constexpr std::string_view kDeterminers[] = {
    "the", "a",    "an",   "another", "this", "that",    "these", "those",
    "one", "two",  "some", "several", "many", "his",     "her",   "their",
    "its", "both", "most", "other",   "more", "various", "our",   "all"};

constexpr std::string_view kDefinite[] = {"the",   "this",  "that",
                                          "these", "those", "both"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <std::size_t N>
bool OneOf(std::string_view word, const std::string_view (&list)[N]) {
  const std::string lower = Lower(word);
  return std::find(std::begin(list), std::end(list), lower) != std::end(list);
}

bool IsUpperStart(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = word[0];
  // Non-ASCII letters are treated as capitals when they open a word: most
  // non-Latin names in English news start with one.
  return std::isupper(c) || c >= 0x80;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// True for a courtesy title alone ("Mrs.", "Mr"): part of a name, not a
// role ("Jennifer Palmieri, Mrs. Clinton's communications director").
bool IsHonorific(std::string_view role) {
  for (std::string_view title :
       {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr."}) {
    if (role == title) return true;
  }
  return false;
}

// True for a short run of capitalised words: "Ana Ruiz", "John McCain".
bool IsCapitalisedName(std::string_view phrase) {
  const std::vector<std::string_view> words = Words(phrase);
  return !words.empty() && words.size() <= 4 &&
         std::all_of(words.begin(), words.end(),
                     [](std::string_view w) { return IsUpperStart(w); });
}

std::string Join(const std::vector<std::string_view>& words, std::size_t from,
                 std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out.append(words[i]);
  }
  return out;
}

// The text from words[from] to words[to - 1] as it stands in the string
// that `words` are views of, in order (as Words gives them): for look-ups,
// which read it as they read Join(words, from, to), each whitespace run
// one space, without building it. Empty if from >= to.
std::string_view Stretch(const std::vector<std::string_view>& words,
                         std::size_t from, std::size_t to) {
  to = std::min(to, words.size());
  if (from >= to) return {};
  const char* begin = words[from].data();
  return std::string_view(begin,
                          words[to - 1].data() + words[to - 1].size() - begin);
}

std::string_view StripPunct(std::string_view s) {
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ';' ||
                        s.back() == ':')) {
    s.remove_suffix(1);
  }
  return s;
}

// Whether `words` end in a share of those polled: "six in 10", "more than
// one in five".
bool IsShareOfPolled(const std::vector<std::string_view>& words) {
  static constexpr std::string_view kCounts[] = {"10", "ten", "five", "four",
                                                 "three"};
  const std::size_t n = words.size();
  return n >= 3 && words[n - 2] == "in" &&
         OneOf(StripPunct(words[n - 1]), kCounts);
}

bool SharesWord(std::string_view name, std::string_view word) {
  for (std::string_view w : Words(name)) {
    if (StripPunct(w) == word) return true;
  }
  return false;
}

bool PronounFits(std::string_view pronoun_kind, std::string_view kind) {
  if (pronoun_kind == "person") return kind == "person";
  if (pronoun_kind == "organisation")
    return kind == "organisation" || kind == "media" || kind == "document" ||
           kind == "government";
  // "they": groups, organisations, anonymous sources.
  return kind != "person" && kind != "document";
}

// The entries of lexicon ROLES as an RE2 alternation, longest first so
// that "chief executive" wins over "chief"; without the lexicon, a pattern
// that matches nothing.
std::string RoleAlternation(const RuleSet& rules) {
  auto it = rules.lexicons().find("ROLES");
  if (it == rules.lexicons().end() || it->second.empty()) return "\\b\\B";
  std::vector<std::string> entries;
  for (const auto& [entry, attribute] : it->second) entries.push_back(entry);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.size() > b.size();
                   });
  std::string alternation = "(?i:";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) alternation += '|';
    alternation += RE2::QuoteMeta(entries[i]);
  }
  return alternation + ")";
}

// True when one of the two words before `cue_begin` negates the cue: "did
// not deny", "never said", "didn't say".
bool NegatedBefore(std::string_view text, std::size_t cue_begin) {
  std::string_view before = text.substr(0, cue_begin);
  for (int word = 0; word < 2; ++word) {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const std::size_t space = before.find_last_of(' ');
    std::string_view w =
        before.substr(space == std::string_view::npos ? 0 : space + 1);
    if (w == "not" || w == "never" || w == "Never" || w.ends_with("n't") ||
        w.ends_with("n’t")) {
      return true;
    }
    before = before.substr(0, space == std::string_view::npos ? 0 : space);
  }
  return false;
}

// Whether a definite description's `modifiers` allow it to refer back to
// the entity named `name`: each is a word of the name ("the news agency"
// for "Kyodo news agency") or only points back ("the same report").
bool ModifiersFit(const std::vector<std::string>& modifiers,
                  std::string_view name) {
  static constexpr std::string_view kPointingBack[] = {
      "same",     "new",  "latest", "recent", "earlier", "previous",
      "original", "full", "entire", "whole",  "former",  "official"};
  const std::string lower = Lower(name);
  return std::all_of(
      modifiers.begin(), modifiers.end(), [&](const std::string& m) {
        return SharesWord(lower, m) ||
               std::find(std::begin(kPointingBack), std::end(kPointingBack),
                         m) != std::end(kPointingBack);
      });
}

enum class Gender { kUnknown, kMale, kFemale };

// The gender a person mention states: a title ("Mr.", "Mrs.", "Ms.") or a
// word such as "spokeswoman" or "congressman"; kUnknown otherwise.
Gender GenderOf(std::string_view mention) {
  for (std::string_view w : Words(mention)) {
    const std::string word = Lower(StripPunct(w));
    if (word == "mr" || word == "mr.") return Gender::kMale;
    if (word == "mrs" || word == "mrs." || word == "ms" || word == "ms." ||
        word == "miss") {
      return Gender::kFemale;
    }
    // Role words are lowercase; "Wasserman" is a name.
    if (w.empty() || !std::islower(static_cast<unsigned char>(w[0]))) continue;
    if (word.ends_with("woman") || word.ends_with("women")) {
      return Gender::kFemale;
    }
    if ((word.ends_with("man") || word.ends_with("men")) && word != "german" &&
        word != "human") {
      return Gender::kMale;
    }
  }
  return Gender::kUnknown;
}

// Whether pronoun `pronoun` (lower-cased) may stand for a person of
// gender `g`.
bool GenderFits(std::string_view pronoun, Gender g) {
  if (pronoun == "he") return g != Gender::kFemale;
  if (pronoun == "she") return g != Gender::kMale;
  return true;
}

}  // namespace

// What a speaker mention says about itself.
struct Resolver::Analysis {
  enum class Form { kPronoun, kDescription, kName, kGroup };
  Form form = Form::kName;
  std::string name;  // as it should be shown
  std::string kind;  // from lexicons; empty if unknown
  std::string role;
  std::string org;
  bool definite = false;  // a definite description that refers back
  bool single_word = false;
  std::string key_word;  // the word to look up earlier full names by
  std::string head;      // a description's last word, lower-cased
  // A description's words between determiner and head, lower-cased: "the
  // congressional report" refers back only to an entity whose name has
  // "congressional".
  std::vector<std::string> modifiers;
};

// A string-keyed hash map that is looked up by string_view without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};
template <typename Value>
using StringMap =
    std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

struct Resolver::Context {
  std::string_view text;
  std::vector<Entity> pool;  // every entity met, used or not
  // Parallel to pool: what a mention's title or role word says of a
  // person ("Mrs.", "spokesman"), for "he" and "she".
  std::vector<Gender> genders;
  // Every mention seen so far, sorted by where it begins; of mentions
  // that begin at one place, the one added last comes first. A set, not a
  // sorted vector: speakers' mentions are added among the names' ones,
  // and inserting into a vector would make a long document quadratic.
  struct Mention {
    Span span;
    int entity = 0;
    std::uint64_t newness = 0;  // smaller for a mention added later
  };
  struct ByPlace {
    bool operator()(const Mention& a, const Mention& b) const {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin
                                          : a.newness < b.newness;
    }
  };
  std::set<Mention, ByPlace> mentions;

  // The first mention that begins at `begin` or after it.
  std::set<Mention, ByPlace>::const_iterator MentionsFrom(
      std::size_t begin) const {
    return mentions.lower_bound(Mention{Span{begin, begin}, 0, 0});
  }

  // Indices into pool, so that a long document stays linear: by name
  // (names are unique in the pool), by each word of the name (without
  // its trailing punctuation, as SharesWord reads it) and by each ending
  // of the name that starts after a space ("Wenbin" and "Wang Wenbin" for
  // "Wang Wenbin"). Each list is in ascending order.
  StringMap<int> by_name;
  StringMap<std::vector<int>> by_word;
  StringMap<std::vector<int>> by_ending;

  // The pool index of the entity named `name`, or -1.
  int Find(std::string_view name) const {
    auto it = by_name.find(name);
    return it == by_name.end() ? -1 : it->second;
  }
  // Appends `entity`, whose name no entity of the pool has, and indexes
  // it; returns its index.
  int Add(Entity entity) {
    const int index = static_cast<int>(pool.size());
    const std::string_view name = entity.name;
    by_name.emplace(std::string(name), index);
    for (std::string_view word : Words(name)) {
      std::vector<int>& list = by_word[std::string(StripPunct(word))];
      if (list.empty() || list.back() != index) list.push_back(index);
    }
    for (std::size_t i = 0; i <= name.size(); ++i) {
      if (i == 0 || name[i - 1] == ' ')
        by_ending[std::string(name.substr(i))].push_back(index);
    }
    pool.push_back(std::move(entity));
    return index;
  }
  // The entities with a name word equal to `word`, in pool order.
  const std::vector<int>& WithWord(std::string_view word) const {
    return ListOf(by_word, word);
  }
  // The entities named `name`, or with a fuller name ending with a space
  // and `name` ("Wang Wenbin" for "Wenbin"), in pool order.
  const std::vector<int>& EndingWith(std::string_view name) const {
    return ListOf(by_ending, name);
  }

  void AddMention(Span span, int entity) {
    auto it = MentionsFrom(span.begin);
    if (it != mentions.end() && it->span == span && it->entity == entity)
      return;
    mentions.insert(it, Mention{span, entity,
                                std::numeric_limits<std::uint64_t>::max() -
                                    mentions.size()});
    genders.resize(pool.size(), Gender::kUnknown);
    if (genders[entity] == Gender::kUnknown) {
      genders[entity] = GenderOf(span.In(text));
    }
    // Duplicates go when the entity's mentions are sorted for the output
    // (a search here would make a long document quadratic).
    pool[entity].mentions.push_back(span);
  }

 private:
  static const std::vector<int>& ListOf(const StringMap<std::vector<int>>& map,
                                        std::string_view key) {
    static const std::vector<int> kNone;
    auto it = map.find(key);
    return it == map.end() ? kNone : it->second;
  }
};

namespace {

// Lowercase words that may stand between the words of a name ("Ursula von
// der Leyen").
constexpr std::string_view kNameParticles[] = {"de", "van", "von", "bin", "al",
                                               "da", "del", "la",  "le"};

// The entries of lexicon ABBREVIATIONS, matched case-insensitively in
// names.
std::vector<std::string_view> LexiconAbbreviations(const RuleSet& rules) {
  std::vector<std::string_view> out;
  if (auto it = rules.lexicons().find("ABBREVIATIONS");
      it != rules.lexicons().end()) {
    for (const auto& [entry, attribute] : it->second) out.push_back(entry);
  }
  return out;
}

// One word of a name: an abbreviation with its full stop ("Gov.", "Jr."),
// initials ("W.", "U.S."), or a capitalised word without one, so that a
// name never runs on past the end of a sentence ("… on Obama. She said").
std::string NameWordPattern(const RuleSet& rules) {
  std::string abbreviations;
  for (std::string_view a : NameAbbreviations()) {
    abbreviations += (abbreviations.empty() ? "" : "|") + std::string(a);
  }
  for (std::string_view entry : LexiconAbbreviations(rules)) {
    abbreviations += "|(?i:" + RE2::QuoteMeta(entry) + ")";
  }
  return "(?:(?:" + abbreviations +
         R"()\.|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}'’\-]*))";
}

// Adds the bytes that a capitalised word ("\p{Lu}[\p{L}\p{M}'’\-]*") can
// hold to `set`: ASCII letters, ' and -, and every byte of a multi-byte
// character.
void AddCapitalisedWordBytes(internal::WordStartFilter::ByteSet& set) {
  internal::WordStartFilter::AddCapitalStarts(set);
  internal::WordStartFilter::AddEitherCase(set, "abcdefghijklmnopqrstuvwxyz'-");
}

// Where a match of the name pattern (two to six NameWordPattern words, maybe
// with particles between) can start; null when an abbreviation of lexicon
// ABBREVIATIONS is not a plain ASCII word, which the filter cannot follow
// through RE2's case folding.
std::unique_ptr<internal::WordStartFilter> NameStartFilter(
    const RuleSet& rules) {
  using internal::WordStartFilter;
  WordStartFilter::ByteSet first{}, word{}, next{};
  WordStartFilter::AddCapitalStarts(first);
  AddCapitalisedWordBytes(word);
  word['.'] = true;  // abbreviations and initials
  for (std::string_view a : NameAbbreviations()) {
    first[static_cast<unsigned char>(a.front())] = true;
    WordStartFilter::AddEitherCase(word, a);
  }
  std::vector<std::string> abbreviations;
  for (std::string_view a : LexiconAbbreviations(rules)) {
    if (std::any_of(a.begin(), a.end(), [](char c) {
          return c == ' ' || static_cast<unsigned char>(c) >= 0x80;
        })) {
      return nullptr;
    }
    WordStartFilter::AddEitherCase(word, a);
    WordStartFilter::AddEitherCase(next, a.substr(0, 1));
    abbreviations.emplace_back(a);
  }
  for (int c = 0; c < 256; ++c) next[c] = next[c] || first[c];
  for (std::string_view particle : kNameParticles) {
    WordStartFilter::AddEitherCase(next, particle.substr(0, 1));
  }
  return std::make_unique<WordStartFilter>(first, word, next,
                                           std::move(abbreviations));
}

// Where a match of the apposition pattern ("Name, role ...", its name two
// to four capitalised words) can start.
std::unique_ptr<internal::WordStartFilter> AppositionStartFilter() {
  internal::WordStartFilter::ByteSet capitals{}, word{};
  internal::WordStartFilter::AddCapitalStarts(capitals);
  AddCapitalisedWordBytes(word);
  return std::make_unique<internal::WordStartFilter>(
      capitals, word, capitals, std::vector<std::string>());
}

}  // namespace

Resolver::Resolver(const RuleSet& rules) : rules_(rules) {
  RE2::Options options;
  options.set_log_errors(false);
  // Two to six capitalised words: a name, maybe with a title before it.
  const std::string word = NameWordPattern(rules);
  std::string particles;
  for (std::string_view particle : kNameParticles) {
    particles += (particles.empty() ? "" : "|") + std::string(particle);
  }
  name_re_ = std::make_unique<RE2>(
      "(" + word + "(?:[ ]+(?:(?:" + particles + ")[ ]+)*" + word + "){1,5})",
      options);
  name_filter_ = NameStartFilter(rules);
  apposition_filter_ = AppositionStartFilter();
  // "Name, [the|a] role for|of|at [the] Org". Its captures come from its
  // pieces (internal/piece_parse.h): RE2's own, over a program this size,
  // took 20,000 to 100,000 cycles a match.
  const std::string apposition =
      R"((?P<name>\p{Lu}[\p{L}\p{M}'’\-]*(?:[ ]+\p{Lu}[\p{L}\p{M}'’\-]*\.?){1,3}),[ ]+)"
      R"((?:the[ ]+|a[ ]+|an[ ]+)?(?P<role>(?:[\p{L}\-]+[ ]+){0,3}?)" +
      RoleAlternation(rules) +
      R"()(?:[ ]+(?:for|of|at|to|with)[ ]+(?:the[ ]+)?)"
      R"((?P<org>(?:\p{Lu}[\p{L}\p{M}'’\-]*[ ]*)+))?)";
  apposition_re_ = std::make_unique<RE2>(apposition, options);
  apposition_pieces_ =
      internal::CompilePieces(apposition, [&](const std::string& piece) {
        return std::make_shared<const internal::LazyRegex>("(?:" + piece + ")",
                                                           options);
      });
}

bool Resolver::ok() const { return name_re_->ok() && apposition_re_->ok(); }

std::string Resolver::StanceOf(std::string_view cue) const {
  // Verbs first; a cue such as "expressed readiness" takes its noun's; the
  // writer's hedges ("seems") last.
  for (std::string_view lexicon :
       {"SAY_VERBS", "SAY_NOUNS", "ATTITUDES", "HEDGES"}) {
    std::string stance = rules_.AttributeOf(lexicon, cue);
    if (!stance.empty()) return stance;
  }
  // A cue with no stance of its own ("according to", a dash) asserts.
  return "assert";
}

std::string Resolver::KindOf(std::string_view phrase) const {
  // The head of an English noun phrase comes last: "Cybersecurity Strategy
  // Headquarters" is an organisation, not a document. Try the longest
  // ending that is an entry, then any entry inside.
  const std::vector<std::string_view> words = Words(phrase);
  for (std::size_t from = 0; from < words.size(); ++from) {
    const std::string_view tail = Stretch(words, from, words.size());
    if (rules_.InLexicon("SPEAKER_KINDS", StripPunct(tail))) {
      return rules_.AttributeOf("SPEAKER_KINDS", StripPunct(tail));
    }
  }
  return rules_.AttributeOf("SPEAKER_KINDS", phrase);
}

// True when `phrase` holds a role or title of lexicon ROLES as a word or
// pair of words: an apposition that says what a person does.
static bool HasRole(const RuleSet& rules, std::string_view phrase) {
  const std::vector<std::string_view> words = Words(phrase);
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (std::size_t n = 1; n <= 2 && i + n <= words.size(); ++n) {
      if (rules.InLexicon("ROLES", StripPunct(Stretch(words, i, i + n))))
        return true;
    }
  }
  return false;
}

// The most words a title of ROLES spans ("speaker of the house").
constexpr std::size_t kLongestTitle = 4;

// `phrase` without a leading "ex-" or ROLE_MODIFIERS word joined by a
// hyphen ("Ex-minister" and "then-President" read as "minister" and
// "President"), or `phrase` itself.
static std::string_view WithoutModifierPrefix(const RuleSet& rules,
                                              std::string_view phrase) {
  const std::size_t hyphen = phrase.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0 ||
      hyphen + 1 >= phrase.size()) {
    return phrase;
  }
  const std::string_view prefix = phrase.substr(0, hyphen);
  if (prefix == "ex" || prefix == "Ex" ||
      rules.InLexicon("ROLE_MODIFIERS", prefix)) {
    return phrase.substr(hyphen + 1);
  }
  return phrase;
}

// Splits capitalised words into organisation, role and name: "Pentagon
// Press Secretary John Kirby" gives Pentagon / Pentagon Press Secretary /
// John Kirby. Words before the first role word are the organisation, but
// for ROLE_MODIFIERS at either end of them: "Former mayor Ana Ruiz" has
// the role "Former mayor" and no organisation, "Former Harbour Works
// director Tom Vale" the organisation "Harbour Works".
static void SplitTitle(const RuleSet& rules,
                       const std::vector<std::string_view>& words,
                       std::string* org, std::string* role, std::string* name) {
  int first_role = -1, last_role = -1;
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (std::size_t n = kLongestTitle; n >= 1; --n) {
      if (i + n > words.size()) continue;
      const std::string_view title =
          WithoutModifierPrefix(rules, StripPunct(Stretch(words, i, i + n)));
      if (rules.InLexicon("ROLES", title)) {
        if (first_role < 0) first_role = static_cast<int>(i);
        last_role = static_cast<int>(i + n - 1);
        break;
      }
    }
  }
  if (last_role < 0 || last_role + 1 >= static_cast<int>(words.size())) {
    *name = Join(words, 0, words.size());
    return;
  }
  *role = Join(words, 0, last_role + 1);
  *name = Join(words, last_role + 1, words.size());
  auto is_modifier = [&](int i) {
    return rules.InLexicon("ROLE_MODIFIERS", StripPunct(words[i]));
  };
  int org_begin = 0, org_end = first_role;
  while (org_end > org_begin && is_modifier(org_end - 1)) --org_end;
  while (org_begin < org_end && is_modifier(org_begin)) ++org_begin;
  if (org_end > org_begin) *org = Join(words, org_begin, org_end);
}

bool Resolver::SplitOrgsRole(std::string_view head, std::string* org,
                             std::string* role) const {
  for (std::string_view mark : {"'s ", "’s "}) {
    const std::size_t at = head.find(mark);
    if (at == std::string_view::npos) continue;
    std::string_view owner = head.substr(0, at);
    const std::string_view after = StripPunct(head.substr(at + mark.size()));
    if (!HasRole(rules_, after)) return false;
    if (owner.starts_with("The ") || owner.starts_with("the ")) {
      owner.remove_prefix(4);
    }
    if (owner.empty() || !IsUpperStart(owner)) return false;
    *org = std::string(owner);
    *role = std::string(after);
    return true;
  }
  return false;
}

bool Resolver::SplitRoleOfOrg(std::string_view head, std::string* role,
                              std::string* org) const {
  std::vector<std::string_view> words = Words(head);
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    if (words[i] != "for" && words[i] != "of" && words[i] != "at") continue;
    std::string_view noun = StripPunct(words[i - 1]);
    if (!rules_.InLexicon("ROLES", noun) &&
        !rules_.InLexicon("SPEAKER_NOUNS", noun)) {
      return false;
    }
    std::size_t org_from = i + 1;
    if (words[org_from] == "the" && org_from + 1 < words.size()) ++org_from;
    if (!IsUpperStart(words[org_from])) return false;
    *role = Join(words, 1, i);
    *org = std::string(StripPunct(Join(words, org_from, words.size())));
    return true;
  }
  return false;
}

Resolver::Analysis Resolver::Analyse(std::string_view mention) const {
  Analysis a;
  std::string_view head = mention;
  std::string_view apposition;
  // An apposition follows a comma or sits between dashes: "Wang Wenbin,
  // spokesperson for ...", "Taiwan — a territory with ... —".
  for (std::string_view separator : {", ", " — ", " – ", " -- "}) {
    if (auto at = head.find(separator); at != std::string_view::npos) {
      apposition = head.substr(at + separator.size());
      head = head.substr(0, at);
    }
  }
  while (!apposition.empty() &&
         (apposition.back() == ' ' || apposition.ends_with("—") ||
          apposition.ends_with("–") || apposition.ends_with("--"))) {
    apposition.remove_suffix(apposition.back() == ' '   ? 1
                             : apposition.back() == '-' ? 2
                                                        : 3);
  }
  // "the local newspaper, the Ellery Gazette": the name is in the
  // apposition, the kind in the head.
  if (apposition.starts_with("the ") && apposition.size() > 4 &&
      IsUpperStart(apposition.substr(4)) && !HasRole(rules_, apposition)) {
    a.form = Analysis::Form::kName;
    a.kind = KindOf(head);
    a.name = std::string(StripPunct(apposition.substr(4)));
    a.key_word = a.name;
    return a;
  }
  std::vector<std::string_view> words = Words(head);
  if (words.empty()) return a;
  const std::string lower = Lower(head);
  if (words.size() == 1 && rules_.InLexicon("PRONOUNS", lower)) {
    a.form = Analysis::Form::kPronoun;
    a.kind = rules_.AttributeOf("PRONOUNS", lower);
    a.name = std::string(head);
    return a;
  }
  const bool determiner = OneOf(words[0], kDeterminers);
  // "A former candidate — Ana Ruiz —", "the firm, Acme Ferries,": a
  // description, then the name.
  if (determiner && words.size() >= 2 && !apposition.empty() &&
      IsCapitalisedName(apposition)) {
    a.form = Analysis::Form::kName;
    a.kind = KindOf(head);
    if (a.kind.empty() || a.kind == "person" || a.kind == "anonymous") {
      a.kind = "person";
      a.role = Join(words, 1, words.size());
    }
    a.name = std::string(StripPunct(apposition));
    std::vector<std::string_view> name_words = Words(a.name);
    a.single_word = name_words.size() == 1;
    a.key_word = StripPunct(name_words.back());
    return a;
  }
  // "the Harbour Authority's spokesperson": the organisation's role.
  if (SplitOrgsRole(head, &a.org, &a.role)) {
    a.form = Analysis::Form::kGroup;
    a.name = std::string(head);
    a.kind = "person";
    return a;
  }
  // "a spokesperson for the Parks Department": a role and an organisation,
  // not a name.
  if (determiner && SplitRoleOfOrg(head, &a.role, &a.org)) {
    a.form = Analysis::Form::kGroup;
    a.name = std::string(head);
    a.kind = KindOf(a.role);
    if (a.kind.empty() || a.kind == "anonymous") a.kind = "person";
    return a;
  }
  // "Six in 10", "one in five": a share of those polled, not a name.
  if (IsShareOfPolled(words)) {
    a.form = Analysis::Form::kGroup;
    a.name = std::string(head);
    a.kind = "group";
    return a;
  }
  bool named = false;
  for (std::size_t i = determiner ? 1 : 0; i < words.size(); ++i) {
    if (IsUpperStart(words[i])) named = true;
  }
  a.kind = KindOf(head);
  // "Local fishermen", "Trump supporters": people in the plural; "42%",
  // "a third": a share of those polled.
  const std::string_view last = StripPunct(words.back());
  if (a.kind.empty() && !IsUpperStart(last) &&
      (last.ends_with("s") || last.ends_with("men") ||
       last.ends_with("people") || words.back().ends_with("%") ||
       last == "percent")) {
    a.kind = "group";
  }
  // "The mayor", "the press secretary": a role names a person.
  if (a.kind.empty() &&
      (rules_.InLexicon("ROLES", last) ||
       (words.size() >= 2 &&
        rules_.InLexicon("ROLES",
                         Stretch(words, words.size() - 2, words.size()))))) {
    a.kind = "person";
  }
  if (determiner && !named) {
    a.form = Analysis::Form::kDescription;
    a.definite = OneOf(words[0], kDefinite);
    a.head = Lower(StripPunct(words.back()));
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
      a.modifiers.push_back(Lower(StripPunct(words[i])));
    }
    a.name = std::string(head);
  } else if (!named) {
    a.form = Analysis::Form::kGroup;
    a.name = std::string(head);
  } else {
    a.form = Analysis::Form::kName;
    // "the Kyodo news agency" is named "Kyodo news agency".
    if (determiner && OneOf(words[0], kDefinite)) words.erase(words.begin());
    // "the NHK broadcaster" is NHK; "Kyodo news agency" keeps its words.
    if (words.size() >= 2 && !IsUpperStart(words.back()) &&
        IsUpperStart(words[words.size() - 2]) &&
        KindOf(words.back()) == "media") {
      words.pop_back();
    }
    SplitTitle(rules_, words, &a.org, &a.role, &a.name);
    std::vector<std::string_view> name_words = Words(a.name);
    a.single_word = name_words.size() == 1 ||
                    (name_words.size() == 2 && name_words[0].back() == '.');
    if (!name_words.empty()) a.key_word = StripPunct(name_words.back());
    if (a.kind.empty()) a.kind = a.role.empty() && !determiner ? "" : "person";
  }
  if (!apposition.empty() && HasRole(rules_, apposition)) {
    std::string_view ap = apposition;
    for (std::string_view det : {"the ", "a ", "an "}) {
      if (ap.substr(0, det.size()) == det) ap.remove_prefix(det.size());
    }
    std::size_t cut = std::string_view::npos;
    std::string_view prep;
    for (std::string_view p : {" for ", " of ", " at ", " to "}) {
      std::size_t at = ap.find(p);
      if (at < cut) cut = at, prep = p;
    }
    a.role = std::string(StripPunct(ap.substr(0, cut)));
    if (cut != std::string_view::npos) {
      std::string_view org = ap.substr(cut + prep.size());
      if (org.substr(0, 4) == "the ") org.remove_prefix(4);
      // An organisation has a name: "for the president" names none.
      if (IsUpperStart(org)) a.org = std::string(StripPunct(org));
    }
    if (a.kind.empty()) a.kind = "person";
  }
  return a;
}

bool Resolver::AppositionParts(std::string_view text, std::size_t begin,
                               std::size_t end, std::string_view* name,
                               std::string_view* role,
                               std::string_view* org) const {
  auto view = [](const re2::StringPiece& s) {
    return std::string_view(s.data(), s.size());
  };
  internal::GroupSpans spans;
  if (internal::CapturesByPieces(apposition_pieces_, text, begin, end,
                                 &spans)) {
    for (const auto& [group, span] : spans) {
      if (*group == "name") *name = view(span);
      if (*group == "role") *role = view(span);
      if (*group == "org") *org = view(span);
    }
    return true;
  }
  // Groups 1, 2 and 3: name, role, org.
  re2::StringPiece groups[4];
  if (!apposition_re_->Match(text, begin, end, RE2::ANCHOR_BOTH, groups, 4)) {
    return false;
  }
  *name = view(groups[1]);
  *role = view(groups[2]);
  *org = view(groups[3]);
  return true;
}

// How many of the first `words` of a capitalised run in `text` end a title
// of ROLES that begins before the run: in "Secretary of State John Kerry"
// the run after "of" starts with "State", which ends "secretary of
// state". 0 when none does.
static std::size_t TitleEndAtStart(const RuleSet& rules, std::string_view text,
                                   const std::vector<std::string_view>& words) {
  std::string_view before = text.substr(
      0, static_cast<std::size_t>(words.front().data() - text.data()));
  const std::string_view joint = before.ends_with(" of the ") ? " of the "
                                 : before.ends_with(" of ")   ? " of "
                                                              : "";
  if (joint.empty()) return 0;
  before.remove_suffix(joint.size());
  const std::size_t space = before.find_last_of(' ');
  const std::string_view head = StripPunct(
      space == std::string_view::npos ? before : before.substr(space + 1));
  if (head.empty()) return 0;
  // The title's head word and "of" are two of its words.
  for (std::size_t n = std::min(kLongestTitle - 2, words.size()); n >= 1; --n) {
    const std::string title = std::string(head) + std::string(joint) +
                              std::string(StripPunct(Stretch(words, 0, n)));
    if (rules.InLexicon("ROLES", title)) return n;
  }
  return 0;
}

void Resolver::ScanNames(Context& ctx) const {
  // The whole match is the name: asking RE2 for no group keeps it on its
  // DFA.
  re2::StringPiece found;
  auto find_name = [&](std::size_t pos) {
    return name_filter_ ? internal::FindLeftmost(*name_re_, *name_filter_,
                                                 ctx.text, pos, &found)
                        : name_re_->Match(ctx.text, pos, ctx.text.size(),
                                          RE2::UNANCHORED, &found, 1);
  };
  for (std::size_t pos = 0; pos < ctx.text.size() && find_name(pos);
       pos = found.data() - ctx.text.data() +
             std::max<std::size_t>(found.size(), 1)) {
    std::vector<std::string_view> words =
        Words(std::string_view(found.data(), found.size()));
    std::size_t skip = 0;
    while (skip < words.size() &&
           OneOf(StripPunct(words[skip]), kLeadingFunctionWords)) {
      ++skip;
    }
    if (words.size() - skip < 2) continue;
    words.erase(words.begin(), words.begin() + skip);
    // "Secretary of State John Kerry": the run is "State John Kerry".
    const std::size_t title_end = TitleEndAtStart(rules_, ctx.text, words);
    if (words.size() - title_end < 2) continue;
    words.erase(words.begin(), words.begin() + title_end);
    std::string org, role, name;
    SplitTitle(rules_, words, &org, &role, &name);
    name = std::string(StripPunct(name));
    const std::size_t begin = words.front().data() - ctx.text.data();
    const std::size_t end =
        words.back().data() + words.back().size() - ctx.text.data();
    int index = ctx.Find(name);
    if (index < 0) {
      // Only a new entity needs its kind: a name met again keeps the kind
      // it was given.
      std::string kind = KindOf(name);
      if (kind.empty()) kind = "person";
      index = ctx.Add(Entity{name, kind, role, org, {}});
    } else {
      Entity& known = ctx.pool[index];
      if (known.role.empty()) known.role = role;
      if (known.org.empty()) known.org = org;
    }
    ctx.AddMention(Span{begin, end}, index);
  }
  // Appositions give roles: "Wang Wenbin, spokesperson for the ... Ministry".
  re2::StringPiece match;
  for (std::size_t pos = 0;
       pos < ctx.text.size() &&
       internal::FindLeftmost(*apposition_re_, *apposition_filter_, ctx.text,
                              pos, &match);
       pos = match.data() + match.size() - ctx.text.data()) {
    const std::size_t begin = match.data() - ctx.text.data();
    std::string_view name, role, org;
    if (!AppositionParts(ctx.text, begin, begin + match.size(), &name, &role,
                         &org)) {
      continue;
    }
    // The same name, or a fuller one ending with it.
    for (int index : ctx.EndingWith(name)) {
      Entity& e = ctx.pool[index];
      if (e.role.empty() && !IsHonorific(role)) e.role = std::string(role);
      if (e.org.empty() && !org.empty())
        e.org = std::string(StripPunct(
            std::string_view(org).substr(0, org.find_last_not_of(' ') + 1)));
      e.kind = "person";
    }
  }
}

int Resolver::FindOrAddEntity(Context& ctx, Span mention,
                              std::string* resolution) const {
  const Analysis a = Analyse(mention.In(ctx.text));
  // Whether an entity fits does not depend on which of its mentions is
  // met: each is tested once, and the search ends when all have failed
  // (a document that mentions one entity a million times stays linear).
  auto most_recent = [&](auto fits) -> int {
    // The mentions that begin before this one, from the nearest back.
    std::unordered_set<int> failed;
    for (auto it = std::make_reverse_iterator(ctx.MentionsFrom(mention.begin));
         it != ctx.mentions.rend() && failed.size() < ctx.pool.size(); ++it) {
      if (failed.contains(it->entity)) continue;
      if (fits(ctx.pool[it->entity])) return it->entity;
      failed.insert(it->entity);
    }
    return -1;
  };
  int entity = -1;
  *resolution = "explicit";
  switch (a.form) {
    case Analysis::Form::kPronoun:
      entity = most_recent([&](const Entity& e) {
        const std::size_t index = &e - ctx.pool.data();
        Gender gender =
            index < ctx.genders.size() ? ctx.genders[index] : Gender::kUnknown;
        if (gender == Gender::kUnknown) gender = GenderOf(e.role);
        return PronounFits(a.kind, e.kind) && GenderFits(Lower(a.name), gender);
      });
      if (entity >= 0) *resolution = "pronoun";
      break;
    case Analysis::Form::kDescription:
      // "the spokesperson", "the minister": the last person with that role.
      if (a.definite && !a.head.empty() && rules_.InLexicon("ROLES", a.head)) {
        entity = most_recent([&](const Entity& e) {
          return e.kind == "person" && SharesWord(Lower(e.role), a.head);
        });
        if (entity >= 0) {
          *resolution = "title";
          break;
        }
      }
      if (a.definite && !a.kind.empty()) {
        entity = most_recent([&](const Entity& e) {
          return e.kind == a.kind && !e.name.empty() &&
                 Lower(e.name) != Lower(a.name) &&
                 ModifiersFit(a.modifiers, e.name);
        });
        if (entity >= 0) *resolution = "description";
      }
      break;
    case Analysis::Form::kName: {
      // The fullest other name holding the mention's word, the first of
      // them on a tie; else the entity of the same name.
      std::size_t best_len = 0;
      // Places are named whole: "China" is not "South China".
      if (a.single_word && a.kind != "government") {
        for (int i : ctx.WithWord(a.key_word)) {
          const Entity& e = ctx.pool[i];
          if (e.name == a.name || e.kind == "government") continue;
          // Persons first: "Trump" is Donald Trump before Trump Tower.
          const std::size_t score =
              e.name.size() + (e.kind == "person" ? 1000 : 0);
          if (score > best_len) {
            best_len = score;
            entity = i;
          }
        }
      }
      if (entity < 0) entity = ctx.Find(a.name);
      if (entity >= 0 && ctx.pool[entity].name != a.name)
        *resolution = "surname";
      break;
    }
    case Analysis::Form::kGroup:
      break;
  }
  if (entity < 0 && a.form == Analysis::Form::kPronoun) {
    // A pronoun with no antecedent names no one.
    *resolution = "unresolved";
    return -1;
  }
  if (entity < 0) {
    // An entity of its own; reuse one with the same name.
    entity = ctx.Find(a.name);
    if (entity < 0) entity = ctx.Add(Entity{a.name, "unknown", "", "", {}});
  }
  Entity& e = ctx.pool[entity];
  if (e.kind == "unknown" ||
      (e.kind == "person" && !a.kind.empty() &&
       a.form == Analysis::Form::kName && a.role.empty())) {
    if (!a.kind.empty() && a.form != Analysis::Form::kPronoun) e.kind = a.kind;
  }
  if (e.kind == "unknown" && a.form == Analysis::Form::kName) e.kind = "person";
  if (e.role.empty()) e.role = a.role;
  if (e.org.empty()) e.org = a.org;
  ctx.AddMention(mention, entity);
  return entity;
}

void Resolver::Resolve(const std::vector<Candidate>& candidates,
                       DocumentResult* result) const {
  Context ctx;
  ctx.text = result->text;
  ScanNames(ctx);
  std::vector<Attribution> out;
  out.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    const RuleMatch& m = c.match;
    Attribution a;
    a.type = m.type;
    a.content = m.content;
    a.content_parts = m.content_parts;
    a.cue = m.cue;
    a.speaker = m.speaker;
    if (c.continues >= 0 && c.continues < static_cast<int>(out.size())) {
      const Attribution& prev = out[c.continues];
      a.entity = prev.entity;
      a.via = prev.via;
      a.stance = prev.stance;
      a.rule = prev.rule;
      a.resolution = "continuation";
      a.confidence = 0.6;
    } else {
      a.rule = m.rule ? m.rule->id : "";
      if (m.cue) {
        a.stance = StanceOf(m.cue->In(ctx.text));
        a.negated = NegatedBefore(ctx.text, m.cue->begin);
      }
      if (m.speaker && !m.speaker->empty()) {
        a.entity = FindOrAddEntity(ctx, *m.speaker, &a.resolution);
      }
      std::string ignored;
      if (m.addressee && !m.addressee->empty()) {
        // Telling a news medium is how a statement reaches the reader.
        const int to = FindOrAddEntity(ctx, *m.addressee, &ignored);
        if (to >= 0 && ctx.pool[to].kind == "media") {
          a.via.push_back(ctx.pool[to].name);
        }
      }
      if (m.via && !m.via->empty()) {
        const int relay = FindOrAddEntity(ctx, *m.via, &ignored);
        if (relay >= 0) a.via.push_back(ctx.pool[relay].name);
      }
      a.confidence = a.resolution == "explicit"  ? 0.9
                     : a.resolution == "surname" ? 0.85
                                                 : 0.7;
    }
    out.push_back(std::move(a));
  }
  // Keep only the entities that speak, renumbered in order of first use.
  std::vector<int> remap(ctx.pool.size(), -1);
  for (Attribution& a : out) {
    if (a.entity < 0) continue;
    int& slot = remap[a.entity];
    if (slot < 0) {
      slot = static_cast<int>(result->entities.size());
      Entity e = ctx.pool[a.entity];
      std::sort(e.mentions.begin(), e.mentions.end(), [](Span x, Span y) {
        return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
      });
      e.mentions.erase(std::unique(e.mentions.begin(), e.mentions.end()),
                       e.mentions.end());
      result->entities.push_back(std::move(e));
    }
    a.entity = slot;
    const Entity& e = result->entities[slot];
    a.speaker_name = e.name;
    a.speaker_kind = e.kind;
    a.speaker_role = e.role;
    a.speaker_org = e.org;
  }
  result->quotes = std::move(out);
}

}  // namespace whosaid
