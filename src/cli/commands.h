// The subcommands of the whosaid executable. Each takes the arguments after
// its name and returns the process exit status: 0 all fine, 1 some
// documents failed, 2 usage or configuration error. main() then flushes
// the output, and makes the status 1 when it could not be written.
#ifndef WHOSAID_CLI_COMMANDS_H_
#define WHOSAID_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace whosaid::cli {

using Args = std::vector<std::string>;

int RunExtract(const Args& args);  // extract.cc
int RunEval(const Args& args);     // eval.cc
int RunRules(const Args& args);    // rules.cc: list, explain, test
int RunIndex(const Args& args);    // index.cc
int RunSearch(const Args& args);   // search.cc
int RunVerify(const Args& args);   // verify.cc
int RunServe(const Args& args);    // serve.cc

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_COMMANDS_H_
