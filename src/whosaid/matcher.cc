#include "whosaid/matcher.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <unordered_map>

#include "whosaid/internal/lazy_regex.h"
#include "whosaid/internal/piece_parse.h"
#include "whosaid/segmenter.h"

namespace whosaid {
namespace {

constexpr int kMaxGroups = 16;

// Shrinks `s` past leading whitespace and trailing whitespace and clause
// punctuation, which the gold format leaves out of indirect content.
Span TrimClause(std::string_view text, Span s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
  while (s.end > s.begin &&
         (is_space(text[s.end - 1]) || text[s.end - 1] == ',' ||
          text[s.end - 1] == '.' || text[s.end - 1] == ';' ||
          text[s.end - 1] == ':')) {
    --s.end;
  }
  return s;
}

Span Trim(std::string_view text, Span s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
  while (s.end > s.begin && is_space(text[s.end - 1])) --s.end;
  return s;
}

bool IsUpperWord(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

bool IsLowerWord(std::string_view w) {
  return !w.empty() && std::islower(static_cast<unsigned char>(w[0]));
}

// Ends a reported clause before ", saying …", ", adding …" (lexicon
// PARTICIPLES): what follows is a second statement of the same speaker,
// not part of the first.
Span CutAtParticiple(const RuleSet& rules, std::string_view skeleton,
                     Span clause) {
  const std::string_view text = clause.In(skeleton);
  auto participle_at = [&](std::size_t word) {
    const std::size_t end = std::min(text.find(' ', word), text.size());
    return rules.InLexicon("PARTICIPLES", text.substr(word, end - word));
  };
  // The comma may be inside a quotation: "…were "overblown," adding …".
  const std::string after_quote = std::string(kPlaceholderClose) + " ";
  std::size_t comma = text.find(", ");
  std::size_t quote = text.find(after_quote);
  while (comma != std::string_view::npos || quote != std::string_view::npos) {
    if (comma < quote) {
      if (participle_at(comma + 2)) {
        return Span{clause.begin, clause.begin + comma};
      }
      comma = text.find(", ", comma + 2);
    } else {
      const std::size_t end = quote + kPlaceholderClose.size();
      if (participle_at(end + 1)) return Span{clause.begin, clause.begin + end};
      quote = text.find(after_quote, end);
    }
  }
  return clause;
}

// Ends a reported clause before a second predicate of the speaker with
// no subject of its own ("have offered to talk but have so far received
// no answer", "said the pier was safe and has promised to reopen it"),
// and before an absolute "with" clause that adds the writer's
// circumstances ("announced the exercise, with troops training across
// the region").
Span CutAtSecondPredicate(std::string_view skeleton, Span clause) {
  static const RE2 kSecondPredicate(
      R"(,? (?:and|but) (?:have|has|had|will|would|did|does|do|was|were|is|)"
      R"(are)(?: (?:so far|not|also|since|now|already|never))? (?:[a-z]+ed|)"
      R"(been|received|made|taken|given|won|lost|said|told|become|seen|)"
      R"(done)\b|, with (?:[a-z]+ )*?[a-z]+ing\b)");
  const std::string_view text = clause.In(skeleton);
  re2::StringPiece found;
  // Not at the clause's first byte: a second predicate follows a first.
  if (kSecondPredicate.Match(text, 1, text.size(), RE2::UNANCHORED, &found,
                             1)) {
    clause.end = clause.begin + (found.data() - text.data());
  }
  return clause;
}

// Where ", " stands in `text`, in order.
std::vector<std::size_t> CommaSpaces(std::string_view text) {
  std::vector<std::size_t> at;
  for (std::size_t p = text.find(", "); p != std::string_view::npos;
       p = text.find(", ", p + 1)) {
    at.push_back(p);
  }
  return at;
}

// Whether ", MARKER " stands in `text` at `comma`, a place of ", ".
bool MarkerAt(std::string_view text, std::size_t comma,
              std::string_view marker) {
  const std::size_t end = comma + 2 + marker.size();
  return end < text.size() && text[end] == ' ' &&
         text.compare(comma + 2, marker.size(), marker) == 0;
}

// Ends a reported clause that follows its reporting verb before ",
// according to …", ", while …", ", leading …", ", a swipe at …" (lexicon
// CLAUSE_ENDS): another source, a contrast, a consequence or a comment,
// unless a quotation comes after it. Each marker counts where it first
// stands, and not at all when that is the start of the clause.
Span CutAtClauseEnd(const RuleSet& rules, std::string_view skeleton,
                    Span clause) {
  auto it = rules.lexicons().find("CLAUSE_ENDS");
  if (it == rules.lexicons().end()) return clause;
  const std::string_view text = clause.In(skeleton);
  const std::vector<std::size_t> commas = CommaSpaces(text);
  const bool opens_with_comma = !commas.empty() && commas.front() == 0;
  std::size_t cut = text.size();
  for (const std::size_t at : commas) {
    if (at == 0) continue;
    const bool marked = std::any_of(
        it->second.begin(), it->second.end(), [&](const auto& entry) {
          return MarkerAt(text, at, entry.first) &&
                 !(opens_with_comma && MarkerAt(text, 0, entry.first));
        });
    if (marked) {
      cut = at;
      break;
    }
  }
  // A quotation after the cut keeps the clause whole.
  if (text.find(kPlaceholderOpen, cut) != std::string_view::npos) return clause;
  clause.end = clause.begin + cut;
  return clause;
}

// Ends a reported clause before ", as cited by X" (lexicon RELAY_MARKERS:
// the first of them, in its order, that stands in the clause, where it
// first does) and returns the span of X, the relay; nullopt when there is
// none.
std::optional<Span> CutAtRelay(const RuleSet& rules, std::string_view skeleton,
                               Span* clause) {
  auto it = rules.lexicons().find("RELAY_MARKERS");
  if (it == rules.lexicons().end()) return std::nullopt;
  const std::string_view text = clause->In(skeleton);
  const std::vector<std::size_t> commas = CommaSpaces(text);
  for (const auto& [marker, attribute] : it->second) {
    for (const std::size_t at : commas) {
      if (!MarkerAt(text, at, marker)) continue;
      const Span relay{clause->begin + at + 2 + marker.size() + 1, clause->end};
      clause->end = clause->begin + at;
      return relay;
    }
  }
  return std::nullopt;
}

// True when `mention` ends with an abbreviation whose full stop belongs to
// it: a dotted acronym ("U.S."), an initial ("W."), or an entry of lexicon
// ABBREVIATIONS ("Jr.").
bool EndsWithAbbreviation(const RuleSet& rules, std::string_view mention) {
  const std::size_t space = mention.find_last_of(' ');
  std::string_view last =
      mention.substr(space == std::string_view::npos ? 0 : space + 1);
  last.remove_suffix(1);  // the full stop
  return last.size() == 1 || last.find('.') != std::string_view::npos ||
         rules.InLexicon("ABBREVIATIONS", last);
}

// Whether `word` joins a clause to what comes before it: a second
// statement to a first ("…, but B said", "… while B said"), or the clause
// a speaker capture may start with ("while other voters said").
bool IsJoiningWord(std::string_view word) {
  for (std::string_view joiner : {"and", "but", "while", "whereas", "though",
                                  "although", "yet", "so", "as", "then"}) {
    if (word == joiner) return true;
  }
  return false;
}

// Whether lowercase `word` is a preposition, which no speaker mention
// opens with ("of local fishermen", "including Ruiz").
bool IsLeadingPreposition(std::string_view word) {
  for (std::string_view preposition :
       {"of", "to", "for", "with", "from", "by", "about", "including", "among",
        "like", "against"}) {
    if (word == preposition) return true;
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// `end` moved back over spaces, not before `begin`.
std::size_t BackOverSpaces(std::string_view text, std::size_t begin,
                           std::size_t end) {
  while (end > begin && IsSpace(text[end - 1])) --end;
  return end;
}

// Where the run of letters that ends at `end` starts, not before `begin`.
std::size_t WordStart(std::string_view text, std::size_t begin,
                      std::size_t end) {
  while (end > begin &&
         std::isalpha(static_cast<unsigned char>(text[end - 1]))) {
    --end;
  }
  return end;
}

// The run of letters that starts at `at`.
std::string_view WordAt(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() &&
         std::isalpha(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  return text.substr(at, end - at);
}

// The run of letters that ends at `at`, spaces before `at` skipped.
std::string_view WordBefore(std::string_view text, std::size_t at) {
  const std::size_t end = BackOverSpaces(text, 0, at);
  const std::size_t start = WordStart(text, 0, end);
  return text.substr(start, end - start);
}

// Ends the clause of a naming verb (lexicon NAMING_VERBS: "called the plan
// "a disaster" at the meeting") after its first quotation and the ones
// joined to it by "and" or "or" ("a "mess" and "a disgrace""), when that
// quotation comes within the first `kMaxWords` words of the clause.
Span EndAfterNamingQuote(const RuleSet& rules, std::string_view skeleton,
                         re2::StringPiece cue, Span clause) {
  constexpr int kMaxWords = 12;
  if (cue.data() == nullptr ||
      !rules.InLexicon("NAMING_VERBS",
                       std::string_view(cue.data(), cue.size()))) {
    return clause;
  }
  const std::string_view text = clause.In(skeleton);
  const std::size_t open = text.find(kPlaceholderOpen);
  if (open == std::string_view::npos ||
      std::count(text.begin(), text.begin() + open, ' ') > kMaxWords) {
    return clause;
  }
  std::size_t end = text.find(kPlaceholderClose, open);
  if (end == std::string_view::npos) return clause;
  end += kPlaceholderClose.size();
  static const RE2 joined("^,?[ ]+(?:and|or)[ ]+(?:(?:a|an|the)[ ]+)?" +
                          std::string(kPlaceholderOpen) + "[QqT][0-9]+" +
                          std::string(kPlaceholderClose));
  re2::StringPiece rest(text.data() + end, text.size() - end);
  re2::StringPiece before = rest;
  while (RE2::Consume(&rest, joined)) {
    end += before.size() - rest.size();
    before = rest;
  }
  // Words that belong to the name ("a "mistake" because …", "a "blueprint"
  // for growth", "a "liar" who lied") keep the clause whole; a new clause,
  // a dash or a comma after the name ends it.
  const std::size_t after = text.find_first_not_of(' ', end);
  const std::string_view next =
      after == std::string_view::npos ? "" : WordAt(text, after);
  static constexpr std::string_view kEnders[] = {
      "and", "but", "which", "instead", "on", "during", "last", "this"};
  if (IsLowerWord(next) && std::find(std::begin(kEnders), std::end(kEnders),
                                     next) == std::end(kEnders)) {
    return clause;
  }
  return Span{clause.begin, clause.begin + end};
}

// Whether the word before `at` in `text` is who, which or that: "officials
// who asked not to be named said" has a verb inside its speaker.
bool AfterRelativePronoun(std::string_view text, std::size_t at) {
  const std::string_view word = WordBefore(text, at);
  if (word == "who" || word == "which" || word == "that") return true;
  // Or further back in the same stretch between commas: "Ruiz, who
  // previously questioned whether …, said" and "officials who have long
  // argued".
  std::size_t pos = at;
  while (pos > 0) {
    const std::size_t end = BackOverSpaces(text, 0, pos);
    if (end == 0) break;
    const char c = text[end - 1];
    if (c == ',' || c == ';' || c == '(' || c == ')') break;
    std::size_t start = end;
    while (start > 0 && !IsSpace(text[start - 1]) && text[start - 1] != ',' &&
           text[start - 1] != ';') {
      --start;
    }
    const std::string_view w = text.substr(start, end - start);
    if (w == "who" || w == "which" || w == "whose") return true;
    if (start > 0 && !IsSpace(text[start - 1])) break;
    pos = start;
  }
  return false;
}

// Whether the last word of `mention` is a form of "be".
bool EndsWithBeVerb(std::string_view mention) {
  const std::string_view last =
      mention.substr(std::min(mention.rfind(' ') + 1, mention.size()));
  for (std::string_view be : {"is", "are", "was", "were", "be", "been"}) {
    if (last == be) return true;
  }
  return false;
}

// Whether `mention` holds a finite auxiliary outside a relative clause:
// "The move was hotly" before "criticized" is a passive, "The figures
// include" a clause of its own, not a speaker.
bool HoldsFiniteVerb(std::string_view mention) {
  std::size_t pos = 0;
  while (pos < mention.size()) {
    std::size_t end = std::min(mention.find(' ', pos), mention.size());
    std::string_view word = mention.substr(pos, end - pos);
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) {
      word.remove_suffix(1);
    }
    for (std::string_view aux : {"is", "are", "was", "were", "could", "might",
                                 "can", "may", "should", "must"}) {
      if (word == aux && pos > 0 && !AfterRelativePronoun(mention, pos)) {
        return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

// Whether `clause`, reported after its verb, opens with a finite verb:
// after a cue that is also a noun (lexicon OWNED_CUES), as in "The new
// claims were dismissed", the cue is the subject of that verb.
bool OpensWithFiniteVerb(std::string_view clause) {
  const std::string_view first = clause.substr(0, clause.find(' '));
  for (std::string_view verb :
       {"is", "are", "was", "were", "has", "have", "had", "will", "would"}) {
    if (first == verb) return true;
  }
  return false;
}

// Whether `clause` opens with a preposition that follows a noun but no
// verb of speech: "support for the plan", "support from voters", "claims
// of fraud" (the verb takes its object without one: "supports the plan").
bool OpensWithNounPreposition(std::string_view clause) {
  const std::string_view first = clause.substr(0, clause.find(' '));
  for (std::string_view p : {"for", "from", "among", "of", "behind"}) {
    if (first == p) return true;
  }
  return false;
}

// Whether `clause`, reported after "that", opens with a verb of its own:
// a finite verb, a modal or a lowercase -ed word ("that voted", "that
// could reopen"). A that-clause of speech has a subject first; a verb
// there makes "that" a relative pronoun.
bool OpensWithVerb(std::string_view clause) {
  const std::string_view first = clause.substr(0, clause.find(' '));
  if (OpensWithFiniteVerb(clause)) return true;
  for (std::string_view verb : {"could", "can", "may", "might", "should",
                                "must", "do", "does", "did"}) {
    if (first == verb) return true;
  }
  return IsLowerWord(first) && first.size() > 3 && first.ends_with("ed");
}

// Whether `cue`, a word no lexicon lists as a reporting verb, may be a
// plural noun ("states", "shootings") modified by a relative clause,
// `between` being what stands between it and the clause: "the three
// states that voted" is no statement of "the three". Such a clause opens
// with a verb, where a reported one opens with its subject.
bool PluralNounBeforeRelative(const RuleSet& rules, std::string_view cue,
                              std::string_view between,
                              std::string_view clause) {
  return cue.ends_with('s') && !rules.InLexicon("SAY_VERBS", cue) &&
         between == " that " && OpensWithVerb(clause);
}

// Whether `cue` is an -ing form, whose subject a speaker capture reaches
// through the whole clause before it ("Ruiz was blunt, saying …").
bool IsParticiple(re2::StringPiece cue) {
  return cue.data() != nullptr &&
         std::string_view(cue.data(), cue.size()).ends_with("ing");
}

// Whether `mention` ends in a possessive "'s" ("Britain's").
bool EndsWithPossessive(std::string_view mention) {
  return mention.ends_with("'s") || mention.ends_with("\u2019s");
}

// Whether `cue` is an -ing form that stands before its speaker at
// `speaker`: English never inverts a participle, so in "a defense of "…,"
// saying the city embodied …" the city is what was said, not who said it.
// A participial clause that opens the sentence and ends before its
// subject ("Noting that the ferry was late, Ruiz said …") is no inversion:
// there the content lies between the cue and the speaker.
bool ParticipleBeforeSpeaker(re2::StringPiece cue, re2::StringPiece speaker,
                             re2::StringPiece content) {
  if (cue.data() == nullptr || speaker.data() == nullptr) return false;
  if (content.data() != nullptr && content.data() >= cue.data() &&
      content.data() + content.size() <= speaker.data()) {
    return false;
  }
  return speaker.data() >= cue.data() + cue.size() && IsParticiple(cue);
}

// The length of the possessive ending of `mention` ("'s", "s'"), or 0.
std::size_t PossessiveSuffix(std::string_view mention) {
  for (std::string_view mark : {"'s", "\u2019s"}) {
    if (mention.size() > mark.size() && mention.ends_with(mark)) {
      return mark.size();
    }
  }
  for (std::string_view mark : {"'", "\u2019"}) {
    if (mention.size() > mark.size() + 1 && mention.ends_with(mark) &&
        mention[mention.size() - mark.size() - 1] == 's') {
      return mark.size();
    }
  }
  return 0;
}

// Whether `mention`, a bare possessive ("Britain's"), stands before `cue`
// in the past tense ("charged"): an adjective of what it owns, not a
// reporting verb. A possessive before a noun cue is a speaker ("Rubio's
// claim that …").
bool OwnsAnAdjective(std::string_view mention, re2::StringPiece cue) {
  const bool possessive = EndsWithPossessive(mention) &&
                          mention.find(',') == std::string_view::npos;
  return possessive && cue.data() != nullptr &&
         std::string_view(cue.data(), cue.size()).ends_with("ed");
}

// Whether `mention` is a bare possessive, or a share ("36 percent",
// "48%"), before a cue of lexicon OWNED_CUES: a noun, whose owner or
// amount is no speaker ("Clinton's support fell", "36 percent support for
// Trump").
bool OwnsTheCue(const RuleSet& rules, std::string_view mention,
                re2::StringPiece cue) {
  if (cue.data() == nullptr ||
      !rules.InLexicon("OWNED_CUES",
                       std::string_view(cue.data(), cue.size()))) {
    return false;
  }
  return EndsWithPossessive(mention) || mention.ends_with("%") ||
         mention.ends_with(" percent");
}

// Whether `mention` ends in a word that counts more than one ("the
// three", "many", "several") before `cue`, a word in -s (not -ss): a
// verb in -s has a singular subject, so the cue is a plural noun they
// count ("the three states that voted", "many promises he made").
bool CountsAPluralCue(std::string_view mention, re2::StringPiece cue) {
  if (cue.data() == nullptr) return false;
  const std::string_view c(cue.data(), cue.size());
  if (!c.ends_with('s') || c.ends_with("ss")) return false;
  const std::string_view last =
      mention.substr(std::min(mention.rfind(' ') + 1, mention.size()));
  static constexpr std::string_view kPlural[] = {
      "two",  "three",   "four",  "five",   "six",     "seven",   "eight",
      "nine", "ten",     "dozen", "dozens", "several", "many",    "few",
      "both", "various", "some",  "those",  "these",   "numerous"};
  return std::find(std::begin(kPlural), std::end(kPlural), last) !=
         std::end(kPlural);
}

// `s` without the words that open the clause, not the speaker: "But",
// "Earlier Tuesday,", "while other voters", "as Joel Pollak", "of local
// fishermen"; a lowercase word of SPEAKER_OPENERS only when it joins
// clauses ("in the end" is no speaker either way).
Span DropOpeners(const RuleSet& rules, std::string_view text, Span s) {
  std::string_view v = s.In(text);
  for (auto space = v.find(' '); space != std::string_view::npos;
       space = v.find(' ')) {
    std::string_view first = v.substr(0, space);
    if (!first.empty() && first.back() == ',') first.remove_suffix(1);
    const bool opener = (rules.InLexicon("SPEAKER_OPENERS", first) &&
                         (IsUpperWord(first) || IsJoiningWord(first))) ||
                        IsLeadingPreposition(first);
    if (!opener) break;
    s.begin += space + 1;
    s = Trim(text, s);
    v = s.In(text);
  }
  return s;
}

// `s` ended before a lowercase reporting verb inside it: "Corey
// Lewandowski, Trump's campaign manager, said that …" is the manager, but
// "officials who spoke on condition of anonymity" keeps its verb.
Span EndBeforeInnerCue(const RuleSet& rules, std::string_view text, Span s) {
  const std::string_view v = s.In(text);
  for (std::size_t pos = v.find(' '); pos != std::string_view::npos;
       pos = v.find(' ', pos + 1)) {
    const std::size_t start = pos + 1;
    const std::size_t end = std::min(v.find(' ', start), v.size());
    std::string_view word = v.substr(start, end - start);
    if (!word.empty() && word.back() == ',') word.remove_suffix(1);
    if (IsLowerWord(word) && !AfterRelativePronoun(v, start) &&
        rules.InLexicon("SAY_VERBS", word)) {
      s.end = s.begin + pos;
      while (s.end > s.begin &&
             (text[s.end - 1] == ',' || text[s.end - 1] == ' ')) {
        --s.end;
      }
      break;
    }
  }
  return s;
}

// `s` from its determiner on when lowercase words come first ("another
// part of the strategy" is "the strategy"), unless those words name a
// speaker ("a spokesperson for the Parks Department" stays whole); and
// after "what" or "than" among them ("displaying what many analysts").
Span DropWordsBeforeDeterminer(const RuleSet& rules, std::string_view text,
                               Span s) {
  const std::string_view v = s.In(text);
  const std::size_t head_end = std::min(v.find(", "), v.size());
  std::size_t cut = 0, pos = 0;
  bool speaker_word = false;
  while (pos < head_end) {
    std::size_t next = std::min(v.find(' ', pos), head_end);
    std::string_view word = v.substr(pos, next - pos);
    if (pos > 0 && (word == "the" || word == "a" || word == "an") &&
        !speaker_word) {
      cut = pos;
    }
    // "displaying what many analysts", "less credit than aides": the
    // speaker follows the word.
    if ((word == "what" || word == "than") && next < head_end) {
      cut = next + 1;
      speaker_word = false;
    }
    if (!IsLowerWord(word)) break;
    speaker_word = speaker_word || rules.InLexicon("SPEAKER_NOUNS", word) ||
                   rules.InLexicon("ROLES", word);
    pos = next + 1;
  }
  s.begin += cut;
  return s;
}

// `s` without an aside of lexicon ASIDES set off by a comma at its end:
// "Supporters of the plan, however" is "Supporters of the plan".
Span DropTrailingAside(const RuleSet& rules, std::string_view text, Span s) {
  const std::string_view v = s.In(text);
  const std::size_t comma = v.rfind(", ");
  if (comma == std::string_view::npos) return s;
  std::string_view aside = v.substr(comma + 2);
  if (aside.ends_with(',')) aside.remove_suffix(1);
  if (!rules.InLexicon("ASIDES", aside)) return s;
  s.end = s.begin + comma;
  return s;
}

// Narrows a speaker capture to the mention itself: without the words that
// open the clause (DropOpeners), ended before a reporting verb inside it
// (EndBeforeInnerCue), without an aside at its end (DropTrailingAside),
// from a later determiner on (DropWordsBeforeDeterminer), and without a
// full stop after a name ("Ruiz." but not "Jr." or "U.S.").
Span TrimSpeaker(const RuleSet& rules, std::string_view text, Span s) {
  s = DropOpeners(rules, text, Trim(text, s));
  s = EndBeforeInnerCue(rules, text, s);
  s = DropTrailingAside(rules, text, s);
  s = DropWordsBeforeDeterminer(rules, text, s);
  const std::string_view v = s.In(text);
  if (!v.empty() && v.back() == ',') --s.end;
  if (!v.empty() && v.back() == '.' && !EndsWithAbbreviation(rules, v)) {
    --s.end;
  }
  return s;
}

// Where a first statement ends when a second one's speaker begins at
// `speaker` inside it: before the punctuation and joining word that lead
// to the speaker ("A, but B said …", "A; B said …", "A and B said …", "A —
// B said …"), or nullopt when nothing separates them there ("the people
// who said"). A joining word at the start of the speaker counts too
// ("while other voters").
std::optional<std::size_t> ClauseBoundaryBefore(std::string_view text,
                                                std::size_t begin,
                                                std::size_t speaker) {
  std::size_t end = BackOverSpaces(text, begin, speaker);
  bool joined = IsJoiningWord(WordAt(text, speaker));
  if (!joined) {
    const std::size_t word = WordStart(text, begin, end);
    if (word > begin && word < end && IsSpace(text[word - 1]) &&
        IsJoiningWord(text.substr(word, end - word))) {
      joined = true;
      end = BackOverSpaces(text, begin, word);
    }
  }
  const std::string_view before = text.substr(begin, end - begin);
  const bool dash = before.ends_with("\u2014") || before.ends_with("\u2013");
  const bool punctuated =
      dash || before.ends_with(',') || before.ends_with(';');
  if (!joined && !punctuated) {
    // A comma inside the closing marks of a quotation: "… was "unsafe,"
    // Berg said"; the statement keeps the quotation.
    for (std::string_view mark : {"\"", "\u201d", "''", "\u2019"}) {
      if (before.ends_with(mark) &&
          before.substr(0, before.size() - mark.size()).ends_with(',')) {
        return end;
      }
    }
    return std::nullopt;
  }
  if (dash) end -= std::string_view("\u2014").size();
  // Back over the punctuation and the spaces before it.
  while (end > begin && (IsSpace(text[end - 1]) || text[end - 1] == ',' ||
                         text[end - 1] == ';')) {
    --end;
  }
  if (end <= begin) return std::nullopt;
  return end;
}

}  // namespace

// What one match captured, by capture name: pieces of the text the rule
// ran on, with a null data() where the rule lacks the capture or the
// capture took no part in the match.
struct Matcher::Captures {
  re2::StringPiece whole, content, content2, speaker, cue, via, addressee, role,
      org;

  // Sets the capture called `name`, if it is one of these.
  void Set(std::string_view name, re2::StringPiece piece) {
    if (name == "content") content = piece;
    if (name == "content2") content2 = piece;
    if (name == "speaker") speaker = piece;
    if (name == "cue") cue = piece;
    if (name == "via") via = piece;
    if (name == "addressee") addressee = piece;
    if (name == "role") role = piece;
    if (name == "org") org = piece;
  }

  // Takes the pieces that `groups` (of a regex with `g`) captured.
  void Collect(const Groups& g, const re2::StringPiece* groups) {
    for (const auto& [index, name] : g.named) {
      if (groups[index].data() != nullptr) Set(*name, groups[index]);
    }
  }
};

// Where each cue finder matches in one piece of text, found once and shared
// by the rules with the same cue.
class Matcher::CueCache {
 public:
  struct Cue {
    std::size_t begin, end;
  };
  // The matches of `finder` in `text`, by ascending begin: one a start,
  // the one the finder prefers there.
  const std::vector<Cue>& Find(const RE2& finder, std::string_view text) {
    for (const auto& [regex, cues] : found_) {
      if (regex == &finder) return cues;
    }
    std::vector<Cue> cues;
    re2::StringPiece match;
    for (std::size_t pos = 0;
         pos < text.size() &&
         finder.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1);) {
      const std::size_t begin = match.data() - text.data();
      cues.push_back({begin, begin + match.size()});
      pos = begin + 1;
    }
    found_.emplace_back(&finder, std::move(cues));
    return found_.back().second;
  }

 private:
  std::vector<std::pair<const RE2*, std::vector<Cue>>> found_;
};

Matcher::Matcher(const RuleSet& rules) : rules_(rules) {
  groups_.reserve(rules.rules().size());
  for (const Rule& rule : rules.rules()) groups_.push_back(RuleGroupsOf(rule));
}

Matcher::RuleGroups Matcher::RuleGroupsOf(const Rule& rule) {
  // A cue-anchored rule's whole pattern is compiled only when needed.
  return RuleGroups{rule.from_cue ? Groups{} : GroupsOf(&rule.regex()),
                    GroupsOf(rule.before_cue.get()),
                    GroupsOf(rule.from_cue.get())};
}

Matcher::Groups Matcher::GroupsOf(const RE2* regex) {
  Groups g;
  if (regex == nullptr) return g;
  g.count = std::min(regex->NumberOfCapturingGroups() + 1, kMaxGroups);
  for (const auto& [name, index] : regex->NamedCapturingGroups()) {
    if (index < kMaxGroups) g.named.emplace_back(index, &name);
  }
  return g;
}

namespace {

// Rules search from each cue to the ends of the piece they run on, so a
// giant sentence or paragraph (a list, lowercase text with no sentence
// ends) full of cues would cost its length for every cue. Pieces are
// bounded: far above any sentence of news prose, whose quotations the
// skeleton holds as placeholders.
constexpr std::size_t kMaxSentenceBytes = 2'000;
constexpr std::size_t kMaxParagraphBytes = 8'000;

// `sentences` of `text`, each longer than kMaxSentenceBytes split.
std::vector<Span> BoundedSentences(std::string_view text,
                                   const std::vector<Span>& sentences) {
  std::vector<Span> out;
  for (const Span& s : sentences) {
    if (s.size() <= kMaxSentenceBytes) {
      out.push_back(s);
      continue;
    }
    for (const Span& part : SplitLongSpan(text, s, kMaxSentenceBytes)) {
      out.push_back(part);
    }
  }
  return out;
}

// The pieces paragraph-scoped rules run on: the whole paragraph, or runs
// of its (bounded) `sentences` of at most kMaxParagraphBytes.
std::vector<Span> ParagraphPieces(std::string_view text,
                                  const std::vector<Span>& sentences) {
  if (text.size() <= kMaxParagraphBytes) return {Span{0, text.size()}};
  std::vector<Span> pieces;
  for (const Span& s : sentences) {
    if (!pieces.empty() && s.end - pieces.back().begin <= kMaxParagraphBytes) {
      pieces.back().end = s.end;
    } else {
      pieces.push_back(s);
    }
  }
  return pieces;
}

}  // namespace

void Matcher::MatchParagraph(const Skeleton& skeleton,
                             const std::vector<Span>& unbounded_sentences,
                             const std::vector<Quote>& quotes,
                             std::vector<RuleMatch>* out) const {
  const std::string_view text = skeleton.text();
  const std::vector<Span> sentences =
      BoundedSentences(text, unbounded_sentences);
  // Only the rules whose required strings a piece holds can match in it.
  const auto& rules = rules_.rules();
  std::vector<int> candidates;
  CueCache paragraph_cues;
  const std::vector<Span> paragraph_pieces = ParagraphPieces(text, sentences);
  for (const Span& piece : paragraph_pieces) {
    CueCache piece_cues;
    rules_.CandidateRules(piece.In(text), &candidates);
    for (int i : candidates) {
      if (rules[i].scope != RuleScope::kParagraph) continue;
      Run(rules[i], groups_[i], skeleton, piece, quotes,
          paragraph_pieces.size() == 1 ? paragraph_cues : piece_cues, out);
    }
  }
  // A sentence that is the whole paragraph has the paragraph's
  // candidates and cues.
  const bool whole_paragraph = sentences.size() == 1 &&
                               sentences.front().In(text) == text &&
                               paragraph_pieces.size() == 1;
  for (const Span& sentence : sentences) {
    CueCache sentence_cues;
    if (!whole_paragraph) {
      rules_.CandidateRules(sentence.In(skeleton.text()), &candidates);
    }
    CueCache& cues = whole_paragraph ? paragraph_cues : sentence_cues;
    for (int i : candidates) {
      if (rules[i].scope != RuleScope::kSentence) continue;
      Run(rules[i], groups_[i], skeleton, sentence, quotes, cues, out);
    }
  }
}

bool Matcher::IsCue(std::string_view word) const {
  return rules_.InLexicon("SAY_VERBS", word);
}

void Matcher::MatchRule(const Rule& rule, const Skeleton& skeleton,
                        const std::vector<Span>& sentences,
                        const std::vector<Quote>& quotes,
                        std::vector<RuleMatch>* out) const {
  RunScoped(rule, RuleGroupsOf(rule), skeleton, sentences, quotes, out);
}

void Matcher::RunScoped(const Rule& rule, const RuleGroups& groups,
                        const Skeleton& skeleton,
                        const std::vector<Span>& sentences,
                        const std::vector<Quote>& quotes,
                        std::vector<RuleMatch>* out) const {
  if (rule.scope == RuleScope::kParagraph) {
    CueCache cues;
    Run(rule, groups, skeleton, Span{0, skeleton.text().size()}, quotes, cues,
        out);
    return;
  }
  for (const Span& sentence : sentences) {
    CueCache cues;
    Run(rule, groups, skeleton, sentence, quotes, cues, out);
  }
}

void Matcher::Run(const Rule& rule, const RuleGroups& groups,
                  const Skeleton& skeleton, Span piece,
                  const std::vector<Quote>& quotes, CueCache& cues,
                  std::vector<RuleMatch>* out) const {
  if (rule.from_cue != nullptr) {
    RunFromCues(rule, groups, skeleton, piece, quotes, cues, out);
  } else {
    RunWhole(rule, groups.whole, skeleton, piece, quotes, out);
  }
}

void Matcher::RunWhole(const Rule& rule, const Groups& g,
                       const Skeleton& skeleton, Span piece,
                       const std::vector<Quote>& quotes,
                       std::vector<RuleMatch>* out) const {
  const std::string_view text = piece.In(skeleton.text());
  re2::StringPiece groups[kMaxGroups];
  std::size_t pos = 0;
  while (pos <= text.size() &&
         rule.regex().Match(text, pos, text.size(), RE2::UNANCHORED, groups,
                            g.count)) {
    Captures captures;
    captures.whole = groups[0];
    captures.Collect(g, groups);
    AddMatch(rule, captures, skeleton, piece, quotes, out);
    // Continue after this match; an empty match must still advance.
    const std::size_t match_end =
        groups[0].data() - text.data() + groups[0].size();
    pos = std::max(match_end, pos + 1);
  }
}

// The pattern BEFORE(?P<cue>CUE)AFTER matches at the leftmost start the
// cue allows when BEFORE ends where the cue begins; RE2 runs "(?:BEFORE)$"
// backwards from there, which is what makes this cheap: a speaker-first
// pattern searched forward at every position makes RE2's DFA track every
// partial speaker at once.
void Matcher::RunFromCues(const Rule& rule, const RuleGroups& g,
                          const Skeleton& skeleton, Span piece,
                          const std::vector<Quote>& quotes, CueCache& cues,
                          std::vector<RuleMatch>* out) const {
  const std::string_view text = piece.In(skeleton.text());
  // Where each cue gives a match: both sides are found by RE2's DFAs
  // alone, without captures (asked for captures on a short text, RE2
  // skips its DFA and backtracks through the whole program).
  struct Found {
    std::size_t begin, cue, cue_end, end;
  };
  std::vector<Found> found;
  re2::StringPiece whole;
  // A side that needs a quotation cannot match where there is none: for
  // most cues, that is cheaper to see than to learn from the side's regex.
  const std::size_t first_quote = text.find(kPlaceholderOpen);
  const std::size_t last_quote = text.rfind(kPlaceholderOpen);
  for (const CueCache::Cue& at : cues.Find(*rule.cue_finder, text)) {
    const std::size_t cue = at.begin;
    if (rule.before_needs_quote &&
        (first_quote == std::string_view::npos ||
         first_quote + kPlaceholderOpen.size() > cue)) {
      continue;
    }
    if (rule.after_needs_quote &&
        (last_quote == std::string_view::npos || last_quote < cue)) {
      continue;
    }
    const re2::StringPiece before(text.data(), cue);
    // Ending the text at the cue: RE2 refuses an end-anchored match that
    // is asked to end before the end of its text.
    if (rule.before_suffix != nullptr &&
        !rule.before_suffix->Match(before, 0, cue, RE2::UNANCHORED, nullptr,
                                   0)) {
      continue;
    }
    // Whether a side matches at all is cheaper to learn than where.
    auto from_cue_matches = [&] {
      return rule.from_cue->Match(text, cue, text.size(), RE2::ANCHOR_START,
                                  nullptr, 0);
    };
    auto before_cue_matches = [&] {
      return rule.before_cue == nullptr ||
             rule.before_cue->Match(before, 0, cue, RE2::UNANCHORED, nullptr,
                                    0);
    };
    // Both sides must match; the cheaper one goes first.
    const bool matched = rule.before_cue_first
                             ? before_cue_matches() && from_cue_matches()
                             : from_cue_matches() && before_cue_matches();
    if (!matched) continue;
    Found f{cue, cue, at.end, cue};
    if (rule.from_cue->Match(text, cue, text.size(), RE2::ANCHOR_START, &whole,
                             1)) {
      f.end = cue + whole.size();
    }
    if (rule.before_cue != nullptr &&
        rule.before_cue->Match(before, 0, cue, RE2::UNANCHORED, &whole, 1)) {
      f.begin = whole.data() - text.data();
    }
    found.push_back(f);
  }
  std::stable_sort(
      found.begin(), found.end(),
      [](const Found& a, const Found& b) { return a.begin < b.begin; });
  // A speaker holds no reporting verb of its own: when another cue that
  // gives a match, in lowercase ("Ana Told said" is a name), lies between
  // a match's start and its cue ("On Tuesday,
  // the company said it …, warning that …" read with the whole clause as
  // the speaker of "warning"), that cue's match is the reading.
  std::erase_if(found, [&](const Found& f) {
    return std::any_of(found.begin(), found.end(), [&](const Found& g) {
      return g.cue > f.begin && g.cue_end <= f.cue &&
             std::islower(static_cast<unsigned char>(text[g.cue])) &&
             !AfterRelativePronoun(text, g.cue);
    });
  });
  re2::StringPiece groups[kMaxGroups];
  // A match may lie inside the part after an earlier match's cue behind
  // a clause boundary ("X said A, but B said C"): SelectMatches keeps
  // such nested statements and ends the outer one before it.
  std::size_t pos = 0;
  std::size_t cue_end = 0;  // of the last match taken
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Found& f = found[i];
    if (f.begin < pos &&
        (f.begin < cue_end || !ClauseBoundaryBefore(text, cue_end, f.begin))) {
      continue;
    }
    Captures captures;
    const bool tie = i + 1 < found.size() && found[i + 1].begin == f.begin;
    if (tie) {
      // Two cues give a match from the same place ("Hayley Yelling
      // said"): which one the pattern prefers there, only the whole
      // pattern can say.
      const Groups whole_groups = GroupsOf(&rule.regex());
      if (!rule.regex().Match(text, f.begin, text.size(), RE2::ANCHOR_START,
                              groups, whole_groups.count)) {
        continue;
      }
      captures.whole = groups[0];
      captures.Collect(whole_groups, groups);
    } else {
      // Each side again, anchored at both ends, for its captures.
      if (!AfterCueCaptures(rule, text, f.cue, f.cue_end, f.end, &captures)) {
        if (!rule.from_cue->Match(text, f.cue, f.end, RE2::ANCHOR_BOTH, groups,
                                  g.from_cue.count)) {
          continue;
        }
        captures.Collect(g.from_cue, groups);
      }
      if (rule.before_cue != nullptr) {
        // The side runs on the text up to the cue, ending there.
        const std::string_view before = text.substr(0, f.cue);
        if (!CapturesByPieces(rule.before_pieces, before, f.begin, f.cue,
                              &captures)) {
          if (!rule.before_cue->Match(before, f.begin, f.cue, RE2::ANCHOR_BOTH,
                                      groups, g.before_cue.count)) {
            continue;
          }
          captures.Collect(g.before_cue, groups);
        }
      }
      captures.whole = re2::StringPiece(text.data() + f.begin, f.end - f.begin);
    }
    AddMatch(rule, captures, skeleton, piece, quotes, out);
    pos = std::max(f.begin + captures.whole.size(), f.begin + 1);
    cue_end = f.cue_end;
  }
}

// The pattern (?P<cue>CUE)AFTER prefers, at a cue, the parse of CUE that
// the finder prefers there whenever AFTER matches after it, and then
// AFTER's own preferred parse: so when AFTER matches exactly from the
// finder's cue to the end of the match, its captures are the side's.
// AFTER's program alone is a fraction of the side's, and captures cost in
// proportion to the program; its pieces cost less still.
bool Matcher::AfterCueCaptures(const Rule& rule, std::string_view text,
                               std::size_t cue, std::size_t cue_end,
                               std::size_t end, Captures* captures) {
  if (rule.after_cue == nullptr || cue_end > end) return false;
  if (!CapturesByPieces(rule.after_pieces, text, cue_end, end, captures)) {
    // Compiled on first use: the pieces nearly always do.
    const RE2& after = rule.after_cue->Get();
    if (!after.ok()) return false;
    const Groups g = GroupsOf(&after);
    re2::StringPiece groups[kMaxGroups];
    if (!after.Match(text, cue_end, end, RE2::ANCHOR_BOTH, groups, g.count)) {
      return false;
    }
    captures->Collect(g, groups);
  }
  captures->cue = re2::StringPiece(text.data() + cue, cue_end - cue);
  return true;
}

bool Matcher::CapturesByPieces(const std::vector<Rule::Piece>& pieces,
                               std::string_view text, std::size_t begin,
                               std::size_t end, Captures* captures) {
  internal::GroupSpans spans;
  if (!internal::CapturesByPieces(pieces, text, begin, end, &spans)) {
    return false;
  }
  for (const auto& [name, span] : spans) captures->Set(*name, span);
  return true;
}

void Matcher::AddMatch(const Rule& rule, const Captures& captures,
                       const Skeleton& skeleton, Span piece,
                       const std::vector<Quote>& quotes,
                       std::vector<RuleMatch>* out) const {
  const std::string_view text = piece.In(skeleton.text());
  // The span of the skeleton a capture covers, if it took part.
  auto skeleton_span = [&](const re2::StringPiece& c) -> std::optional<Span> {
    if (c.data() == nullptr) return std::nullopt;
    std::size_t b = piece.begin + (c.data() - text.data());
    return Span{b, b + c.size()};
  };
  auto original = [&](const re2::StringPiece& c) -> std::optional<Span> {
    auto s = skeleton_span(c);
    if (!s) return std::nullopt;
    return skeleton.ToOriginal(Trim(skeleton.text(), *s));
  };
  RuleMatch m;
  m.rule = &rule;
  m.whole = *original(captures.whole);
  if (auto sp = skeleton_span(captures.speaker)) {
    const Span trimmed = TrimSpeaker(rules_, skeleton.text(), *sp);
    // "The" or "This" taken for a name speaks for no one; "Sanders's
    // supporters are" before "expected" is a passive, "Britain's" before
    // "charged" owns the next word, "the three" before "states" counts
    // it, and a participle never comes before its subject: none of them
    // is the speaker.
    const std::string_view mention = trimmed.In(skeleton.text());
    if (rules_.InLexicon("NOT_SPEAKERS", mention) || EndsWithBeVerb(mention) ||
        (HoldsFiniteVerb(mention) && !IsParticiple(captures.cue)) ||
        OwnsAnAdjective(mention, captures.cue) ||
        OwnsTheCue(rules_, mention, captures.cue) ||
        CountsAPluralCue(mention, captures.cue) ||
        ParticipleBeforeSpeaker(captures.cue, captures.speaker,
                                captures.content)) {
      return;
    }
    // The owner of a noun cue speaks without its "'s": "Ruiz's attacks on",
    // "the Sanders' attacks on".
    Span owner = trimmed;
    owner.end -= PossessiveSuffix(mention);
    m.speaker = skeleton.ToOriginal(owner);
  }
  m.cue = original(captures.cue);
  if (auto via = skeleton_span(captures.via)) {
    m.via = skeleton.ToOriginal(TrimSpeaker(rules_, skeleton.text(), *via));
  }
  if (auto to = skeleton_span(captures.addressee)) {
    m.addressee =
        skeleton.ToOriginal(TrimSpeaker(rules_, skeleton.text(), *to));
  }
  m.role = original(captures.role);
  m.org = original(captures.org);
  // A rule with no content ("declined to comment") reports an empty
  // content where its match ends.
  m.content = Span{m.whole.end, m.whole.end};
  if (auto content = skeleton_span(captures.content)) {
    int q = skeleton.QuoteAt(*content);
    if (q >= 0) {
      m.type = QuoteType::kDirect;
      m.content = quotes[q].inner;
      m.quotes.push_back(q);
      int q2 = -1;
      if (auto c2 = skeleton_span(captures.content2)) {
        q2 = skeleton.QuoteAt(*c2);
      }
      if (q2 >= 0) {
        m.content_parts = {quotes[q].inner, quotes[q2].inner};
        m.content = Span{quotes[q].inner.begin, quotes[q2].inner.end};
        m.quotes.push_back(q2);
      }
    } else if (rule.type == QuoteType::kDirect) {
      return;  // a direct rule needs a quotation as its content
    } else {
      // A clause split by its attribution ("X, he said, Y") is one content
      // from the first part to the second.
      const std::optional<Span> second = skeleton_span(captures.content2);
      const std::optional<Span> cue = skeleton_span(captures.cue);
      if (!second && cue && content->begin >= cue->end &&
          rules_.InLexicon("OWNED_CUES", cue->In(skeleton.text())) &&
          (OpensWithFiniteVerb(content->In(skeleton.text())) ||
           OpensWithNounPreposition(content->In(skeleton.text())))) {
        return;
      }
      if (!second && cue && content->begin >= cue->end &&
          PluralNounBeforeRelative(
              rules_, cue->In(skeleton.text()),
              Span{cue->end, content->begin}.In(skeleton.text()),
              content->In(skeleton.text()))) {
        return;
      }
      Span clause = CutAtParticiple(
          rules_, skeleton.text(),
          second ? Span{content->begin, second->end} : *content);
      if (!m.via) {
        if (auto relay = CutAtRelay(rules_, skeleton.text(), &clause)) {
          m.via =
              skeleton.ToOriginal(TrimSpeaker(rules_, skeleton.text(), *relay));
        }
      }
      if (!second) {
        clause =
            EndAfterNamingQuote(rules_, skeleton.text(), captures.cue, clause);
        if (cue && content->begin >= cue->end) {
          clause = CutAtClauseEnd(rules_, skeleton.text(), clause);
        }
      }
      // Only a clause after its cue: in "The pier closed and has been
      // empty since, Ruiz said" the second predicate is the pier's.
      if (!second && cue && content->begin >= cue->end) {
        clause = CutAtSecondPredicate(skeleton.text(), clause);
      }
      clause = TrimClause(skeleton.text(), clause);
      // A second part that was only a relay ("…, Ruiz said, as cited by
      // Reuters") leaves the match to the rules for a final attribution.
      if (second && clause.end <= second->begin) return;
      if (second) {
        m.content_parts = {
            skeleton.ToOriginal(TrimClause(skeleton.text(), *content)),
            skeleton.ToOriginal(Span{second->begin, clause.end})};
      }
      m.quotes = skeleton.QuotesIn(clause);
      m.type = m.quotes.empty() ? QuoteType::kIndirect : QuoteType::kMixed;
      m.content = skeleton.ToOriginal(clause);
    }
  }
  out->push_back(std::move(m));
}

namespace {

// Two statements conflict when their contents overlap, unless one is
// reported inside the other: "According to the paper, the council has
// promised to pay" holds the council's promise within the paper's report.
// Nesting needs the inner match's speaker and cue to lie inside the outer
// content.
// Whether `inner` is a statement reported inside the content of `outer`:
// its speaker and cue lie there ("Ruiz said [she called it "a mess"]").
bool Nested(const RuleMatch& outer, const RuleMatch& inner) {
  return inner.speaker && inner.cue && outer.content.Contains(*inner.speaker) &&
         outer.content.Contains(*inner.cue);
}

bool ContentConflicts(const RuleMatch& a, const RuleMatch& b) {
  if (!a.content.Overlaps(b.content)) return false;
  return !Nested(a, b) && !Nested(b, a);
}

}  // namespace

namespace {

// True when the second part of split quote `m` has an attribution of its
// own among `single_quote_matches` (matches of one quotation, with a
// speaker, by that quotation): "A," Ruiz said. "B," Berg added.
bool SecondPartSpeaksForItself(
    const RuleMatch& m, const std::vector<RuleMatch>& candidates,
    const std::unordered_map<int, std::vector<std::size_t>>&
        single_quote_matches) {
  if (m.content_parts.size() < 2 || m.quotes.size() < 2) return false;
  auto it = single_quote_matches.find(m.quotes[1]);
  if (it == single_quote_matches.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](std::size_t i) {
    const RuleMatch& c = candidates[i];
    return !(c.cue && m.cue && c.cue->Overlaps(*m.cue));
  });
}

// True when split statement `m` ("The ferry "looks after tourists," Ruiz
// wrote. "It is wrong.") holds, before its first quotation, another attribution
// of that quotation among `by_quote` (the candidates of each quotation): in
// "Asked about it, Berg said "A," she said", the clause is Berg's
// statement, not a part of one.
bool ClauseHoldsTheQuotationsAttribution(
    const RuleMatch& m, const std::vector<RuleMatch>& candidates,
    std::string_view text, std::span<const Quote> quotes,
    const std::unordered_map<int, std::vector<std::size_t>>& by_quote) {
  if (m.content_parts.size() < 2 || m.quotes.empty() || !m.cue) {
    return false;
  }
  const int first = m.quotes.front();
  if (first < 0 || static_cast<std::size_t>(first) >= quotes.size()) {
    return false;
  }
  const Span outer = quotes[first].outer;
  if (m.cue->begin < outer.end) return false;
  auto it = by_quote.find(first);
  if (it == by_quote.end()) return false;
  // Where the sentence of the first quotation starts: after a line break
  // or a full stop, question or exclamation mark and a space.
  std::size_t sentence = std::min(outer.begin, text.size());
  while (sentence > 0 && text[sentence - 1] != '\n' &&
         !(sentence >= 2 && text[sentence - 1] == ' ' &&
           (text[sentence - 2] == '.' || text[sentence - 2] == '?' ||
            text[sentence - 2] == '!'))) {
    --sentence;
  }
  return std::any_of(it->second.begin(), it->second.end(), [&](std::size_t i) {
    const RuleMatch& c = candidates[i];
    return c.speaker && c.cue && c.speaker->begin >= sentence &&
           c.cue->end <= outer.begin;
  });
}

// Spans by where they begin, to visit the ones a span may overlap without
// visiting them all: a paragraph dense with statements has thousands.
class SpanIndex {
 public:
  void Add(const Span& span, std::size_t id) {
    by_begin_.emplace(span.begin, id);
    longest_ = std::max(longest_, span.size());
  }
  // True when `f(id)` is true for one of the added spans that may overlap
  // `span` (every one that does is visited, and some that do not).
  template <typename F>
  bool AnyNear(const Span& span, F f) const {
    auto it = by_begin_.lower_bound(
        span.begin > longest_ ? span.begin - longest_ : 0);
    for (; it != by_begin_.end() && it->first < span.end; ++it) {
      if (f(it->second)) return true;
    }
    return false;
  }

 private:
  std::multimap<std::size_t, std::size_t> by_begin_;
  std::size_t longest_ = 0;
};

// Whether `inner` is a relative clause inside the content after `outer`'s
// cue: "Ruiz said the levy, which she called "a tax", was late".
bool RelativeInside(const RuleMatch& outer, const RuleMatch& inner,
                    std::string_view text) {
  if (!Nested(outer, inner) || !outer.cue || !inner.speaker ||
      outer.cue->end > outer.content.begin ||
      inner.speaker->begin > text.size()) {
    return false;
  }
  const std::string_view word = WordBefore(text, inner.speaker->begin);
  return word == "which" || word == "what" || word == "whom";
}

// Whether `m` may not be chosen beside `c` in `text` (empty when unknown).
bool Conflicts(const RuleMatch& c, const RuleMatch& m, std::string_view text) {
  if (ContentConflicts(c, m)) return true;
  // One reporting verb introduces one statement.
  if (c.cue && m.cue && c.cue->Overlaps(*m.cue)) return true;
  // A quotation is attributed once, except that a statement keeps the
  // quotation of a relative clause inside it.
  if (!text.empty() &&
      (RelativeInside(c, m, text) || RelativeInside(m, c, text))) {
    return false;
  }
  return std::any_of(m.quotes.begin(), m.quotes.end(), [&](int q) {
    return std::find(c.quotes.begin(), c.quotes.end(), q) != c.quotes.end();
  });
}

// Whether `word` joins a second statement to a first: "and", "but".
bool IsCoordinator(std::string_view word) {
  return word == "and" || word == "but" || word == "then" || word == "also";
}

}  // namespace

bool EndBeforeNestedStatement(const RuleMatch& inner, std::string_view text,
                              RuleMatch* outer) {
  if (outer->type == QuoteType::kDirect || !outer->content_parts.empty() ||
      !inner.speaker || !inner.cue ||
      !outer->content.Contains(*inner.speaker) ||
      !outer->content.Contains(*inner.cue) ||
      inner.speaker->begin <= outer->content.begin ||
      inner.speaker->end > text.size()) {
    return false;
  }
  const std::optional<std::size_t> end =
      ClauseBoundaryBefore(text, outer->content.begin, inner.speaker->begin);
  if (!end) return false;
  outer->content.end = *end;
  return true;
}

namespace {

// Where a statement that reaches `cue_begin`, a second cue of its
// speaker, ends: back over spaces, punctuation and coordinators, but not
// before `begin`. Sets `*joined` when a coordinator was passed.
std::size_t EndBeforeJoinedCue(std::string_view text, std::size_t begin,
                               std::size_t cue_begin, bool* joined) {
  std::size_t end = cue_begin;
  while (end > begin) {
    const char c = text[end - 1];
    if (c == ' ' || c == ',' || c == ';') {
      --end;
      continue;
    }
    const std::size_t word = WordStart(text, begin, end);
    if (word == end || !IsCoordinator(text.substr(word, end - word))) break;
    *joined = true;
    end = word;
  }
  return end;
}

bool EndBeforeSecondStatementImpl(const RuleMatch& second,
                                  std::string_view text, bool need_coordinator,
                                  RuleMatch* m) {
  if (m->type == QuoteType::kDirect || !m->content_parts.empty() || !m->cue ||
      !m->speaker || !second.cue || !second.speaker ||
      !m->content.Contains(*second.cue) ||
      second.cue->begin <= m->content.begin ||
      second.content.begin < second.cue->end) {
    return false;
  }
  // The two speakers are one mention, or the second one, read from the
  // start of the sentence, stands before the first cue: a coordinated verb
  // has the subject of the first ("Harbour board chair Ana Ruiz called on
  // the council to act and said …", where the second rule read
  // "Harbour" alone).
  const bool same_speaker = second.speaker->Overlaps(*m->speaker);
  if (!same_speaker && second.speaker->end > m->cue->begin) return false;
  bool joined = false;
  const std::size_t end =
      EndBeforeJoinedCue(text, m->content.begin, second.cue->begin, &joined);
  if (end <= m->content.begin ||
      ((need_coordinator || !same_speaker) && !joined)) {
    return false;
  }
  m->content.end = end;
  return true;
}

}  // namespace

bool EndBeforeSecondStatement(const RuleMatch& second, std::string_view text,
                              RuleMatch* m) {
  return EndBeforeSecondStatementImpl(second, text, false, m);
}

bool EndBeforeJoinedStatement(const RuleMatch& second, std::string_view text,
                              RuleMatch* first) {
  return EndBeforeSecondStatementImpl(second, text, true, first);
}

namespace {

// After `m`'s content was shortened: the quotations it attributes are
// those still inside it, and a mixed statement left without one is
// indirect.
void KeepQuotesInContent(std::span<const Quote> quotes, RuleMatch* m) {
  if (quotes.empty()) return;
  std::erase_if(m->quotes, [&](int q) {
    return q < 0 || static_cast<std::size_t>(q) >= quotes.size() ||
           !m->content.Contains(quotes[q].outer);
  });
  if (m->type == QuoteType::kMixed && m->quotes.empty()) {
    m->type = QuoteType::kIndirect;
  }
}

// After `first` was ended before `second`, a verb coordinated with its
// own: the second verb has the first one's subject, whatever mention the
// second rule read there ("Harbour" for "Harbour board chair Ana Ruiz").
void TakeTheSubject(const RuleMatch& first, RuleMatch* second) {
  if (first.speaker && second->speaker &&
      !first.speaker->Overlaps(*second->speaker)) {
    second->speaker = first.speaker;
    second->role = first.role;
    second->org = first.org;
  }
}

}  // namespace

std::vector<RuleMatch> SelectMatches(std::vector<RuleMatch> candidates,
                                     std::string_view text,
                                     std::span<const Quote> quotes) {
  std::unordered_map<int, std::vector<std::size_t>> single_quote_matches;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].quotes.size() == 1 && candidates[i].speaker) {
      single_quote_matches[candidates[i].quotes.front()].push_back(i);
    }
  }
  std::unordered_map<int, std::vector<std::size_t>> by_quote_candidates;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (int q : candidates[i].quotes) by_quote_candidates[q].push_back(i);
  }
  std::vector<bool> drop(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    drop[i] = SecondPartSpeaksForItself(candidates[i], candidates,
                                        single_quote_matches) ||
              ClauseHoldsTheQuotationsAttribution(
                  candidates[i], candidates, text, quotes, by_quote_candidates);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) candidates[kept] = std::move(candidates[i]);
    ++kept;
  }
  candidates.resize(kept);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const RuleMatch& a, const RuleMatch& b) {
                     if (a.rule->priority != b.rule->priority)
                       return a.rule->priority > b.rule->priority;
                     if (a.content.size() != b.content.size())
                       return a.content.size() > b.content.size();
                     return a.content.begin < b.content.begin;
                   });
  // Every match that may conflict with a candidate shares a quotation
  // with it or has a content or a cue that overlaps its own.
  std::vector<RuleMatch> chosen;
  SpanIndex contents, cues;
  std::unordered_map<int, std::vector<std::size_t>> by_quote;
  // The first chosen match that `m` conflicts with, if any.
  auto first_conflict = [&](const RuleMatch& m) -> std::optional<std::size_t> {
    std::optional<std::size_t> hit;
    auto conflicts = [&](std::size_t i) {
      if (Conflicts(chosen[i], m, text)) hit = i;
      return hit.has_value();
    };
    if (contents.AnyNear(m.content, conflicts) ||
        (m.cue && cues.AnyNear(*m.cue, conflicts))) {
      return hit;
    }
    for (int q : m.quotes) {
      auto it = by_quote.find(q);
      if (it != by_quote.end() &&
          std::any_of(it->second.begin(), it->second.end(), conflicts)) {
        return hit;
      }
    }
    return std::nullopt;
  };
  for (RuleMatch& m : candidates) {
    std::optional<std::size_t> hit = first_conflict(m);
    // A statement that runs into a chosen later one (of the same speaker,
    // or of another behind a clause boundary) ends before it instead.
    if (hit && !text.empty() &&
        EndBeforeSecondStatement(chosen[*hit], text, &m)) {
      TakeTheSubject(m, &chosen[*hit]);
      KeepQuotesInContent(quotes, &m);
      hit = first_conflict(m);
    } else if (hit && !text.empty() &&
               EndBeforeNestedStatement(chosen[*hit], text, &m)) {
      KeepQuotesInContent(quotes, &m);
      hit = first_conflict(m);
    }
    // And a chosen statement that runs into `m`, the same speaker's second
    // one, ends before it: "X praised A and said B". (The indexes keep the
    // chosen match's old extent, a superset of its new one.)
    if (hit && !text.empty() &&
        EndBeforeJoinedStatement(m, text, &chosen[*hit])) {
      TakeTheSubject(chosen[*hit], &m);
      KeepQuotesInContent(quotes, &chosen[*hit]);
      hit = first_conflict(m);
    }
    if (hit) continue;
    const std::size_t id = chosen.size();
    contents.Add(m.content, id);
    if (m.cue) cues.Add(*m.cue, id);
    for (int q : m.quotes) by_quote[q].push_back(id);
    chosen.push_back(std::move(m));
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const RuleMatch& a, const RuleMatch& b) {
              return a.content.begin < b.content.begin;
            });
  // A statement reported after another's, inside its content, ends it.
  if (!text.empty()) {
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      for (std::size_t j = i + 1; j < chosen.size(); ++j) {
        if (chosen[j].content.begin >= chosen[i].content.end) break;
        if (EndBeforeNestedStatement(chosen[j], text, &chosen[i])) {
          KeepQuotesInContent(quotes, &chosen[i]);
          break;
        }
      }
    }
  }
  return chosen;
}

}  // namespace whosaid
