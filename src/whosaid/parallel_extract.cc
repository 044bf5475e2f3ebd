#include "whosaid/parallel_extract.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <memory>
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
  // Finished, not yet emitted: what to do with each, by input index.
  std::map<std::size_t, std::function<bool()>> ready;
  // Held while calling the source, one reader at a time, but not `mutex`:
  // a source that waits for its input must not keep results from being
  // emitted.
  std::mutex reading;
};

void Work(const DocumentSource& source, const DocumentTask& task,
          std::size_t window, Shared& s) {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(s.mutex);
      s.work.wait(lock, [&] {
        return s.stopped || s.source_done || s.read - s.emitted < window;
      });
      if (s.stopped || s.source_done) return;
    }
    std::optional<Document> doc;
    std::size_t index = 0;
    {
      std::lock_guard<std::mutex> reading(s.reading);
      {
        std::lock_guard<std::mutex> lock(s.mutex);
        if (s.stopped || s.source_done) return;
      }
      doc = source();
      std::lock_guard<std::mutex> lock(s.mutex);
      if (!doc) {
        s.source_done = true;
        s.work.notify_all();
        s.results.notify_all();
        return;
      }
      index = s.read++;
    }
    std::function<bool()> step = task(index, *std::move(doc));
    std::lock_guard<std::mutex> lock(s.mutex);
    s.ready.emplace(index, std::move(step));
    s.results.notify_all();
  }
}

}  // namespace

bool RunInOrder(int threads, const DocumentSource& source,
                const DocumentTask& task, std::size_t window) {
  threads = std::max(threads, 1);
  if (window == 0) window = 4 * static_cast<std::size_t>(threads);
  Shared s;
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back(Work, std::cref(source), std::cref(task), window,
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
    std::function<bool()> step = std::move(next->second);
    s.ready.erase(next);
    lock.unlock();
    const bool go_on = step();
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

bool ExtractInOrder(const Extractor& extractor, int threads,
                    const DocumentSource& source, const ResultSink& sink,
                    std::size_t window) {
  return RunInOrder(
      threads, source,
      [&](std::size_t, Document doc) -> std::function<bool()> {
        auto result =
            std::make_shared<const DocumentResult>(extractor.Extract(doc));
        return [&sink, result] { return sink(*result); };
      },
      window);
}

}  // namespace whosaid
