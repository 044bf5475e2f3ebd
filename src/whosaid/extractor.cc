#include "whosaid/extractor.h"

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
  int previous_paragraph_last = -1;  // last candidate of the last paragraph
  std::vector<RuleMatch> found;
  for (const Span& paragraph : paragraphs) {
    const Skeleton skeleton(text, paragraph, quotes);
    found.clear();
    matcher_->MatchParagraph(skeleton, skeleton.Sentences(),
                             quotes, &found);
    std::vector<RuleMatch> chosen = SelectMatches(std::move(found));
    found = {};
    if (chosen.empty()) {
      // A quotation paragraph with no attribution of its own continues the
      // speaker of a quotation in the paragraph before.
      const int q = LeadingQuote(skeleton);
      const bool continues = q >= 0 && (OnlyQuotation(skeleton.text()) ||
                                        quotes[q].continues >= 0);
      if (continues && previous_paragraph_last >= 0 &&
          candidates[previous_paragraph_last].match.type !=
              QuoteType::kIndirect) {
        Candidate c;
        c.match.type = QuoteType::kDirect;
        c.match.content = quotes[q].inner;
        c.match.quotes = {q};
        c.continues = previous_paragraph_last;
        candidates.push_back(std::move(c));
        previous_paragraph_last = static_cast<int>(candidates.size()) - 1;
        continue;
      }
      previous_paragraph_last = -1;
      continue;
    }
    for (RuleMatch& m : chosen) candidates.push_back({std::move(m), -1});
    previous_paragraph_last = static_cast<int>(candidates.size()) - 1;
  }
  resolver_->Resolve(candidates, &result);
  return result;
}

}  // namespace whosaid
