// What `whosaid search` and `whosaid verify` share: opening the store and
// writing results as text, JSON Lines or CSV.
#ifndef WHOSAID_CLI_STORE_OUTPUT_H_
#define WHOSAID_CLI_STORE_OUTPUT_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/store.h"

namespace whosaid::cli {

// `parts` with `separator` between them.
std::string Join(const std::vector<std::string>& parts,
                 const std::string& separator);

// True for "text" and "jsonl", and "csv" when `csv_allowed`.
bool IsStoreFormat(const std::string& format, bool csv_allowed);

// The existing store at `path`, or null after saying why on stderr.
std::unique_ptr<Store> OpenStoreForCli(const std::string& path);

// Reports a failed query of `command` on stderr; returns the exit
// status, 2.
int QueryError(const char* command, const Status& status);

// `field` quoted for CSV (RFC 4180) when it holds a comma, a double quote
// or a line break.
std::string CsvField(const std::string& field);

// Writes results to stdout in one format.
class StoreWriter {
 public:
  explicit StoreWriter(std::string format) : format_(std::move(format)) {}
  // The CSV header line; nothing in the other formats.
  void Header(const std::vector<std::string>& columns);
  // One result: `json` as a line for jsonl, `text` as it is for text,
  // `row` as a CSV record for csv.
  void Write(const nlohmann::json& json, const std::string& text,
             const std::vector<std::string>& row);
  // The exit status: 1 when a write failed, else 0. main() flushes the
  // output and says why it could not be written (FinishOutput), so that a
  // full disk is reported once and a closed pipe quietly.
  int Finish() const;

 private:
  void Put(const std::string& bytes);
  std::string format_;
  bool failed_ = false;
};

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_STORE_OUTPUT_H_
