#include "whosaid/rule_tester.h"

#include "whosaid/matcher.h"
#include "whosaid/quote_scanner.h"
#include "whosaid/segmenter.h"
#include "whosaid/skeleton.h"

namespace whosaid {
namespace {

// Every match of `rule` alone in `text`, read as one paragraph.
std::vector<RuleMatch> MatchesOf(const RuleSet& rules, const Rule& rule,
                                 std::string_view text) {
  std::vector<RuleMatch> matches;
  const Matcher matcher(rules);
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  const std::vector<Quote> quotes = ScanQuotes(text, paragraphs);
  const auto is_cue = [&](std::string_view w) { return matcher.IsCue(w); };
  for (const Span& paragraph : paragraphs) {
    const Skeleton skeleton(text, paragraph, quotes);
    matcher.MatchRule(rule, skeleton, skeleton.Sentences(is_cue), quotes,
                      &matches);
  }
  return matches;
}

std::string Text(std::string_view text, const std::optional<Span>& span) {
  return span ? std::string(span->In(text)) : std::string("(none)");
}

// Why `m` does not give what `example` expects, or empty if it does.
std::string Mismatch(const RuleExample& example, const RuleMatch& m) {
  const std::string_view text = example.text;
  std::string why;
  auto check = [&](const char* field, const std::string& want,
                   const std::string& got) {
    if (!want.empty() && want != got) {
      why += std::string(why.empty() ? "" : "; ") + field + " is '" + got +
             "', expected '" + want + "'";
    }
  };
  check("content", example.content, std::string(m.content.In(text)));
  check("speaker", example.speaker, Text(text, m.speaker));
  check("cue", example.cue, Text(text, m.cue));
  return why;
}

}  // namespace

std::vector<RuleTestFailure> TestRule(const RuleSet& rules, const Rule& rule) {
  std::vector<RuleTestFailure> failures;
  // "SOURCE:LINE: rule ID: what", or without LINE when it is unknown.
  auto fail = [&](int line, const std::string& what) {
    const std::string where =
        line > 0 ? rule.source + ":" + std::to_string(line) : rule.source;
    failures.push_back({rule.id, where + ": rule " + rule.id + ": " + what});
  };
  for (const RuleExample& example : rule.examples) {
    const std::vector<RuleMatch> matches = MatchesOf(rules, rule, example.text);
    if (matches.empty()) {
      fail(example.line, "example does not match: " + example.text);
      continue;
    }
    std::string closest;
    bool passed = false;
    for (const RuleMatch& m : matches) {
      std::string why = Mismatch(example, m);
      if (why.empty()) {
        passed = true;
        break;
      }
      if (closest.empty()) closest = why;
    }
    if (!passed) fail(example.line, closest + " in: " + example.text);
  }
  for (std::size_t i = 0; i < rule.counterexamples.size(); ++i) {
    const std::string& text = rule.counterexamples[i];
    const std::vector<RuleMatch> matches = MatchesOf(rules, rule, text);
    if (!matches.empty()) {
      fail(0, "counterexample " + std::to_string(i + 1) + " matches ('" +
                  std::string(matches.front().whole.In(text)) + "'): " + text);
    }
  }
  return failures;
}

}  // namespace whosaid
