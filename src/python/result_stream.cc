#include "python/result_stream.h"

#include <string>
#include <utility>

#include "python/to_python.h"
#include "python/value_tape.h"
#include "whosaid/parallel_extract.h"
#include "whosaid/result_json.h"

namespace whosaid::python {

namespace py = pybind11;

ResultStream::ResultStream(std::shared_ptr<const Extractor> extractor,
                           py::iterator records, int threads, bool with_text)
    : extractor_(std::move(extractor)),
      with_text_(with_text),
      capacity_(4 * static_cast<std::size_t>(threads)),
      records_(std::move(records)),
      coordinator_(&ResultStream::Run, this, threads) {}

ResultStream::~ResultStream() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
  }
  doc_ready_.notify_all();
  room_.notify_all();
  next_ready_.notify_all();
  py::gil_scoped_release release;
  coordinator_.join();
}

void ResultStream::Run(int threads) {
  // Each result becomes a value tape on its worker thread; only the
  // hand-over is in order.
  RunInOrder(
      threads, [this] { return Take(); },
      [this](std::size_t, Document doc) -> std::function<bool()> {
        auto tape = std::make_shared<ValueTape>();
        WriteJson(extractor_->Extract(doc), with_text_, *tape);
        return [this, tape] { return Put(std::move(*tape)); };
      });
  std::lock_guard<std::mutex> lock(mutex_);
  finished_ = true;
  next_ready_.notify_all();
}

std::optional<Document> ResultStream::Take() {
  std::unique_lock<std::mutex> lock(mutex_);
  doc_ready_.wait(
      lock, [this] { return stopped_ || input_done_ || !inbox_.empty(); });
  if (stopped_ || inbox_.empty()) return std::nullopt;
  Document doc = std::move(inbox_.front());
  inbox_.pop_front();
  // Next() refills the inbox once it is half empty, not after every
  // document: fewer wake-ups of the thread that holds the GIL.
  if (inbox_.size() <= capacity_ / 2) next_ready_.notify_one();
  return doc;
}

bool ResultStream::Put(ValueTape result) {
  std::unique_lock<std::mutex> lock(mutex_);
  room_.wait(lock, [this] { return stopped_ || outbox_.size() < capacity_; });
  if (stopped_) return false;
  outbox_.push_back(std::move(result));
  next_ready_.notify_one();
  return true;
}

void ResultStream::ReadAhead() {
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (input_done_ || inbox_.size() >= capacity_) return;
    }
    // Reading runs Python code (a generator, a file), so not under mutex_.
    std::optional<Document> doc;
    try {
      py::object record =
          py::reinterpret_steal<py::object>(PyIter_Next(records_.ptr()));
      if (!record && PyErr_Occurred()) throw py::error_already_set();
      if (record) {
        doc = DocumentFromRecord(record, std::to_string(read_));
        ++read_;
      }
    } catch (const InputError& e) {
      error_ = std::make_exception_ptr(
          InputError("record " + std::to_string(read_) + ": " + e.what()));
    } catch (...) {
      error_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (doc) {
      inbox_.push_back(*std::move(doc));
    } else {
      input_done_ = true;
    }
    doc_ready_.notify_one();  // only one worker at a time takes documents
  }
}

std::optional<ValueTape> ResultStream::PopResult() {
  if (outbox_.empty()) return std::nullopt;
  ValueTape result = std::move(outbox_.front());
  outbox_.pop_front();
  room_.notify_one();  // room in the outbox
  return result;
}

py::object ResultStream::Next() {
  while (true) {
    ReadAhead();
    std::optional<ValueTape> result;
    {
      // A result that is ready is taken without giving up the GIL: the
      // workers never need it, so they do not wait on it here.
      std::lock_guard<std::mutex> lock(mutex_);
      result = PopResult();
    }
    if (!result) {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex_);
      // Wake for a result, for the end, or for an inbox half empty.
      next_ready_.wait(lock, [this] {
        return !outbox_.empty() || finished_ ||
               (!input_done_ && inbox_.size() <= capacity_ / 2);
      });
      result = PopResult();
      if (!result && !finished_) continue;  // room in the inbox: read more
    }
    if (result) return result->ToPython();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    throw py::stop_iteration();
  }
}

}  // namespace whosaid::python
