#include "whosaid/parallel_extract.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace whosaid {
namespace {

// What the workers and the emitting thread share, under `mutex`.
struct Shared {
  std::mutex mutex;
  std::condition_variable work;     // a worker may read the next document
  std::condition_variable results;  // a result or the end is there
  std::size_t read = 0;             // documents taken from the source
  std::size_t emitted = 0;          // results handed to the sink
  bool source_done = false;
  bool stopped = false;
  std::map<std::size_t, DocumentResult> ready;  // finished, not yet emitted
};

void Work(const Extractor& extractor, const DocumentSource& source,
          std::size_t window, Shared& s) {
  std::unique_lock<std::mutex> lock(s.mutex);
  while (true) {
    s.work.wait(lock, [&] {
      return s.stopped || s.source_done || s.read - s.emitted < window;
    });
    if (s.stopped || s.source_done) return;
    std::optional<Document> doc = source();  // one reader at a time
    if (!doc) {
      s.source_done = true;
      s.work.notify_all();
      s.results.notify_all();
      return;
    }
    const std::size_t index = s.read++;
    lock.unlock();
    DocumentResult result = extractor.Extract(*doc);
    lock.lock();
    s.ready.emplace(index, std::move(result));
    s.results.notify_all();
  }
}

}  // namespace

bool ExtractInOrder(const Extractor& extractor, int threads,
                    const DocumentSource& source, const ResultSink& sink,
                    std::size_t window) {
  threads = std::max(threads, 1);
  if (window == 0) window = 4 * static_cast<std::size_t>(threads);
  Shared s;
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back(Work, std::cref(extractor), std::cref(source), window,
                         std::ref(s));
  }
  bool completed = true;
  std::unique_lock<std::mutex> lock(s.mutex);
  while (true) {
    s.results.wait(lock, [&] {
      return s.ready.count(s.emitted) > 0 ||
             (s.source_done && s.emitted == s.read);
    });
    auto next = s.ready.find(s.emitted);
    if (next == s.ready.end()) break;  // every document was emitted
    DocumentResult result = std::move(next->second);
    s.ready.erase(next);
    lock.unlock();
    const bool go_on = sink(result);
    lock.lock();
    ++s.emitted;
    s.work.notify_all();
    if (!go_on) {
      completed = false;
      s.stopped = true;
      s.work.notify_all();
      break;
    }
  }
  lock.unlock();
  for (std::thread& worker : workers) worker.join();
  return completed;
}

}  // namespace whosaid
