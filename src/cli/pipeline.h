// What `whosaid extract` and `whosaid index` share: reading the inputs,
// extracting on several threads in input order, and the progress line.
#ifndef WHOSAID_CLI_PIPELINE_H_
#define WHOSAID_CLI_PIPELINE_H_

#include <functional>
#include <string>
#include <vector>

#include "cli/input_reader.h"
#include "whosaid/attribution.h"
#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid::cli {

struct PipelineSettings {
  std::vector<std::string> inputs;  // files, or "-"; empty: standard input
  std::string input = "auto";       // auto, text, jsonl (InputReader)
  std::vector<std::string> rule_dirs;
  int threads = 0;                    // 0: every core
  bool quiet = false;                 // --quiet: never a progress line
  bool force_progress = false;        // --progress: even when not a terminal
  OnError on_error = OnError::kSkip;  // --on-error
};

// Takes one result, with the metadata of its input record, in input
// order; returns false to stop the run (the output failed).
using PipelineSink =
    std::function<bool(const DocumentMeta&, const DocumentResult&)>;

// Prepares one result on a worker thread, concurrently with others, given
// the document's place in the input (0, 1, …) and its metadata; returns
// what to do with it in input order (false: stop the run, the output
// failed).
using PipelineTask = std::function<std::function<bool()>(
    std::size_t index, const DocumentMeta&, DocumentResult)>;

struct PipelineRun {
  bool completed = true;  // false when the sink stopped the run
  int failed = 0;         // inputs or lines that could not be read
};

// Loads the rules, reads every input and hands each result to `sink`,
// showing progress on stderr as the settings say. Unreadable inputs and
// lines are reported on stderr as they come and counted; the others still
// run, or none after the first with OnError::kFail. At the end a last line
// on stderr counts and names them. Error: the rule packs do not load (the
// message carries FILE:LINE:COL).
StatusOr<PipelineRun> RunPipeline(const PipelineSettings& settings,
                                  const PipelineSink& sink);

// The same, with each result prepared by `task` on the worker threads:
// formatting there keeps the one thread that writes from holding the
// others back.
StatusOr<PipelineRun> RunPipelineTasks(const PipelineSettings& settings,
                                       const PipelineTask& task);

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_PIPELINE_H_
