// Which rules can match a text, found cheaply before any rule runs: RE2's
// FilteredRE2 reduces each pattern to the literal strings it needs (a
// placeholder, one of the reporting verbs, ...), and one RE2::Set pass over
// the lower-cased text finds which of those strings are there.
#ifndef WHOSAID_RULE_PREFILTER_H_
#define WHOSAID_RULE_PREFILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {

class RulePrefilter {
 public:
  RulePrefilter();
  ~RulePrefilter();

  // Compiles `pattern` and adds it; returns its id (0, 1, ... in order of
  // adding), or -1 when RE2 cannot compile it (the caller reports why).
  // Only before Compile().
  int Add(const std::string& pattern, const RE2::Options& options);

  // The compiled pattern `id`; it lives as long as the prefilter.
  const RE2& Regex(int id) const { return filter_.GetRE2(id); }

  // Prepares the filter once every pattern is added.
  void Compile();

  // Ids of the patterns that may match `text`: every pattern that does is
  // among them. Thread-safe after Compile().
  void Candidates(std::string_view text, std::vector<int>* ids) const;

 private:
  re2::FilteredRE2 filter_;
  std::unique_ptr<RE2::Set> atoms_;  // null when no pattern needs a string
  bool compiled_ = false;
};

}  // namespace whosaid

#endif  // WHOSAID_RULE_PREFILTER_H_
