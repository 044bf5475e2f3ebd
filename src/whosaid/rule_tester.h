// Runs a rule's examples and counterexamples, as `whosaid rules test` and
// the test suite do.
#ifndef WHOSAID_RULE_TESTER_H_
#define WHOSAID_RULE_TESTER_H_

#include <string>
#include <vector>

#include "whosaid/rule_set.h"

namespace whosaid {

// One failed check, with a message "SOURCE:LINE: rule ID: what went wrong".
struct RuleTestFailure {
  std::string rule_id;
  std::string message;
};

// Checks every example of `rule` (the rule alone, applied to the example's
// paragraph, must find a match capturing the expected content, speaker and
// cue) and every counterexample (the rule must find no match). Returns the
// failures; empty means the rule passes.
std::vector<RuleTestFailure> TestRule(const RuleSet& rules, const Rule& rule);

}  // namespace whosaid

#endif  // WHOSAID_RULE_TESTER_H_
