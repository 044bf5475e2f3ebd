// whosaid index: extracts attributions and stores them, with their
// documents, in a SQLite quote store.
#include <algorithm>
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

// Adds documents to the store as they come, in write transactions that
// are committed every `batch_size` documents.
class BatchedWriter {
 public:
  BatchedWriter(Store& store, std::size_t batch_size)
      : store_(store), batch_size_(std::max<std::size_t>(batch_size, 1)) {}

  // Adds one document; false after an error (the transaction is then
  // rolled back and status() says why).
  bool Add(const DocumentMeta& meta, const DocumentResult& result) {
    if (pending_ == 0) status_ = store_.Begin();
    if (status_.ok()) status_ = store_.Add(meta, result);
    if (!status_.ok()) {
      store_.Rollback();
      return false;
    }
    if (++pending_ == batch_size_) Commit();
    return status_.ok();
  }

  // Commits the documents added since the last commit.
  void Commit() {
    if (pending_ == 0 || !status_.ok()) return;
    status_ = store_.Commit();
    if (status_.ok()) indexed_ += pending_;
    pending_ = 0;
  }

  const Status& status() const { return status_; }
  std::size_t indexed() const { return indexed_; }

 private:
  Store& store_;
  std::size_t batch_size_;
  Status status_;
  std::size_t indexed_ = 0;
  std::size_t pending_ = 0;  // added since the last commit
};

// "N documents" with the right plural.
// "1 document", "2 documents": `n` and `noun`, plural but for one.
std::string Count(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

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
  settings.quiet = vm.count("quiet") > 0;
  settings.force_progress = vm.count("progress") > 0;

  auto store = Store::Open(db_path);
  if (!store.ok()) {
    std::cerr << "whosaid: " << store.status().message() << "\n";
    return 2;
  }
  BatchedWriter writer(**store, batch_size);
  StatusOr<PipelineRun> run = RunPipeline(
      settings, [&](const DocumentMeta& meta, const DocumentResult& result) {
        return writer.Add(meta, result);
      });
  if (!run.ok()) {
    std::cerr << "whosaid: " << run.status().message() << "\n";
    return 2;
  }
  writer.Commit();
  if (!writer.status().ok()) {
    std::cerr << "whosaid: " << db_path << ": " << writer.status().message()
              << " (the documents since the last commit were not stored)\n";
    return 1;
  }
  auto stats = (*store)->Stats();
  if (stats.ok() && !settings.quiet) {
    std::cerr << "whosaid: indexed " << Count(writer.indexed(), "document")
              << "; " << db_path << " holds "
              << Count(stats->documents, "document") << ", "
              << Count(stats->attributions, "attribution") << ", "
              << Count(stats->quotes, "quote") << "\n";
  }
  // The pipeline has named the documents that failed.
  return run->failed > 0 ? 1 : 0;
}

}  // namespace whosaid::cli
