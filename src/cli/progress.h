// A one-line progress display on stderr for long runs of whosaid extract.
#ifndef WHOSAID_CLI_PROGRESS_H_
#define WHOSAID_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace whosaid::cli {

class Progress {
 public:
  // Writes to `out` when `enabled`; `total_bytes` is the size of the input
  // when known (0 when not, e.g. standard input), for the ETA. A run too
  // short to redraw shows nothing, unless `summarize` asks for the final
  // line anyway.
  Progress(std::FILE* out, bool enabled, std::uint64_t total_bytes,
           bool summarize = false);

  // Records one more document done, with `bytes_read` bytes of input read
  // so far; redraws the line at most four times a second: documents, MB,
  // MB/s, and the ETA when the total is known.
  void Add(std::uint64_t bytes_read);

  // Draws the final figures and ends the line (nothing when disabled, or
  // when nothing was drawn and no summary was asked for).
  void Finish();

 private:
  void Draw();

  std::FILE* out_;
  bool enabled_;
  std::uint64_t total_bytes_;
  std::uint64_t bytes_ = 0;
  std::uint64_t documents_ = 0;
  bool summarize_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_PROGRESS_H_
