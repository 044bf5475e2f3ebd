// The rule packs the command line runs with, shared by every subcommand
// that takes --rules.
#ifndef WHOSAID_CLI_RULE_PACKS_H_
#define WHOSAID_CLI_RULE_PACKS_H_

#include <memory>
#include <string>
#include <vector>

#include "whosaid/rule_set.h"
#include "whosaid/status.h"

namespace whosaid::cli {

// The environment variable naming extra pack folders, colon-separated.
inline constexpr char kRulesEnvironmentVariable[] = "WHOSAID_RULES";

// The packs to load, in load order: the English pack compiled into the
// binary, then each folder of $WHOSAID_RULES (empty items skipped), then
// each of `dirs` (the --rules flags, in order). A later pack overrides an
// earlier one (RuleSet::Load), so --rules beats the environment, which
// beats the built-in pack. Error if a folder is not a readable pack; the
// message says where the folder came from.
StatusOr<std::vector<PackSource>> RulePacksForCli(
    const std::vector<std::string>& dirs);

// Loads the packs of RulePacksForCli. Error messages from a broken pack
// carry its FILE:LINE:COL.
StatusOr<std::shared_ptr<const RuleSet>> LoadRulesForCli(
    const std::vector<std::string>& dirs);

// Keeps `rules` alive until the process ends: never destroyed. For a
// command that runs one rule set and then exits, freeing it (its compiled
// programs and their DFA states, many thousands of allocations) would
// cost tens of milliseconds for nothing. Not for long-lived processes
// that load rule sets again and again.
void KeepUntilExit(std::shared_ptr<const RuleSet> rules);

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_RULE_PACKS_H_
