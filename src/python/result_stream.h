// The iterator that Extractor.extract_many returns.
#ifndef WHOSAID_PYTHON_RESULT_STREAM_H_
#define WHOSAID_PYTHON_RESULT_STREAM_H_

#include <pybind11/pybind11.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "python/value_tape.h"
#include "whosaid/document.h"
#include "whosaid/extractor.h"

namespace whosaid::python {

// Extracts the records of a Python iterable on worker threads and yields
// their results in input order, as dicts.
//
// Python objects are touched only on the thread that iterates, with the
// GIL: Next() reads records ahead into an inbox, and turns finished
// results into dicts. The workers (RunInOrder, run by a coordinator
// thread) take documents from the inbox and put results, as value tapes
// (value_tape.h), into an outbox without ever needing the GIL, so they run
// while Python does anything else. Inbox and outbox hold at most four
// documents a thread, so memory stays bounded whatever the input's length.
//
// A record that cannot be read, or an exception raised by the iterable,
// ends the input there: every result before it is still yielded, then
// Next() raises it (InputError "record N: why" with N the record's 0-based
// position, or the iterable's own exception).
class ResultStream {
 public:
  // Starts the workers. `records` is an iterator of dicts (see
  // DocumentFromRecord); `threads` at least 1. Needs the GIL.
  ResultStream(std::shared_ptr<const Extractor> extractor,
               pybind11::iterator records, int threads, bool with_text);
  // Stops the workers, dropping the documents still in flight. Needs the
  // GIL, which it releases while waiting for them.
  ~ResultStream();
  ResultStream(const ResultStream&) = delete;
  ResultStream& operator=(const ResultStream&) = delete;

  // The next result, as whosaid.extract returns it. Throws
  // pybind11::stop_iteration after the last, or the input's error. Needs
  // the GIL, which it releases while waiting.
  pybind11::object Next();

 private:
  void ReadAhead();                // iterating thread, with the GIL
  std::optional<Document> Take();  // a worker: the next document
  bool Put(ValueTape result);      // the coordinator: one result
  // The oldest result in the outbox, if any; needs mutex_.
  std::optional<ValueTape> PopResult();
  void Run(int threads);  // the coordinator's body

  const std::shared_ptr<const Extractor> extractor_;
  const bool with_text_;
  const std::size_t capacity_;  // of the inbox and of the outbox
  pybind11::iterator records_;  // touched only with the GIL
  long read_ = 0;               // records read from `records_`
  std::exception_ptr error_;    // the input's error, raised after the rest

  std::mutex mutex_;                    // guards what follows
  std::condition_variable doc_ready_;   // for the worker taking documents
  std::condition_variable room_;        // for the coordinator's Put
  std::condition_variable next_ready_;  // for Next: a result, room, the end
  std::deque<Document> inbox_;
  std::deque<ValueTape> outbox_;
  bool input_done_ = false;  // no more documents will enter the inbox
  bool finished_ = false;    // every result is in the outbox
  bool stopped_ = false;     // the stream is being destroyed

  std::thread coordinator_;  // last: starts once the rest is ready
};

}  // namespace whosaid::python

#endif  // WHOSAID_PYTHON_RESULT_STREAM_H_
