// The whole pipeline for one document: segment, scan quotes, build the
// skeleton, match rules, resolve speakers.
#ifndef WHOSAID_EXTRACTOR_H_
#define WHOSAID_EXTRACTOR_H_

#include <memory>

#include "whosaid/attribution.h"
#include "whosaid/document.h"
#include "whosaid/rule_set.h"

namespace whosaid {

class Matcher;
class Resolver;

class Extractor {
 public:
  // `rules` must not be null. The extractor keeps a reference to them.
  explicit Extractor(std::shared_ptr<const RuleSet> rules);
  ~Extractor();

  // Finds every attribution in `doc`. Never fails: text that is not valid
  // UTF-8 is processed as is, with a warning naming the first bad byte
  // offset. Thread-safe: one Extractor may serve many threads at once.
  DocumentResult Extract(const Document& doc) const;

  const RuleSet& rules() const { return *rules_; }

 private:
  std::shared_ptr<const RuleSet> rules_;
  std::unique_ptr<const Matcher> matcher_;
  std::unique_ptr<const Resolver> resolver_;
};

}  // namespace whosaid

#endif  // WHOSAID_EXTRACTOR_H_
