// whosaid_re2_scan FILE: the baseline of tests/bench/throughput.sh. Reads
// FILE and scans all of its bytes once with bare RE2 for an alternation of
// 20 reporting verbs (a FindAndConsume loop, counting matches), then prints
// the bytes, matches, seconds of the scan (reading excluded) and MB/s
// (10^6 bytes a second), one "name<TAB>value" a line.
#include <re2/re2.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: whosaid_re2_scan FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream buffer;
  if (!in || !(buffer << in.rdbuf())) {
    std::fprintf(stderr, "whosaid_re2_scan: cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string text = std::move(buffer).str();

  const RE2 verbs(
      "\\b(?:said|says|told|added|stated|noted|argued|claimed|denied|warned|"
      "urged|promised|announced|reported|wrote|asked|explained|insisted|"
      "accused|admitted)\\b");
  if (!verbs.ok()) {
    std::fprintf(stderr, "whosaid_re2_scan: %s\n", verbs.error().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  re2::StringPiece input(text);
  long matches = 0;
  while (RE2::FindAndConsume(&input, verbs)) ++matches;
  const std::chrono::duration<double> seconds =
      std::chrono::steady_clock::now() - start;

  std::printf("bytes\t%zu\nmatches\t%ld\nseconds\t%.6f\nMB/s\t%.1f\n",
              text.size(), matches, seconds.count(),
              static_cast<double>(text.size()) / 1e6 / seconds.count());
  return 0;
}
