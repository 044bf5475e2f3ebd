#include "serve/fifo_slots.h"

#include <algorithm>

namespace whosaid::serve {

FifoSlots::FifoSlots(int count)
    : count_(static_cast<std::uint64_t>(std::max(1, count))) {}

void FifoSlots::Acquire() {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  turn_.wait(lock, [&] { return ticket < released_ + count_; });
}

void FifoSlots::Release() {
  {
    std::lock_guard lock(mutex_);
    ++released_;
  }
  // Every waiter checks its ticket; only the next one goes.
  turn_.notify_all();
}

}  // namespace whosaid::serve
