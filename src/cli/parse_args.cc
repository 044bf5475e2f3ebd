#include "cli/parse_args.h"

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

}  // namespace whosaid::cli
