// Running the whosaid executable (WHOSAID_BINARY) from tests: to the end
// with its output captured, or in the background to be killed.
#ifndef WHOSAID_TESTS_RUN_BINARY_H_
#define WHOSAID_TESTS_RUN_BINARY_H_

#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "temp_folder.h"

namespace whosaid::testing_support {

// What one run of the binary did.
struct Outcome {
  int exit_code = -1;  // the exit status, or 128 + signal number
  std::string out;
  std::string err;
};

// How to run the binary besides its arguments.
struct RunOptions {
  std::string input;             // stdin
  std::string stdout_path;       // where stdout goes; empty: captured in `out`
  std::vector<std::string> env;  // extra NAME=VALUE entries
  // Run as user and group nobody (65534) when the test runs as root, so
  // that file permissions apply (root reads files whatever their mode).
  bool as_nobody = false;
};

// The bytes of the file at `path` ("" when it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

// `text` split at '\n', without the empty piece after a final newline.
std::vector<std::string> Lines(const std::string& text);

// Each line of `out` parsed as JSON; fails the test on a line that is not.
std::vector<nlohmann::json> JsonLines(const std::string& out);

// The "id" of each document.
std::vector<std::string> Ids(const std::vector<nlohmann::json>& docs);

// Starts the binary with `args` in the source folder, with file
// descriptors `in`, `out` and `err` as its stdin, stdout and stderr.
// $WHOSAID_RULES is removed from its environment (a developer's own packs
// must not change the results), then `env` is added. Returns its pid, or
// -1 when it cannot be started. With `as_nobody` it runs as RunOptions
// says.
pid_t StartBinary(const std::vector<std::string>& args, int in, int out,
                  int err, const std::vector<std::string>& env = {},
                  bool as_nobody = false);

// Waits for `pid`; its exit status, or 128 + the signal that ended it.
int WaitForExit(pid_t pid);

// Runs the binary to the end with `args`, using files in `dir` for its
// stdin and its captured output.
Outcome RunBinary(const std::vector<std::string>& args,
                  const RunOptions& options, const std::filesystem::path& dir);

// A test with its own temporary folder (TempFolderTest) that runs the
// binary in the source folder (so that docs/example-article.txt is found
// as a user types it).
class BinaryTest : public TempFolderTest {
 protected:
  // Runs the binary with `args` (RunBinary).
  Outcome Run(const std::vector<std::string>& args,
              const RunOptions& options = {});
};

}  // namespace whosaid::testing_support

#endif  // WHOSAID_TESTS_RUN_BINARY_H_
