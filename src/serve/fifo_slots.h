// A fixed number of slots handed out first come, first served.
#ifndef WHOSAID_SERVE_FIFO_SLOTS_H_
#define WHOSAID_SERVE_FIFO_SLOTS_H_

#include <condition_variable>
#include <deque>
#include <mutex>

namespace whosaid::serve {

// Lets at most `count` callers hold a slot at once, in the order they
// asked. Under load this bounds how long anyone waits: a semaphore wakes
// an arbitrary waiter, so some requests would wait many turns while later
// ones go first. A released slot is handed to the first waiter directly,
// which alone is woken. Thread-safe.
class FifoSlots {
 public:
  explicit FifoSlots(int count);

  // Blocks until the caller's turn has come and a slot is free.
  void Acquire();
  // Gives back a slot taken by Acquire.
  void Release();
  // How many callers wait for a slot now.
  int waiting() const;

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
  // One caller waiting for a slot; lives on that caller's stack.
  struct Waiter {
    std::condition_variable turn;
    bool granted = false;
  };

  mutable std::mutex mutex_;
  int free_;                     // slots no one holds or is handed
  std::deque<Waiter*> waiters_;  // in the order they asked
};

}  // namespace whosaid::serve

#endif  // WHOSAID_SERVE_FIFO_SLOTS_H_
