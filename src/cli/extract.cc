// whosaid extract: attributions of plain-text files or JSON Lines.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/rule_packs.h"
#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"
#include "whosaid/result_json.h"
#include "whosaid/text_format.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

struct Options {
  std::vector<std::string> inputs;
  std::vector<std::string> rule_dirs;
  std::string input = "auto";  // auto, text, jsonl
  std::string format;          // jsonl, text; default by terminal
  bool with_text = true;
};

// Writes one document's result; false when the output failed.
class Output {
 public:
  explicit Output(const std::string& format) : jsonl_(format == "jsonl") {}
  bool Write(const DocumentResult& result) {
    std::string line =
        jsonl_ ? ToJson(result, with_text)
                         .dump(-1, ' ', false,
                               nlohmann::json::error_handler_t::replace) +
                     "\n"
               : FormatText(result);
    return std::fwrite(line.data(), 1, line.size(), stdout) == line.size();
  }
  bool with_text = true;

 private:
  bool jsonl_;
};

bool IsJsonl(const std::string& path, const std::string& input) {
  if (input != "auto") return input == "jsonl";
  return path.size() > 6 && path.substr(path.size() - 6) == ".jsonl";
}

// Runs one input; returns the number of documents that failed.
int ProcessInput(const std::string& path, const Options& options,
                 const Extractor& extractor, Output& output,
                 bool* write_error) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::fprintf(stderr, "whosaid: cannot read %s: it is a folder\n",
                   path.c_str());
      return 1;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "whosaid: cannot read %s: %s\n", path.c_str(),
                   std::strerror(errno));
      return 1;
    }
    in = &file;
  }
  const std::string name = path == "-" ? "stdin" : path;
  if (!IsJsonl(path, options.input)) {
    std::string text((std::istreambuf_iterator<char>(*in)),
                     std::istreambuf_iterator<char>());
    if (!output.Write(extractor.Extract(Document{name, std::move(text)})))
      *write_error = true;
    return 0;
  }
  int failed = 0;
  std::string line;
  for (long number = 1; std::getline(*in, line) && !*write_error; ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto doc = ParseDocumentLine(line, name + ":" + std::to_string(number));
    if (!doc.ok()) {
      std::fprintf(stderr, "whosaid: %s:%ld: %s\n", name.c_str(), number,
                   doc.status().message().c_str());
      ++failed;
      continue;
    }
    if (!output.Write(extractor.Extract(*doc))) *write_error = true;
  }
  return failed;
}

}  // namespace

int RunExtract(const Args& args) {
  Options options;
  po::options_description desc(
      "usage: whosaid extract [OPTIONS] [FILE...|-]\n\n"
      "Finds attributions in plain-text files or JSON Lines ({\"id\",\"text\"}"
      " a line)\nand writes one result per document.\n\noptions");
  desc.add_options()("help,h", "show this help")(
      "format,f", po::value(&options.format),
      "jsonl or text (default: text on a terminal, jsonl otherwise)")(
      "input,i", po::value(&options.input)->default_value("auto"),
      "text, jsonl, or auto (jsonl for *.jsonl files)")(
      "rules,r", po::value(&options.rule_dirs)->composing(),
      "add the rule pack in DIR (repeatable)")(
      "no-text", "leave the document text out of JSON Lines output");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&options.inputs)->composing());
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(
        po::command_line_parser(args).options(all).positional(positional).run(),
        vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "whosaid extract: %s\n", e.what());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  if (options.format.empty()) options.format = isatty(1) ? "text" : "jsonl";
  if (options.format != "jsonl" && options.format != "text") {
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
  if (options.inputs.empty()) options.inputs.push_back("-");
  auto rules = LoadRulesForCli(options.rule_dirs);
  if (!rules.ok()) {
    std::fprintf(stderr, "whosaid: %s\n", rules.status().message().c_str());
    return 2;
  }
  const Extractor extractor(*rules);
  Output output(options.format);
  output.with_text = !vm.count("no-text");
  int failed = 0;
  bool write_error = false;
  for (const std::string& path : options.inputs) {
    failed += ProcessInput(path, options, extractor, output, &write_error);
    if (write_error) break;
  }
  if (std::fflush(stdout) != 0 || write_error) {
    std::fprintf(stderr, "whosaid: cannot write the output\n");
    return 1;
  }
  if (failed > 0) {
    std::fprintf(stderr, "whosaid: %d document%s failed\n", failed,
                 failed == 1 ? "" : "s");
    return 1;
  }
  return 0;
}

}  // namespace whosaid::cli
