#include "serve/fifo_slots.h"

#include <algorithm>

namespace whosaid::serve {

FifoSlots::FifoSlots(int count) : free_(std::max(1, count)) {}

void FifoSlots::Acquire() {
  std::unique_lock lock(mutex_);
  if (free_ > 0 && waiters_.empty()) {
    --free_;
    return;
  }
  Waiter waiter;
  waiters_.push_back(&waiter);
  waiter.turn.wait(lock, [&] { return waiter.granted; });
}

void FifoSlots::Release() {
  std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    ++free_;
    return;
  }
  // The slot goes straight to the first waiter. Notified under the lock:
  // the waiter cannot return, and its Waiter cannot go, before we are done.
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->granted = true;
  next->turn.notify_one();
}

int FifoSlots::waiting() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(waiters_.size());
}

}  // namespace whosaid::serve
