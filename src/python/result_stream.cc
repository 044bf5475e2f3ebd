#include "python/result_stream.h"

#include <string>
#include <utility>

#include "python/to_python.h"
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
  changed_.notify_all();
  py::gil_scoped_release release;
  coordinator_.join();
}

void ResultStream::Run(int threads) {
  ExtractInOrder(
      *extractor_, threads, [this] { return Take(); },
      [this](const DocumentResult& result) {
        return Put(ToJson(result, with_text_));
      });
  std::lock_guard<std::mutex> lock(mutex_);
  finished_ = true;
  changed_.notify_all();
}

std::optional<Document> ResultStream::Take() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock,
                [this] { return stopped_ || input_done_ || !inbox_.empty(); });
  if (stopped_ || inbox_.empty()) return std::nullopt;
  Document doc = std::move(inbox_.front());
  inbox_.pop_front();
  changed_.notify_all();  // room in the inbox for Next() to read into
  return doc;
}

bool ResultStream::Put(nlohmann::json result) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock,
                [this] { return stopped_ || outbox_.size() < capacity_; });
  if (stopped_) return false;
  outbox_.push_back(std::move(result));
  changed_.notify_all();
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
    changed_.notify_all();
  }
}

py::object ResultStream::Next() {
  while (true) {
    ReadAhead();
    std::optional<nlohmann::json> result;
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex_);
      // Wake for a result, for the end, or for room to read more into.
      changed_.wait(lock, [this] {
        return !outbox_.empty() || finished_ ||
               (!input_done_ && inbox_.size() < capacity_);
      });
      if (!outbox_.empty()) {
        result = std::move(outbox_.front());
        outbox_.pop_front();
        changed_.notify_all();  // room in the outbox
      } else if (!finished_) {
        continue;  // room in the inbox: read more first
      }
    }
    if (result) return ToPython(*result);
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    throw py::stop_iteration();
  }
}

}  // namespace whosaid::python
