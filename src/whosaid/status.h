// Errors as values: Status and StatusOr<T>.
//
// whosaid never throws across its public API. A function that can fail
// returns a Status (or a StatusOr<T> carrying a value on success). The
// message is meant for a person: it names the file, line, column, rule id
// or byte offset that the error is about.
#ifndef WHOSAID_STATUS_H_
#define WHOSAID_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace whosaid {

class Status {
 public:
  // Creates an OK status.
  Status() = default;

  // Returns an error status with `message`. An empty message is replaced by
  // "unknown error" so that an error is never mistaken for success.
  static Status Error(std::string message) {
    Status s;
    s.ok_ = false;
    s.message_ = message.empty() ? "unknown error" : std::move(message);
    return s;
  }

  bool ok() const { return ok_; }
  // The error message; empty when ok().
  const std::string& message() const { return message_; }

 private:
  bool ok_ = true;
  std::string message_;
};

// A value of type T, or the error that prevented computing it.
template <typename T>
class StatusOr {
 public:
  // Implicit on purpose, so that functions can `return value;` or
  // `return Status::Error(...)`.
  StatusOr(T value) : value_(std::move(value)) {}
  StatusOr(Status status) : status_(std::move(status)) {
    assert(!status_.ok() && "StatusOr needs an error status or a value");
    if (status_.ok()) status_ = Status::Error("StatusOr built from OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // The value. Must only be called when ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace whosaid

#endif  // WHOSAID_STATUS_H_
