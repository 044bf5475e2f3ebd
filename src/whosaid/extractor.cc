#include "whosaid/extractor.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "whosaid/internal/utf8.h"
#include "whosaid/matcher.h"
#include "whosaid/quote_scanner.h"
#include "whosaid/resolver.h"
#include "whosaid/segmenter.h"
#include "whosaid/skeleton.h"

namespace whosaid {
namespace {

// True when the skeleton holds nothing but placeholders, spaces and
// punctuation: a paragraph that is all quotation.
bool OnlyQuotation(const std::string& skeleton) {
  bool in_placeholder = false;
  for (std::size_t i = 0; i < skeleton.size(); ++i) {
    if (skeleton.compare(i, kPlaceholderOpen.size(), kPlaceholderOpen) == 0) {
      in_placeholder = true;
      i += kPlaceholderOpen.size() - 1;
    } else if (skeleton.compare(i, kPlaceholderClose.size(),
                                kPlaceholderClose) == 0) {
      in_placeholder = false;
      i += kPlaceholderClose.size() - 1;
    } else if (!in_placeholder &&
               std::isalnum(static_cast<unsigned char>(skeleton[i]))) {
      return false;
    }
  }
  return true;
}

// The first top-level quote whose placeholder opens `skeleton`, or -1.
int LeadingQuote(const Skeleton& skeleton) {
  const std::string& s = skeleton.text();
  std::size_t i = s.find_first_not_of(" \t");
  if (i == std::string::npos ||
      s.compare(i, kPlaceholderOpen.size(), kPlaceholderOpen) != 0) {
    return -1;
  }
  std::size_t close = s.find(kPlaceholderClose, i);
  return skeleton.QuoteAt(Span{i, close + kPlaceholderClose.size()});
}

// True when the skeleton's text ends with a colon: a lead-in such as
// "He declared:" whose quotation opens the next paragraph.
bool EndsWithColon(const std::string& skeleton) {
  std::size_t end = skeleton.find_last_not_of(" \t");
  return end != std::string::npos && skeleton[end] == ':';
}

// The index of the first of `quotes` (sorted by outer.begin) that begins
// at `offset` or after it; quotes.size() when none does.
int FirstQuoteFrom(std::size_t offset, const std::vector<Quote>& quotes) {
  return static_cast<int>(
      std::lower_bound(quotes.begin(), quotes.end(), offset,
                       [](const Quote& q, std::size_t offset) {
                         return q.outer.begin < offset;
                       }) -
      quotes.begin());
}

// The top-level quotation that opens `paragraph`, or -1.
int QuoteOpening(Span paragraph, const std::vector<Quote>& quotes) {
  const int q = FirstQuoteFrom(paragraph.begin, quotes);
  if (q == static_cast<int>(quotes.size()) ||
      quotes[q].outer.begin != paragraph.begin || quotes[q].depth != 0) {
    return -1;
  }
  return q;
}

// A direct statement of quotation `q` alone that continues candidate
// `earlier`: no cue and no speaker of its own.
Candidate ContinuationOf(int q, const std::vector<Quote>& quotes, int earlier) {
  Candidate c;
  c.match.type = QuoteType::kDirect;
  c.match.content = quotes[q].inner;
  c.match.quotes = {q};
  c.continues = earlier;
  return c;
}

// For a paragraph where no rule matched: when it opens with a quotation and
// is all quotation (or reopens a quotation left open), it continues the
// speaker of the paragraph before. Returns the new "last candidate of the
// paragraph before" for the next paragraph.
int Continue(const Skeleton& skeleton, const std::vector<Quote>& quotes,
             int previous_last, std::vector<int>* owner,
             std::vector<Candidate>* candidates) {
  const int q = LeadingQuote(skeleton);
  if (q < 0) return -1;
  // Already attributed by the lead-in of the paragraph before.
  if ((*owner)[q] >= 0) return (*owner)[q];
  const bool continues =
      OnlyQuotation(skeleton.text()) || quotes[q].continues >= 0;
  if (!continues || previous_last < 0 ||
      (*candidates)[previous_last].match.type == QuoteType::kIndirect) {
    return -1;
  }
  (*owner)[q] = static_cast<int>(candidates->size());
  candidates->push_back(ContinuationOf(q, quotes, previous_last));
  return static_cast<int>(candidates->size()) - 1;
}

// Adds `chosen`, the matches of `paragraph`, to `candidates` in text
// order, together with a continuation for each quote of the paragraph
// that no match attributes and that reopens one a direct or mixed match
// attributes (paragraphs joined into one: '…told the paper: "A. "B."',
// see Quote::continues): it takes that match's speaker.
void AddParagraph(std::vector<RuleMatch> chosen, Span paragraph,
                  const std::vector<Quote>& quotes, std::vector<int>* owner,
                  std::vector<Candidate>* candidates) {
  // The quotes of the paragraph are quotes[first, last).
  const int first = FirstQuoteFrom(paragraph.begin, quotes);
  const int last = FirstQuoteFrom(paragraph.end, quotes);
  // Which entry of `added` attributes each quote of the paragraph, or -1.
  std::vector<int> entry_of(last - first, -1);
  std::vector<Candidate> added;
  for (RuleMatch& m : chosen) {
    for (int q : m.quotes) {
      if (q >= first && q < last) {
        entry_of[q - first] = static_cast<int>(added.size());
      }
    }
    added.push_back({std::move(m), -1});
  }
  for (int q = first; q < last; ++q) {
    const int earlier = quotes[q].continues;
    if (quotes[q].depth != 0 || earlier < first || (*owner)[q] >= 0 ||
        entry_of[q - first] >= 0) {
      continue;
    }
    const int entry = entry_of[earlier - first];
    if (entry < 0 || added[entry].match.type == QuoteType::kIndirect) {
      continue;
    }
    entry_of[q - first] = static_cast<int>(added.size());
    // Continues an entry of `added` until they are placed.
    added.push_back(ContinuationOf(q, quotes, entry));
  }
  // In text order; a continuation comes after the entry it continues.
  std::vector<int> order(added.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return added[x].match.content.begin < added[y].match.content.begin;
  });
  std::vector<int> placed(added.size());
  for (int entry : order) {
    placed[entry] = static_cast<int>(candidates->size());
    Candidate& c = added[entry];
    if (c.continues >= 0) c.continues = placed[c.continues];
    for (int q : c.match.quotes) (*owner)[q] = placed[entry];
    candidates->push_back(std::move(c));
  }
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const RuleSet> rules)
    : rules_(std::move(rules)),
      matcher_(std::make_unique<Matcher>(*rules_)),
      resolver_(std::make_unique<Resolver>(*rules_)) {}

Extractor::~Extractor() = default;

DocumentResult Extractor::Extract(const Document& doc) const {
  DocumentResult result;
  result.id = doc.id;
  result.text = doc.text;
  if (auto bad = internal::FirstInvalidUtf8(doc.text)) {
    result.warnings.push_back("invalid UTF-8 at byte offset " +
                              std::to_string(*bad));
  }
  const std::string_view text = result.text;
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  const std::vector<Quote> quotes = ScanQuotes(text, paragraphs);

  std::vector<Candidate> candidates;
  // Which candidate attributes each quotation, or -1.
  std::vector<int> owner(quotes.size(), -1);
  int previous_last = -1;  // last candidate of the paragraph before
  const auto is_cue = [this](std::string_view w) { return matcher_->IsCue(w); };
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    Skeleton skeleton(text, paragraphs[i], quotes);
    if (EndsWithColon(skeleton.text()) && i + 1 < paragraphs.size()) {
      const int next = QuoteOpening(paragraphs[i + 1], quotes);
      if (next >= 0) skeleton.AppendQuote(next, quotes);
    }
    std::vector<RuleMatch> found;
    matcher_->MatchParagraph(skeleton, skeleton.Sentences(is_cue), quotes,
                             &found);
    // A quotation attributed by the paragraph before (after a colon) is
    // not attributed again.
    std::erase_if(found, [&](const RuleMatch& m) {
      return std::any_of(m.quotes.begin(), m.quotes.end(),
                         [&](int q) { return owner[q] >= 0; });
    });
    std::vector<RuleMatch> chosen =
        SelectMatches(std::move(found), text, quotes);
    if (chosen.empty()) {
      previous_last =
          Continue(skeleton, quotes, previous_last, &owner, &candidates);
      continue;
    }
    AddParagraph(std::move(chosen), paragraphs[i], quotes, &owner, &candidates);
    previous_last = static_cast<int>(candidates.size()) - 1;
  }
  resolver_->Resolve(candidates, &result);
  return result;
}

}  // namespace whosaid
