// Extracting many documents on several threads, results in input order.
#ifndef WHOSAID_PARALLEL_EXTRACT_H_
#define WHOSAID_PARALLEL_EXTRACT_H_

#include <cstddef>
#include <functional>
#include <optional>

#include "whosaid/attribution.h"
#include "whosaid/document.h"
#include "whosaid/extractor.h"

namespace whosaid {

// The next document, or nullopt when there is none left. Called by one
// thread at a time, never concurrently.
using DocumentSource = std::function<std::optional<Document>()>;

// Takes one result; returns false to stop (the output failed). Called on
// the thread that called ExtractInOrder, in input order.
using ResultSink = std::function<bool(const DocumentResult&)>;

// The work for one document, done on a worker thread: given the
// document's place in the input (0, 1, …) and the document, returns what
// the calling thread then does with the outcome, in input order (false:
// stop the run). Work that need not be in order, such as formatting the
// output, belongs in the task, where it runs on every core.
using DocumentTask =
    std::function<std::function<bool()>(std::size_t index, Document doc)>;

// Runs `task` on every document `source` gives with `threads` worker
// threads (at least one) and runs what each task returns on the calling
// thread, in the order the documents came. At most `window` documents
// (0 means four per thread), and one more a thread, are read but not yet
// handed on, so memory is bounded by the largest documents, not by the
// input. Returns false when
// a returned step stopped the run; the documents still in flight are then
// dropped.
bool RunInOrder(int threads, const DocumentSource& source,
                const DocumentTask& task, std::size_t window = 0);

// Extracts every document `source` gives with `threads` worker threads (at
// least one) and hands each result to `sink` in the order the documents
// came. At most `window` documents are read but not yet handed on (0 means
// four per thread), so memory is bounded by the largest documents, not by
// the input. The output is the same for any number of threads. Returns
// false when `sink` stopped the run; the documents still in flight are
// then dropped.
bool ExtractInOrder(const Extractor& extractor, int threads,
                    const DocumentSource& source, const ResultSink& sink,
                    std::size_t window = 0);

}  // namespace whosaid

#endif  // WHOSAID_PARALLEL_EXTRACT_H_
