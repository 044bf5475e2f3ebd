#include "cli/rule_packs.h"

#include <cstdlib>
#include <mutex>
#include <string_view>
#include <utility>

namespace whosaid::cli {
namespace {

// The non-empty items of a colon-separated list.
std::vector<std::string> SplitPath(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const size_t colon = list.find(':');
    const std::string_view item = list.substr(0, colon);
    if (!item.empty()) out.emplace_back(item);
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return out;
}

// Reads each of `dirs` into `packs`; `from` says where they were named.
Status AddPacks(const std::vector<std::string>& dirs, const std::string& from,
                std::vector<PackSource>& packs) {
  for (const std::string& dir : dirs) {
    StatusOr<PackSource> pack = ReadPackDir(dir);
    if (!pack.ok()) {
      return Status::Error(pack.status().message() + " (from " + from + ")");
    }
    packs.push_back(std::move(pack).value());
  }
  return Status();
}

}  // namespace

StatusOr<std::vector<PackSource>> RulePacksForCli(
    const std::vector<std::string>& dirs) {
  std::vector<PackSource> packs = {BuiltinEnglishPack()};
  if (const char* env = std::getenv(kRulesEnvironmentVariable)) {
    Status s = AddPacks(SplitPath(env), kRulesEnvironmentVariable, packs);
    if (!s.ok()) return s;
  }
  if (Status s = AddPacks(dirs, "--rules", packs); !s.ok()) return s;
  return packs;
}

StatusOr<std::shared_ptr<const RuleSet>> LoadRulesForCli(
    const std::vector<std::string>& dirs) {
  StatusOr<std::vector<PackSource>> packs = RulePacksForCli(dirs);
  if (!packs.ok()) return packs.status();
  return RuleSet::Load(*packs);
}

void KeepUntilExit(std::shared_ptr<const RuleSet> rules) {
  static std::mutex mutex;
  // Never destroyed, so neither is what it holds.
  static auto* const kept = new std::vector<std::shared_ptr<const RuleSet>>;
  const std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(std::move(rules));
}

}  // namespace whosaid::cli
