// A fixed number of slots handed out first come, first served.
#ifndef WHOSAID_SERVE_FIFO_SLOTS_H_
#define WHOSAID_SERVE_FIFO_SLOTS_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace whosaid::serve {

// Lets at most `count` callers hold a slot at once, in the order they
// asked. Under load this bounds how long anyone waits: a semaphore wakes
// an arbitrary waiter, so some requests would wait many turns while later
// ones go first. Thread-safe.
class FifoSlots {
 public:
  explicit FifoSlots(int count);

  // Blocks until the caller's turn has come and a slot is free.
  void Acquire();
  // Gives back a slot taken by Acquire.
  void Release();

  // Holds a slot for the life of the object.
  class Hold {
   public:
    explicit Hold(FifoSlots& slots) : slots_(slots) { slots_.Acquire(); }
    ~Hold() { slots_.Release(); }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    FifoSlots& slots_;
  };

 private:
  const std::uint64_t count_;
  std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ticket_ = 0;  // the ticket the next caller gets
  std::uint64_t released_ = 0;     // tickets below released_ + count_ go
};

}  // namespace whosaid::serve

#endif  // WHOSAID_SERVE_FIFO_SLOTS_H_
