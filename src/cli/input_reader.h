// The documents of `whosaid extract`'s inputs, one at a time: plain-text
// files (one document each) and JSON Lines (one a line).
#ifndef WHOSAID_CLI_INPUT_READER_H_
#define WHOSAID_CLI_INPUT_READER_H_

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/document.h"

namespace whosaid::cli {

// What to do with a document that cannot be read (--on-error).
enum class OnError {
  kSkip,  // report it, count it, go on with the next one
  kFail,  // report it and read nothing more
};

class InputReader {
 public:
  // `paths` are files or "-" for standard input; `mode` is "text",
  // "jsonl", or "auto" (JSON Lines for names ending in .jsonl).
  InputReader(std::vector<std::string> paths, std::string mode,
              OnError on_error = OnError::kSkip);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // The next document, or nullopt after the last. An input that cannot be
  // opened or read (a read error drops the whole text file, or the rest of
  // a JSON Lines file), a malformed line or a line without a string "text"
  // is a failed document: it is reported on stderr as
  // "whosaid: FILE[:LINE]: why" and recorded in failures(). With kSkip
  // reading goes on with the next one; with kFail it returns nullopt from
  // then on.
  std::optional<Document> Next();

  // Where each failed document was, in order: "FILE" or "FILE:LINE".
  const std::vector<std::string>& failures() const { return failures_; }
  int failed() const { return static_cast<int>(failures_.size()); }
  // True when kFail stopped the reading.
  bool stopped() const { return stopped_; }

  // Bytes of input read so far; safe to call from any thread.
  std::uint64_t bytes_read() const { return bytes_read_.load(); }

 private:
  bool OpenNext();  // opens paths_[next_path_]; false when none is left
  void Close();
  void Fail(const std::string& where, const std::string& why);
  std::optional<Document> ReadText();
  std::optional<Document> ReadLine();  // nullopt at the end of the input

  std::vector<std::string> paths_;
  std::string mode_;
  OnError on_error_;
  std::size_t next_path_ = 0;
  std::FILE* in_ = nullptr;  // the open input, or null
  std::string name_;         // its name for ids and messages
  bool jsonl_ = false;
  long line_number_ = 0;
  char* line_ = nullptr;  // getline's buffer
  std::size_t line_capacity_ = 0;
  std::vector<std::string> failures_;
  bool stopped_ = false;
  std::atomic<std::uint64_t> bytes_read_{0};
};

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_INPUT_READER_H_
