// whosaid eval: scores whosaid, or a saved output, against gold annotations
// in the JSON Lines format of docs/output.md.
#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "cli/parse_args.h"
#include "cli/rule_packs.h"
#include "whosaid/attribution.h"
#include "whosaid/document.h"
#include "whosaid/evaluation.h"
#include "whosaid/extractor.h"
#include "whosaid/result_json.h"
#include "whosaid/status.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "usage: whosaid eval GOLD.jsonl [--system OUT.jsonl] [--types LIST] "
    "[--json] [--rules DIR]...\n"
    "\n"
    "Scores attributions against the gold ones in GOLD.jsonl (one document a\n"
    "line: id, text, quotes). Without --system, whosaid runs on the text of\n"
    "each gold document; a --system line without text is read against the\n"
    "gold text of its id. Malformed lines are reported as FILE:LINE and\n"
    "skipped; the rest is scored and the exit status is 1.\n"
    "\n";

// How many threads run the extractor (Extractor::Extract is thread-safe).
// Kept small on purpose: eval often runs beside a build or other tests.
constexpr unsigned kExtractThreads = 2;

struct EvalFlags {
  std::string gold;
  std::string system;  // empty: run the extractor
  std::vector<std::string> rule_dirs;
  EvalOptions options;
  bool json = false;
};

// Splits "direct,mixed" into quote types.
StatusOr<std::vector<QuoteType>> ParseTypes(const std::string& list) {
  std::vector<QuoteType> types;
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) {
    const auto b = name.find_first_not_of(' ');
    const auto e = name.find_last_not_of(' ');
    name = b == std::string::npos ? "" : name.substr(b, e - b + 1);
    std::optional<QuoteType> type = ParseQuoteType(name);
    if (!type) {
      return Status::Error("--types: unknown type '" + name +
                           "' (expected direct, mixed, indirect)");
    }
    types.push_back(*type);
  }
  if (types.empty()) return Status::Error("--types: empty list");
  return types;
}

po::options_description VisibleOptions() {
  po::options_description visible("options");
  visible.add_options()             //
      ("help,h", "show this help")  //
      ("system", po::value<std::string>()->value_name("OUT.jsonl"),
       "score this output instead of running whosaid")  //
      ("types", po::value<std::string>()->value_name("LIST"),
       "score only these types, comma-separated: direct,mixed,indirect")  //
      ("json", "print the report as JSON")                                //
      ("rules",
       po::value<std::vector<std::string>>()->composing()->value_name("DIR"),
       "rule pack folder, repeatable (default: the built-in packs)");
  return visible;
}

// Fills `flags` from `args`. Returns an exit status when the command is
// done already (0 after --help, 2 after a usage error), nullopt to go on.
std::optional<int> ParseFlags(const Args& args, EvalFlags* flags) {
  po::options_description visible = VisibleOptions();
  po::options_description all;
  all.add(visible).add_options()("gold", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("gold", 1);
  po::variables_map vm;
  if (std::string error = ParseArgs(args, all, positional, &vm);
      !error.empty()) {
    std::cerr << "whosaid eval: " << error << "\n\n" << kUsage << visible;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << kUsage << visible;
    return 0;
  }
  if (!vm.count("gold")) {
    std::cerr << "whosaid eval: missing GOLD.jsonl\n\n" << kUsage << visible;
    return 2;
  }
  flags->gold = vm["gold"].as<std::string>();
  if (vm.count("system")) flags->system = vm["system"].as<std::string>();
  if (vm.count("rules")) {
    flags->rule_dirs = vm["rules"].as<std::vector<std::string>>();
  }
  flags->json = vm.count("json") > 0;
  if (vm.count("types")) {
    StatusOr<std::vector<QuoteType>> types =
        ParseTypes(vm["types"].as<std::string>());
    if (!types.ok()) {
      std::cerr << "whosaid eval: " << types.status().message() << "\n";
      return 2;
    }
    flags->options.types = std::move(types).value();
  }
  return std::nullopt;
}

// Gold texts by document id, lent to system lines written without text.
using TextsById = std::unordered_map<std::string, const std::string*>;

// One line of a JSONL file as a document; the error names the field. A line
// without "text" takes the text of the gold document with its id, if any:
// `whosaid extract` can leave the text out, and the offsets index the gold
// text anyway.
StatusOr<DocumentResult> ParseLine(const std::string& line,
                                   const TextsById& texts) {
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(std::string("invalid JSON: ") + e.what());
  }
  if (object.is_object() && !object.contains("text") && object.contains("id") &&
      object["id"].is_string()) {
    auto it = texts.find(object["id"].get<std::string>());
    if (it != texts.end()) object["text"] = *it->second;
  }
  return FromJson(object);
}

bool IsBlank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// The documents of the JSONL file at `path`, texts lent by `texts` (see
// ParseLine). Malformed lines are reported on stderr as "PATH:LINE:
// message", skipped, and set `*malformed`. Error only if the file cannot be
// read.
StatusOr<std::vector<DocumentResult>> ReadJsonl(const std::string& path,
                                                const TextsById& texts,
                                                bool* malformed) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::vector<DocumentResult> docs;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (IsBlank(line)) continue;
    StatusOr<DocumentResult> doc = ParseLine(line, texts);
    if (!doc.ok()) {
      std::cerr << path << ":" << number << ": " << doc.status().message()
                << "\n";
      *malformed = true;
      continue;
    }
    docs.push_back(std::move(doc).value());
  }
  if (in.bad()) return Status::Error(path + ": read error");
  return docs;
}

// Runs `extractor` on the text of every gold document, on a few threads;
// result i belongs to gold document i.
std::vector<DocumentResult> ExtractAll(
    const Extractor& extractor, const std::vector<DocumentResult>& gold) {
  std::vector<DocumentResult> results(gold.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < gold.size();) {
      results[i] = extractor.Extract(Document{gold[i].id, gold[i].text});
    }
  };
  const unsigned count = std::max(
      1u, std::min(kExtractThreads, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return results;
}

// The system side: the --system file, or whosaid run on the gold texts.
StatusOr<std::vector<DocumentResult>> SystemResults(
    const EvalFlags& flags, const std::vector<DocumentResult>& gold,
    bool* malformed) {
  if (!flags.system.empty()) {
    TextsById texts;
    for (const DocumentResult& doc : gold) texts.emplace(doc.id, &doc.text);
    return ReadJsonl(flags.system, texts, malformed);
  }
  StatusOr<std::shared_ptr<const RuleSet>> rules =
      LoadRulesForCli(flags.rule_dirs);
  if (!rules.ok()) return rules.status();
  KeepUntilExit(*rules);
  const Extractor extractor(std::move(rules).value());
  return ExtractAll(extractor, gold);
}

}  // namespace

int RunEval(const Args& args) {
  EvalFlags flags;
  if (std::optional<int> done = ParseFlags(args, &flags)) return *done;

  bool malformed = false;
  StatusOr<std::vector<DocumentResult>> gold =
      ReadJsonl(flags.gold, TextsById(), &malformed);
  if (!gold.ok()) {
    std::cerr << "whosaid eval: " << gold.status().message() << "\n";
    return 2;
  }
  StatusOr<std::vector<DocumentResult>> system =
      SystemResults(flags, *gold, &malformed);
  if (!system.ok()) {
    std::cerr << "whosaid eval: " << system.status().message() << "\n";
    return 2;
  }
  const EvalReport report = Evaluate(*gold, *system, flags.options);
  if (flags.json) {
    std::cout << ReportToJson(report).dump(2) << "\n";
  } else {
    std::cout << FormatReport(report);
  }
  return malformed ? 1 : 0;
}

}  // namespace whosaid::cli
