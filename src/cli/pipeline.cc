#include "cli/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <thread>

#include "cli/input_reader.h"
#include "cli/progress.h"
#include "cli/rule_packs.h"
#include "whosaid/extractor.h"
#include "whosaid/parallel_extract.h"

namespace whosaid::cli {
namespace {

// The total size of the inputs when they are all regular files, else 0.
std::uint64_t TotalSize(const std::vector<std::string>& paths) {
  std::uint64_t total = 0;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_regular_file(path, error)) {
      return 0;
    }
    total += std::filesystem::file_size(path, error);
  }
  return total;
}

// Names the documents that failed, once the run is over: the first few
// where they were (each was also reported when it failed), and how many.
void ReportFailures(const InputReader& reader) {
  constexpr std::size_t kNamed = 10;
  const std::vector<std::string>& failures = reader.failures();
  std::string names;
  for (std::size_t i = 0; i < failures.size() && i < kNamed; ++i) {
    names += (i == 0 ? "" : ", ") + failures[i];
  }
  if (failures.size() > kNamed) {
    names += ", and " + std::to_string(failures.size() - kNamed) + " more";
  }
  std::fprintf(stderr, "whosaid: %zu document%s %s: %s\n", failures.size(),
               failures.size() == 1 ? "" : "s",
               reader.stopped() ? "failed, and --on-error fail stopped the run"
                                : "skipped",
               names.c_str());
}

}  // namespace

StatusOr<PipelineRun> RunPipelineTasks(const PipelineSettings& settings,
                                       const PipelineTask& task) {
  auto rules = LoadRulesForCli(settings.rule_dirs);
  if (!rules.ok()) return rules.status();
  KeepUntilExit(*rules);
  const Extractor extractor(*rules);
  std::vector<std::string> inputs = settings.inputs;
  if (inputs.empty()) inputs.push_back("-");
  InputReader reader(inputs, settings.input, settings.on_error);
  const int threads =
      settings.threads > 0
          ? settings.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // On a terminal, long runs show their progress; never on a pipe unless
  // asked for.
  const bool show_progress =
      !settings.quiet && (settings.force_progress || isatty(2));
  Progress progress(stderr, show_progress, TotalSize(inputs),
                    /*summarize=*/settings.force_progress);
  PipelineRun run;
  run.completed = RunInOrder(
      threads, [&] { return reader.Next(); },
      [&](std::size_t index, Document doc) -> std::function<bool()> {
        std::function<bool()> step =
            task(index, doc.meta, extractor.Extract(doc));
        return [&progress, &reader, step = std::move(step)] {
          progress.Add(reader.bytes_read());
          return step();
        };
      });
  progress.Finish();
  run.failed = reader.failed();
  if (run.failed > 0) ReportFailures(reader);
  return run;
}

StatusOr<PipelineRun> RunPipeline(const PipelineSettings& settings,
                                  const PipelineSink& sink) {
  return RunPipelineTasks(
      settings,
      [&sink](std::size_t, const DocumentMeta& meta,
              DocumentResult result) -> std::function<bool()> {
        auto kept =
            std::make_shared<const std::pair<DocumentMeta, DocumentResult>>(
                meta, std::move(result));
        return [&sink, kept] { return sink(kept->first, kept->second); };
      });
}

}  // namespace whosaid::cli
