#include "whosaid/evaluation.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace whosaid {
namespace {

// ---------------------------------------------------------------------------
// UTF-8, just enough to trim and to split words. Invalid bytes decode as
// kInvalid, one byte at a time, and count as neither letters nor trimmable.

constexpr char32_t kInvalid = 0xFFFFFFFF;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point starting at s[i]; its length in `*len` (1 when invalid).
char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* len) {
  const auto lead = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (lead < 0x80) return lead;
  std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || lead > 0xF4 || i + n > s.size()) return kInvalid;
  char32_t cp = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (!IsContinuation(c)) return kInvalid;
    cp = (cp << 6) | (c & 0x3F);
  }
  *len = n;
  return cp;
}

// The start of the code point that ends at s[end - 1].
std::size_t PreviousStart(std::string_view s, std::size_t end) {
  std::size_t i = end - 1;
  while (i > 0 && end - i < 4 && IsContinuation(s[i])) --i;
  std::size_t len;
  DecodeAt(s, i, &len);
  // A stray continuation byte is a code point of its own.
  return i + len == end ? i : end - 1;
}

bool IsAsciiSpaceOrPunct(char32_t c) {
  return c < 0x80 && (c == ' ' || (c >= '\t' && c <= '\r') ||
                      (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
                      (c >= '[' && c <= '`') || (c >= '{' && c <= '~'));
}

// Spaces, punctuation and quotation marks, trimmed from contents before the
// exact comparison and never part of a word.
bool IsTrimmable(char32_t c) {
  if (c < 0x80) return IsAsciiSpaceOrPunct(c);
  switch (c) {
    case 0x00A0:  // no-break space
    case 0x00A1:  // ¡
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x00BF:  // ¿
    case 0x2026:  // …
    case 0x2039:  // ‹
    case 0x203A:  // ›
    case 0x202F:  // narrow no-break space
    case 0x205F:  // medium mathematical space
    case 0x3000:  // ideographic space
    case 0xFEFF:  // zero width no-break space
    case 0xFF02:  // ＂
      return true;
  }
  return (c >= 0x2000 && c <= 0x200B) ||  // spaces
         (c >= 0x2010 && c <= 0x2015) ||  // hyphens and dashes
         (c >= 0x2018 && c <= 0x201F) ||  // ‘ ’ ‚ ‛ “ ” „ ‟
         (c >= 0x300C && c <= 0x300F);    // 「 」 『 』
}

// `span` without trimmable code points at either end.
Span Trim(Span span, std::string_view text) {
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  while (span.begin < span.end) {
    std::size_t len;
    if (!IsTrimmable(DecodeAt(text, span.begin, &len))) break;
    span.begin = std::min(span.begin + len, span.end);
  }
  while (span.end > span.begin) {
    const std::size_t start =
        std::max(PreviousStart(text, span.end), span.begin);
    std::size_t len;
    if (!IsTrimmable(DecodeAt(text, start, &len))) break;
    span.end = start;
  }
  return span;
}

// ---------------------------------------------------------------------------
// Name words (see evaluation.h).

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return c != kInvalid && !IsTrimmable(c);
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;     // Latin-1, not ×
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;  // Latin Extended-A
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  return (c >= 0x391 && c <= 0x3A9) ||  // Greek
         (c >= 0x400 && c <= 0x42F);    // Cyrillic
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lower-cased words that are capitalised without naming anyone.
bool IsStopWord(const std::string& lower) {
  static constexpr std::string_view kStopWords[] = {
      // Articles, pronouns, determiners, little words of titles.
      "the", "an", "he", "she", "it", "its", "they", "them", "we", "us", "you",
      "his", "her", "hers", "their", "our", "my", "your", "this", "that",
      "these", "those", "of", "and", "for", "in", "on", "at", "to",
      // Honorifics, titles and suffixes.
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady",
      "lord", "jr", "sr", "ii", "iii", "sen", "senator", "rep", "gov",
      "governor", "president", "minister", "prime", "secretary", "chief", "gen",
      "general", "col", "lt", "sgt", "capt", "adm", "judge", "spokesman",
      "spokeswoman", "spokesperson",
      // Institutions of any country.
      "department", "ministry", "office", "agency", "committee", "government"};
  return std::find(std::begin(kStopWords), std::end(kStopWords), lower) !=
         std::end(kStopWords);
}

// The name words of `name`, ASCII lower-cased, sorted and unique.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t len;
    if (!IsLetter(DecodeAt(name, i, &len))) {
      i += len;
      continue;
    }
    const std::size_t start = i;
    int letters = 0;
    bool upper = false;
    for (char32_t c; i < name.size() && IsLetter(c = DecodeAt(name, i, &len));
         i += len) {
      if (letters++ == 0) upper = IsUpper(c);
    }
    std::string word = AsciiLower(name.substr(start, i - start));
    if (letters >= 2 && upper && !IsStopWord(word)) words.push_back(word);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

bool ShareNameWord(std::string_view a, std::string_view b) {
  const std::vector<std::string> wa = NameWords(a);
  const std::vector<std::string> wb = NameWords(b);
  std::vector<std::string> common;
  std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(),
                        std::back_inserter(common));
  return !common.empty();
}

bool IsNullSpeaker(const Attribution& q) {
  return !q.speaker && q.speaker_name.empty();
}

bool SpeakerCorrect(const Attribution& gold, const Attribution& system) {
  if (gold.speaker && system.speaker &&
      gold.speaker->Overlaps(*system.speaker)) {
    return true;
  }
  if (ShareNameWord(gold.speaker_name, system.speaker_name)) return true;
  return IsNullSpeaker(gold) && IsNullSpeaker(system);
}

// ---------------------------------------------------------------------------
// Matching.

struct Candidate {
  std::size_t gold;
  std::size_t system;
  // The Jaccard index as a fraction, compared exactly.
  std::size_t shared;
  std::size_t joint;
};

// The pair as a candidate if its Jaccard index is at least 0.5.
std::optional<Candidate> OverlapCandidate(std::size_t g, const Span& a,
                                          std::size_t s, const Span& b) {
  const std::size_t lo = std::max(a.begin, b.begin);
  const std::size_t hi = std::min(a.end, b.end);
  const std::size_t shared = hi > lo ? hi - lo : 0;
  const std::size_t joint = a.size() + b.size() - shared;
  if (joint == 0 || 2 * shared < joint) return std::nullopt;
  return Candidate{g, s, shared, joint};
}

// Pairs (gold index, system index), one-to-one, taken greedily by
// descending Jaccard, then gold order, then system order.
std::vector<std::pair<std::size_t, std::size_t>> Greedy(
    std::vector<Candidate> candidates, std::size_t gold_count,
    std::size_t system_count) {
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& x, const Candidate& y) {
              const std::uint64_t lhs = std::uint64_t{x.shared} * y.joint;
              const std::uint64_t rhs = std::uint64_t{y.shared} * x.joint;
              if (lhs != rhs) return lhs > rhs;
              return std::pair(x.gold, x.system) < std::pair(y.gold, y.system);
            });
  std::vector<bool> gold_taken(gold_count), system_taken(system_count);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const Candidate& c : candidates) {
    if (gold_taken[c.gold] || system_taken[c.system]) continue;
    gold_taken[c.gold] = system_taken[c.system] = true;
    pairs.emplace_back(c.gold, c.system);
  }
  return pairs;
}

using Quotes = std::vector<const Attribution*>;

// Raw counts, summed over documents before rates are computed.
struct Counts {
  int gold = 0;
  int system = 0;
  int overlap_tp = 0;
  int exact_tp = 0;
  int speaker_correct = 0;
};

int CountOverlapMatches(const Quotes& gold, const Quotes& system,
                        int* speaker_correct) {
  std::vector<Candidate> candidates;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t s = 0; s < system.size(); ++s) {
      if (auto c =
              OverlapCandidate(g, gold[g]->content, s, system[s]->content)) {
        candidates.push_back(*c);
      }
    }
  }
  const auto pairs = Greedy(std::move(candidates), gold.size(), system.size());
  for (const auto& [g, s] : pairs) {
    if (SpeakerCorrect(*gold[g], *system[s])) ++*speaker_correct;
  }
  return static_cast<int>(pairs.size());
}

int CountExactMatches(const Quotes& gold, const Quotes& system,
                      std::string_view text) {
  std::vector<Span> system_trimmed;
  for (const Attribution* q : system) {
    system_trimmed.push_back(Trim(q->content, text));
  }
  std::vector<Candidate> candidates;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    const Span trimmed = Trim(gold[g]->content, text);
    for (std::size_t s = 0; s < system.size(); ++s) {
      if (system_trimmed[s] == trimmed) candidates.push_back({g, s, 1, 1});
    }
  }
  return static_cast<int>(
      Greedy(std::move(candidates), gold.size(), system.size()).size());
}

Counts ScoreQuotes(const Quotes& gold, const Quotes& system,
                   std::string_view text) {
  Counts counts;
  counts.gold = static_cast<int>(gold.size());
  counts.system = static_cast<int>(system.size());
  counts.overlap_tp =
      CountOverlapMatches(gold, system, &counts.speaker_correct);
  counts.exact_tp = CountExactMatches(gold, system, text);
  return counts;
}

void Add(const Counts& c, Counts* total) {
  total->gold += c.gold;
  total->system += c.system;
  total->overlap_tp += c.overlap_tp;
  total->exact_tp += c.exact_tp;
  total->speaker_correct += c.speaker_correct;
}

double Ratio(int num, int den) { return den > 0 ? double(num) / den : 0.0; }

PRF MakePRF(int tp, int gold, int system) {
  PRF prf;
  prf.tp = tp;
  prf.fp = system - tp;
  prf.fn = gold - tp;
  prf.precision = Ratio(tp, system);
  prf.recall = Ratio(tp, gold);
  const double sum = prf.precision + prf.recall;
  prf.f1 = sum > 0 ? 2 * prf.precision * prf.recall / sum : 0.0;
  return prf;
}

TypeScores MakeScores(const Counts& c) {
  TypeScores t;
  t.overlap = MakePRF(c.overlap_tp, c.gold, c.system);
  t.exact = MakePRF(c.exact_tp, c.gold, c.system);
  t.matched = c.overlap_tp;
  t.speaker_correct = c.speaker_correct;
  t.speaker_accuracy = Ratio(c.speaker_correct, c.overlap_tp);
  t.end_to_end = MakePRF(c.speaker_correct, c.gold, c.system);
  return t;
}

std::vector<QuoteType> ScoredTypes(const EvalOptions& options) {
  std::vector<QuoteType> types = options.types;
  if (types.empty()) {
    types = {QuoteType::kDirect, QuoteType::kMixed, QuoteType::kIndirect};
  }
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

// The quotes of `doc` (may be null: no quotes) whose type is in `types`.
Quotes Select(const DocumentResult* doc, const std::vector<QuoteType>& types) {
  Quotes out;
  if (doc == nullptr) return out;
  for (const Attribution& q : doc->quotes) {
    if (std::find(types.begin(), types.end(), q.type) != types.end()) {
      out.push_back(&q);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Reporting.

nlohmann::json PRFToJson(const PRF& p) {
  return {{"tp", p.tp},         {"fp", p.fp},
          {"fn", p.fn},         {"precision", p.precision},
          {"recall", p.recall}, {"f1", p.f1}};
}

nlohmann::json ScoresToJson(const TypeScores& t) {
  return {{"overlap", PRFToJson(t.overlap)},
          {"exact", PRFToJson(t.exact)},
          {"matched", t.matched},
          {"speaker_correct", t.speaker_correct},
          {"speaker_accuracy", t.speaker_accuracy},
          {"end_to_end", PRFToJson(t.end_to_end)}};
}

std::string Format(const char* format, auto... args) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, format, args...);
  return buffer;
}

std::string PRFCells(const PRF& p) {
  return Format(" %6.3f %6.3f %6.3f %6d", p.precision, p.recall, p.f1, p.tp);
}

std::string Row(const std::string& name, const TypeScores& t) {
  const int gold = t.overlap.tp + t.overlap.fn;
  const int system = t.overlap.tp + t.overlap.fp;
  return Format("%-9s %6d %6d |", name.c_str(), gold, system) +
         PRFCells(t.overlap) + " |" + PRFCells(t.exact) + " |" +
         Format(" %6.3f %6d/%-6d |", t.speaker_accuracy, t.speaker_correct,
                t.matched) +
         PRFCells(t.end_to_end) + "\n";
}

}  // namespace

EvalReport Evaluate(const std::vector<DocumentResult>& gold,
                    const std::vector<DocumentResult>& system,
                    const EvalOptions& options) {
  std::unordered_map<std::string_view, const DocumentResult*> by_id;
  for (const DocumentResult& doc : system) by_id.emplace(doc.id, &doc);
  const std::vector<QuoteType> types = ScoredTypes(options);

  EvalReport report;
  std::map<std::string, Counts> per_type;
  for (QuoteType t : types) per_type[std::string(QuoteTypeName(t))];
  Counts overall;
  std::unordered_set<std::string_view> gold_ids;
  for (const DocumentResult& g : gold) {
    gold_ids.insert(g.id);
    auto it = by_id.find(g.id);
    const DocumentResult* s = it == by_id.end() ? nullptr : it->second;
    ++report.documents;
    if (s == nullptr) ++report.missing_documents;
    for (QuoteType t : types) {
      Add(ScoreQuotes(Select(&g, {t}), Select(s, {t}), g.text),
          &per_type[std::string(QuoteTypeName(t))]);
    }
    Add(ScoreQuotes(Select(&g, types), Select(s, types), g.text), &overall);
  }
  for (const auto& [id, doc] : by_id) {
    if (!gold_ids.contains(id)) ++report.extra_documents;
  }
  for (const auto& [name, counts] : per_type) {
    report.by_type[name] = MakeScores(counts);
  }
  report.overall = MakeScores(overall);
  return report;
}

std::string FormatReport(const EvalReport& report) {
  // The widths match Row() and PRFCells().
  std::string out = Format("%-23s |", "") +
                    Format(" %-27s |", "detection, overlap") +
                    Format(" %-27s |", "detection, exact") +
                    Format(" %-20s |", "speaker") + " end to end\n";
  const std::string prf = Format(" %6s %6s %6s %6s", "P", "R", "F1", "tp");
  out += Format("%-9s %6s %6s |", "type", "gold", "system") + prf + " |" + prf +
         " |" + Format(" %6s %13s |", "acc", "right/matched") + prf + "\n";
  for (std::string_view name : {"direct", "mixed", "indirect"}) {
    auto it = report.by_type.find(std::string(name));
    if (it != report.by_type.end()) out += Row(it->first, it->second);
  }
  out += Row("overall", report.overall);
  out += Format(
      "documents: %d scored, %d missing from the system output, %d extra "
      "(ignored)\n",
      report.documents, report.missing_documents, report.extra_documents);
  return out;
}

nlohmann::json ReportToJson(const EvalReport& report) {
  nlohmann::json by_type = nlohmann::json::object();
  for (const auto& [name, scores] : report.by_type) {
    by_type[name] = ScoresToJson(scores);
  }
  return {{"documents", report.documents},
          {"missing_documents", report.missing_documents},
          {"extra_documents", report.extra_documents},
          {"by_type", std::move(by_type)},
          {"overall", ScoresToJson(report.overall)}};
}

}  // namespace whosaid
