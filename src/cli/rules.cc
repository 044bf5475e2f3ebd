// whosaid rules: list, explain and test the rules of the loaded packs.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/parse_args.h"
#include "cli/rule_packs.h"
#include "whosaid/attribution.h"
#include "whosaid/rule_set.h"
#include "whosaid/rule_tester.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "usage: whosaid rules list [--rules DIR]...\n"
    "       whosaid rules explain [--rules DIR]... RULE_ID\n"
    "       whosaid rules test [--rules DIR]... [RULE_ID...]\n"
    "\n"
    "  list      one line a rule: id, type, priority, description\n"
    "  explain   a rule's source file, fields and expanded RE2 pattern\n"
    "  test      run every rule's examples and counterexamples; exit 1 if\n"
    "            any fails\n"
    "\n"
    "Packs load in order: the built-in English pack, the folders of\n"
    "$WHOSAID_RULES (colon-separated), then each --rules DIR; later packs\n"
    "override earlier ones. See docs/rules.md.\n";

// The flags shared by the three actions.
struct Flags {
  std::vector<std::string> rule_dirs;
  std::vector<std::string> rule_ids;  // positional
  bool help = false;
};

// Parses the arguments after the action. Returns false, having printed
// why, on a usage error.
bool ParseFlags(const std::string& action, const Args& args, Flags& flags) {
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")(
      "rules,r", po::value(&flags.rule_dirs)->composing(),
      "add the rule pack in DIR (repeatable)");
  po::options_description all;
  all.add(visible).add_options()("rule-id",
                                 po::value(&flags.rule_ids)->composing(), "");
  po::positional_options_description positional;
  positional.add("rule-id", -1);
  po::variables_map vm;
  if (std::string error = ParseArgs(args, all, positional, &vm);
      !error.empty()) {
    std::fprintf(stderr, "whosaid rules %s: %s\n", action.c_str(),
                 error.c_str());
    return false;
  }
  flags.help = vm.count("help") > 0;
  if (flags.help) std::cout << kUsage << "\n" << visible << "\n";
  return true;
}

int UsageError(const std::string& message) {
  std::fprintf(stderr, "whosaid rules: %s\n\n%s", message.c_str(), kUsage);
  return 2;
}

int List(const RuleSet& rules) {
  size_t width = 0;
  for (const Rule& rule : rules.rules())
    width = std::max(width, rule.id.size());
  for (const Rule& rule : rules.rules()) {
    std::printf("%-*s  %-8s  %4d  %s\n", static_cast<int>(width),
                rule.id.c_str(), std::string(QuoteTypeName(rule.type)).c_str(),
                rule.priority, rule.description.c_str());
  }
  return 0;
}

int Explain(const RuleSet& rules, const std::string& id) {
  const Rule* rule = rules.Find(id);
  if (rule == nullptr) {
    std::fprintf(stderr, "whosaid rules explain: no rule '%s'\n", id.c_str());
    return 2;
  }
  std::printf(
      "id:          %s\n"
      "source:      %s\n"
      "type:        %s\n"
      "priority:    %d\n"
      "description: %s\n"
      "examples:    %zu, counterexamples: %zu\n"
      "runs:        %s\n"
      "pattern:     %s\n",
      rule->id.c_str(), rule->source.c_str(),
      std::string(QuoteTypeName(rule->type)).c_str(), rule->priority,
      rule->description.c_str(), rule->examples.size(),
      rule->counterexamples.size(),
      rule->from_cue != nullptr
          ? "from each occurrence of its cue"
          : "at every position (its cue is not at the top level)",
      rule->pattern.c_str());
  return 0;
}

// Runs the rules named by `ids`, or every rule when `ids` is empty.
int Test(const RuleSet& rules, const std::vector<std::string>& ids) {
  std::vector<const Rule*> selected;
  for (const std::string& id : ids) {
    const Rule* rule = rules.Find(id);
    if (rule == nullptr) {
      std::fprintf(stderr, "whosaid rules test: no rule '%s'\n", id.c_str());
      return 2;
    }
    selected.push_back(rule);
  }
  if (ids.empty()) {
    for (const Rule& rule : rules.rules()) selected.push_back(&rule);
  }
  int passed = 0;
  int failed = 0;
  for (const Rule* rule : selected) {
    const std::vector<RuleTestFailure> failures = TestRule(rules, *rule);
    std::printf("%s %s (%zu examples, %zu counterexamples)\n",
                failures.empty() ? "PASS" : "FAIL", rule->id.c_str(),
                rule->examples.size(), rule->counterexamples.size());
    for (const RuleTestFailure& failure : failures) {
      std::printf("  %s\n", failure.message.c_str());
    }
    ++(failures.empty() ? passed : failed);
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace

int RunRules(const Args& args) {
  if (args.empty()) return UsageError("missing action");
  const std::string& action = args[0];
  if (action == "--help" || action == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (action != "list" && action != "explain" && action != "test") {
    return UsageError("unknown action '" + action + "'");
  }
  Flags flags;
  if (!ParseFlags(action, Args(args.begin() + 1, args.end()), flags)) {
    return 2;
  }
  if (flags.help) return 0;
  if (action == "list" && !flags.rule_ids.empty()) {
    return UsageError("list takes no rule id");
  }
  if (action == "explain" && flags.rule_ids.size() != 1) {
    return UsageError("explain takes exactly one rule id");
  }
  StatusOr<std::shared_ptr<const RuleSet>> rules =
      LoadRulesForCli(flags.rule_dirs);
  if (!rules.ok()) {
    std::fprintf(stderr, "whosaid: %s\n", rules.status().message().c_str());
    return 2;
  }
  KeepUntilExit(*rules);
  if (action == "list") return List(**rules);
  if (action == "explain") return Explain(**rules, flags.rule_ids[0]);
  return Test(**rules, flags.rule_ids);
}

}  // namespace whosaid::cli
