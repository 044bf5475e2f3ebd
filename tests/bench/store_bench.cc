// Times the quote store alone: extracts every document of a JSON Lines
// file first (timed too, on one thread, for the ratio), then stores the
// results into a fresh SQLite file in transactions of 100 documents, as
// `whosaid index` does, and reindexes them once (every document replaced).
//
//   build/tests/bench/whosaid_store_bench FILE.jsonl [MAX_DOCUMENTS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"
#include "whosaid/rule_set.h"
#include "whosaid/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Stores `docs` in batches of 100; seconds taken, or -1 on error.
double TimeIndex(whosaid::Store& store,
                 const std::vector<whosaid::DocumentToIndex>& docs) {
  const auto start = Clock::now();
  for (std::size_t begin = 0; begin < docs.size(); begin += 100) {
    const std::size_t end = std::min(docs.size(), begin + 100);
    const whosaid::Status s =
        store.Index({docs.begin() + static_cast<long>(begin),
                     docs.begin() + static_cast<long>(end)});
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return -1;
    }
  }
  return Seconds(start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl [MAX_DOCUMENTS]\n", argv[0]);
    return 2;
  }
  const std::size_t max = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 0;
  std::vector<whosaid::Document> docs;
  std::ifstream in(argv[1]);
  double megabytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (max > 0 && docs.size() == max) break;
    auto doc = whosaid::ParseDocumentLine(line, "line");
    if (!doc.ok()) continue;
    megabytes += static_cast<double>(doc->text.size()) / 1e6;
    docs.push_back(std::move(doc).value());
  }
  auto rules = whosaid::RuleSet::Load({whosaid::BuiltinEnglishPack()});
  if (!rules.ok()) return 2;
  const whosaid::Extractor extractor(*rules);
  std::vector<whosaid::DocumentToIndex> results;
  std::size_t attributions = 0;
  const auto start = Clock::now();
  for (const whosaid::Document& doc : docs) {
    results.push_back({doc.meta, extractor.Extract(doc)});
    attributions += results.back().result.quotes.size();
  }
  const double extract = Seconds(start);
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "whosaid_store_bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix);
  }
  auto store = whosaid::Store::Open(path.string());
  if (!store.ok()) return 2;
  const double index = TimeIndex(**store, results);
  const double reindex = TimeIndex(**store, results);
  if (index < 0 || reindex < 0) return 1;
  std::printf("%zu documents, %.2f MB, %zu attributions\n", docs.size(),
              megabytes, attributions);
  std::printf("extract (1 thread): %.2f s, %.2f MB/s\n", extract,
              megabytes / extract);
  std::printf("store:              %.2f s, %.2f MB/s, %.0f attributions/s\n",
              index, megabytes / index, attributions / index);
  std::printf(
      "store again:        %.2f s, %.2f MB/s (every document "
      "replaced)\n",
      reindex, megabytes / reindex);
  return 0;
}
