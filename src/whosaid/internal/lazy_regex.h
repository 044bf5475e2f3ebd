// An RE2 pattern compiled on first use, for patterns that are needed
// rarely or never: a compiled pattern holds megabytes of parse tree and
// program that a rule set would otherwise keep for nothing.
#ifndef WHOSAID_INTERNAL_LAZY_REGEX_H_
#define WHOSAID_INTERNAL_LAZY_REGEX_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace whosaid::internal {

class LazyRegex {
 public:
  // Will compile `pattern` with `options` when first asked for it.
  LazyRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  // Holds `compiled`, already compiled.
  explicit LazyRegex(std::shared_ptr<const RE2> compiled)
      : regex_(std::move(compiled)) {
    std::call_once(once_, [] {});
  }

  // The compiled pattern. Thread-safe; the first call compiles it.
  const RE2& Get() const {
    std::call_once(once_, [this] {
      regex_ = std::make_shared<const RE2>(pattern_, options_);
    });
    return *regex_;
  }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::shared_ptr<const RE2> regex_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_LAZY_REGEX_H_
