// Parsing a subcommand's arguments with Boost.Program_options, whose
// exceptions stop here.
#ifndef WHOSAID_CLI_PARSE_ARGS_H_
#define WHOSAID_CLI_PARSE_ARGS_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>

#include "cli/commands.h"

namespace whosaid::cli {

// Parses `args` against `options` and `positional` into `vm` (stored and
// notified). Returns an empty string on success, else the parser's message
// for a usage error.
std::string ParseArgs(
    const Args& args,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional,
    boost::program_options::variables_map* vm);

// ParseArgs for the subcommand `command` (as in "whosaid index"), with
// the usual answers: after a usage error, prints the error, `usage` and
// the `visible` options on stderr and returns 2; after --help, prints
// `usage` and `visible` on stdout and returns 0; else returns nullopt, and
// the command goes on with `vm`. `all` is `visible` plus hidden options.
std::optional<int> ParseArgsOrExit(
    const char* command, const Args& args, const char* usage,
    const boost::program_options::options_description& visible,
    const boost::program_options::options_description& all,
    const boost::program_options::positional_options_description& positional,
    boost::program_options::variables_map* vm);

}  // namespace whosaid::cli

#endif  // WHOSAID_CLI_PARSE_ARGS_H_
