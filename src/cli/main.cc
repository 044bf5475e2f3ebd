// whosaid: finds quoted and reported statements in news text and says who
// said them. This file only dispatches to the subcommands.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/commands.h"

namespace {

constexpr char kUsage[] =
    "usage: whosaid COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  extract [FILE...|-]   find attributions in plain text or JSON Lines\n"
    "  eval GOLD.jsonl       score whosaid against gold annotations\n"
    "  rules list|explain|test   inspect and test rule packs\n"
    "  index --db FILE [FILE...|-]   store attributions in a quote store\n"
    "  search --db FILE [QUERY]  search the quote store\n"
    "  verify --db FILE CLAIM    check a claimed quote against the store\n"
    "  serve                 the HTTP API and a page to review articles in\n"
    "\n"
    "Run 'whosaid COMMAND --help' for a command's options.\n";

// Flushes standard output after a command that returned `status`. Output
// that cannot be written (a full disk, /dev/full) is an error, with exit
// status 1 unless the command failed already; a reader that went away
// (`whosaid rules list | head -1`) ends the run quietly.
int FinishOutput(int status) {
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return status;
  if (errno == EPIPE) return status;
  std::fprintf(stderr, "whosaid: cannot write the output: %s\n",
               std::strerror(errno));
  return status == 0 ? 1 : status;
}

int Run(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") ||
      !std::strcmp(argv[1], "-h")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::puts("whosaid 0.1.0");
    return 0;
  }
  const std::string command = argv[1];
  const whosaid::cli::Args args(argv + 2, argv + argc);
  try {
    if (command == "extract") return whosaid::cli::RunExtract(args);
    if (command == "eval") return whosaid::cli::RunEval(args);
    if (command == "rules") return whosaid::cli::RunRules(args);
    if (command == "index") return whosaid::cli::RunIndex(args);
    if (command == "search") return whosaid::cli::RunSearch(args);
    if (command == "verify") return whosaid::cli::RunVerify(args);
    if (command == "serve") return whosaid::cli::RunServe(args);
  } catch (const std::exception& e) {
    // Subcommands report their own errors; this is the last border.
    std::fprintf(stderr, "whosaid: %s\n", e.what());
    return 2;
  }
  std::fprintf(stderr, "whosaid: unknown command '%s'\n\n%s", command.c_str(),
               kUsage);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // Writes to a closed pipe fail with EPIPE instead of killing the
  // process, so that whosaid can stop reading and end quietly.
  std::signal(SIGPIPE, SIG_IGN);
  return FinishOutput(Run(argc, argv));
}
