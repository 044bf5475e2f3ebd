// whosaid index: extracts attributions and stores them, with their
// documents, in a SQLite quote store.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/parse_args.h"
#include "cli/pipeline.h"
#include "whosaid/store.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "usage: whosaid index --db FILE [OPTIONS] [FILE...|-]\n"
    "\n"
    "Finds attributions in plain-text files or JSON Lines ({\"id\",\"text\"}\n"
    "a line, with optional url, date, outlet and title) and stores them with\n"
    "their documents in the SQLite quote store FILE, created when absent.\n"
    "A document whose id is stored already is replaced. Documents are\n"
    "written in transactions of --batch documents: an interrupted run\n"
    "leaves every document stored whole or not at all.\n"
    "\n";

}  // namespace

int RunIndex(const Args& args) {
  PipelineSettings settings;
  std::string db_path;
  std::size_t batch_size = 100;
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db_path)->value_name("FILE"),
      "the quote store (required)")(
      "input,i", po::value(&settings.input)->default_value("auto"),
      "text, jsonl, or auto (jsonl for *.jsonl files)")(
      "rules,r", po::value(&settings.rule_dirs)->composing(),
      "add the rule pack in DIR (repeatable)")(
      "batch", po::value(&batch_size)->default_value(100),
      "documents per transaction")("quiet,q", "no progress display")(
      "progress",
      "show the progress display even when stderr is not a "
      "terminal")("threads,j", po::value(&settings.threads),
                  "worker threads (default: all cores)");
  po::options_description all;
  all.add(visible).add_options()("file",
                                 po::value(&settings.inputs)->composing());
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  if (auto done = ParseArgsOrExit("index", args, kUsage, visible, all,
                                  positional, &vm)) {
    return *done;
  }
  if (db_path.empty()) {
    std::cerr << "whosaid index: missing --db FILE\n\n" << kUsage << visible;
    return 2;
  }
  if (settings.input != "auto" && settings.input != "text" &&
      settings.input != "jsonl") {
    std::cerr << "whosaid index: unknown input '" << settings.input << "'\n";
    return 2;
  }
  if (batch_size == 0) batch_size = 1;
  settings.quiet = vm.count("quiet") > 0;
  settings.force_progress = vm.count("progress") > 0;

  auto store = Store::Open(db_path);
  if (!store.ok()) {
    std::cerr << "whosaid: " << store.status().message() << "\n";
    return 2;
  }
  // Each document is added as its result comes, inside a transaction that
  // is committed every `batch_size` documents.
  Store& db = **store;
  Status stored;
  std::size_t indexed = 0;
  std::size_t pending = 0;  // added since the last commit
  auto commit = [&] {
    if (pending == 0 || !stored.ok()) return;
    stored = db.Commit();
    if (stored.ok()) indexed += pending;
    pending = 0;
  };
  StatusOr<PipelineRun> run = RunPipeline(
      settings, [&](const DocumentMeta& meta, const DocumentResult& result) {
        if (pending == 0) stored = db.Begin();
        if (stored.ok()) stored = db.Add({meta, result});
        if (!stored.ok()) {
          db.Rollback();
          return false;
        }
        if (++pending == batch_size) commit();
        return stored.ok();
      });
  if (!run.ok()) {
    std::cerr << "whosaid: " << run.status().message() << "\n";
    return 2;
  }
  commit();
  if (!stored.ok()) {
    std::cerr << "whosaid: " << db_path << ": " << stored.message()
              << " (the documents since the last commit were not stored)\n";
    return 1;
  }
  auto stats = db.Stats();
  if (stats.ok() && !settings.quiet) {
    std::cerr << "whosaid: indexed " << indexed << " document"
              << (indexed == 1 ? "" : "s") << "; " << db_path << " holds "
              << stats->documents << " documents, " << stats->attributions
              << " attributions, " << stats->quotes << " quotes\n";
  }
  if (run->failed > 0) {
    std::cerr << "whosaid: " << run->failed << " document"
              << (run->failed == 1 ? "" : "s") << " failed\n";
    return 1;
  }
  return 0;
}

}  // namespace whosaid::cli
