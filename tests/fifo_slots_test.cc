#include "serve/fifo_slots.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace whosaid::serve {
namespace {

// Waits (yielding) until `slots` has `n` callers waiting.
void AwaitWaiting(const FifoSlots& slots, int n) {
  while (slots.waiting() != n) std::this_thread::yield();
}

TEST(FifoSlotsTest, WaitersGetTheSlotInTheOrderTheyAsked) {
  FifoSlots slots(1);
  slots.Acquire();
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      FifoSlots::Hold hold(slots);
      std::lock_guard lock(mutex);
      order.push_back(i);
    });
    AwaitWaiting(slots, i + 1);  // thread i queues before thread i + 1
  }
  slots.Release();
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(order, ::testing::ElementsAre(0, 1, 2, 3, 4));
  EXPECT_EQ(slots.waiting(), 0);
}

TEST(FifoSlotsTest, NoMoreThanCountHoldASlotAtOnce) {
  FifoSlots slots(2);
  std::atomic<int> holding = 0;
  std::atomic<int> most = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 200; ++k) {
        FifoSlots::Hold hold(slots);
        const int now = ++holding;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        --holding;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_GE(most.load(), 1);
}

TEST(FifoSlotsTest, ACountBelowOneMeansOne) {
  FifoSlots slots(0);
  slots.Acquire();
  std::atomic<bool> got = false;
  std::thread second([&] {
    FifoSlots::Hold hold(slots);
    got = true;
  });
  AwaitWaiting(slots, 1);
  EXPECT_FALSE(got.load());
  slots.Release();
  second.join();
  EXPECT_TRUE(got.load());
}

}  // namespace
}  // namespace whosaid::serve
