// The documents of `whosaid extract`'s inputs, one at a time: plain-text
// files (one document each) and JSON Lines (one a line).
#ifndef WHOSAID_CLI_INPUT_READER_H_
#define WHOSAID_CLI_INPUT_READER_H_

#include <atomic>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/document.h"

namespace whosaid::cli {

class InputReader {
 public:
  // `paths` are files or "-" for standard input; `mode` is "text",
  // "jsonl", or "auto" (JSON Lines for names ending in .jsonl).
  InputReader(std::vector<std::string> paths, std::string mode);

  // The next document, or nullopt after the last. An input that cannot be
  // read, a malformed line or a line without a string "text" is reported
  // on stderr as "whosaid: FILE[:LINE]: why", counted in failed(), and
  // skipped; reading goes on with the next one.
  std::optional<Document> Next();

  // How many inputs or lines failed so far.
  int failed() const { return failed_; }

  // Bytes of input read so far; safe to call from any thread.
  std::uint64_t bytes_read() const { return bytes_read_.load(); }

 private:
  bool OpenNext();  // opens paths_[next_path_]; false when none is left
  void Fail(const std::string& where, const std::string& why);

  std::vector<std::string> paths_;
  std::string mode_;
  std::size_t next_path_ = 0;
  std::ifstream file_;
  std::istream* in_ = nullptr;  // the open input, or null
  std::string name_;            // its name for ids and messages
  bool jsonl_ = false;
  long line_number_ = 0;
  int failed_ = 0;
  std::atomic<std::uint64_t> bytes_read_{0};
};

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_INPUT_READER_H_
