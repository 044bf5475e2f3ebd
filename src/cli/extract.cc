// whosaid extract: attributions of plain-text files or JSON Lines.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/parse_args.h"
#include "cli/pipeline.h"
#include "whosaid/html_format.h"
#include "whosaid/result_json.h"
#include "whosaid/text_format.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

struct Options {
  std::vector<std::string> inputs;
  std::vector<std::string> rule_dirs;
  std::string input = "auto";     // auto, text, jsonl
  std::string format;             // jsonl, text; default by terminal
  std::string on_error = "skip";  // skip, fail
  bool with_text = true;
  int threads = 0;  // 0: every core
};

bool WriteOut(const std::string& bytes) {
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size();
}

// Writes each document's result as it comes; false when the output failed.
// An HTML page opens with the first document (so that nothing is written
// when the run cannot start) and closes in End.
class Output {
 public:
  Output(const std::string& format, const std::vector<std::string>& inputs)
      : format_(format) {
    std::string names;
    for (const std::string& input : inputs) {
      names += names.empty() ? "" : ", ";
      names += input == "-" ? "stdin" : input;
    }
    page_.title = "whosaid: " + (names.empty() ? "stdin" : names);
  }
  // The output of the document at `index` of the input. Thread-safe.
  std::string Format(std::size_t index, const DocumentResult& result) const {
    if (format_ == "html") {
      return FormatHtmlDocument(result, static_cast<int>(index));
    }
    if (format_ == "text") return FormatText(result);
    return ToJsonText(result, with_text) + "\n";
  }
  // Writes one document's formatted output, in input order.
  bool Write(const std::string& formatted) {
    return (format_ != "html" || Begin()) && WriteOut(formatted);
  }
  // Ends the output of a run that went through (an empty page for none).
  bool End() {
    return format_ != "html" || (Begin() && WriteOut(HtmlPageEnd(page_)));
  }
  bool with_text = true;

 private:
  bool Begin() {
    if (begun_) return true;
    begun_ = true;
    return WriteOut(HtmlPageBegin(page_));
  }

  std::string format_;
  HtmlPageOptions page_;
  bool begun_ = false;
};

}  // namespace

int RunExtract(const Args& args) {
  Options options;
  po::options_description desc(
      "usage: whosaid extract [OPTIONS] [FILE...|-]\n\n"
      "Finds attributions in plain-text files or JSON Lines ({\"id\",\"text\"}"
      " a line)\nand writes one result per document.\n\noptions");
  desc.add_options()("help,h", "show this help")(
      "format,f", po::value(&options.format),
      "jsonl, text or html (one self-contained page for the whole run; "
      "default: text on a terminal, jsonl otherwise)")(
      "input,i", po::value(&options.input)->default_value("auto"),
      "text, jsonl, or auto (jsonl for *.jsonl files)")(
      "rules,r", po::value(&options.rule_dirs)->composing(),
      "add the rule pack in DIR (repeatable)")(
      "no-text", "leave the document text out of JSON Lines output")(
      "quiet,q", "no progress display")(
      "progress",
      "show the progress display even when stderr is not a "
      "terminal")(
      "threads,j", po::value(&options.threads),
      "worker threads (default: all cores); the output is the same for "
      "any number")(
      "on-error", po::value(&options.on_error)->default_value("skip"),
      "a document that cannot be read (unreadable file, malformed line): "
      "skip it and go on, or fail: stop there. Either way it is reported, "
      "and the exit status is 1");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&options.inputs)->composing());
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  if (std::string error = ParseArgs(args, all, positional, &vm);
      !error.empty()) {
    std::fprintf(stderr, "whosaid extract: %s\n", error.c_str());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  if (options.format.empty()) options.format = isatty(1) ? "text" : "jsonl";
  if (options.format != "jsonl" && options.format != "text" &&
      options.format != "html") {
    std::fprintf(stderr, "whosaid extract: unknown format '%s'\n",
                 options.format.c_str());
    return 2;
  }
  if (options.input != "auto" && options.input != "text" &&
      options.input != "jsonl") {
    std::fprintf(stderr, "whosaid extract: unknown input '%s'\n",
                 options.input.c_str());
    return 2;
  }
  if (options.on_error != "skip" && options.on_error != "fail") {
    std::fprintf(stderr,
                 "whosaid extract: --on-error must be skip or fail, not "
                 "'%s'\n",
                 options.on_error.c_str());
    return 2;
  }
  Output output(options.format, options.inputs);
  output.with_text = !vm.count("no-text");
  const PipelineSettings settings{
      options.inputs,
      options.input,
      options.rule_dirs,
      options.threads,
      vm.count("quiet") > 0,
      vm.count("progress") > 0,
      options.on_error == "fail" ? OnError::kFail : OnError::kSkip};
  StatusOr<PipelineRun> run = RunPipelineTasks(
      settings,
      [&output](std::size_t index, const DocumentMeta&,
                DocumentResult result) -> std::function<bool()> {
        return [&output, formatted = output.Format(index, result)] {
          return output.Write(formatted);
        };
      });
  if (!run.ok()) {
    std::fprintf(stderr, "whosaid: %s\n", run.status().message().c_str());
    return 2;
  }
  // A failed write stops the run, and main() reports it (FinishOutput).
  if (run->completed) output.End();
  return run->failed > 0 ? 1 : 0;
}

}  // namespace whosaid::cli
