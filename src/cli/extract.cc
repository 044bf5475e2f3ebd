// Placeholder until the command lands.
#include <cstdio>
#include "cli/commands.h"
namespace whosaid::cli {
int RunExtract(const Args&) { std::fputs("not yet\n", stderr); return 2; }
}  // namespace whosaid::cli
