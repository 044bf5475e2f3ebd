#include "cli/parse_args.h"

#include <iostream>

namespace whosaid::cli {

namespace po = boost::program_options;

std::string ParseArgs(const Args& args, const po::options_description& options,
                      const po::positional_options_description& positional,
                      po::variables_map* vm) {
  try {
    po::store(po::command_line_parser(args)
                  .options(options)
                  .positional(positional)
                  .run(),
              *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    return e.what();
  }
  return "";
}

std::optional<int> ParseArgsOrExit(
    const char* command, const Args& args, const char* usage,
    const po::options_description& visible, const po::options_description& all,
    const po::positional_options_description& positional,
    po::variables_map* vm) {
  if (std::string error = ParseArgs(args, all, positional, vm);
      !error.empty()) {
    std::cerr << "whosaid " << command << ": " << error << "\n\n"
              << usage << visible;
    return 2;
  }
  if (vm->count("help")) {
    std::cout << usage << visible;
    return 0;
  }
  return std::nullopt;
}

}  // namespace whosaid::cli
