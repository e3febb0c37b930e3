#include "service/worker_pool.h"

#include <atomic>
#include <set>
#include <thread>

#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

TEST(WorkerPool, RunsEveryTask) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(3);
    EXPECT_EQ(pool.size(), 3);
    for (int i = 0; i < 1000; ++i) pool.Submit([&] { done.fetch_add(1); });
  }  // The destructor runs what is queued.
  EXPECT_EQ(done.load(), 1000);
}

TEST(WorkerPool, RunsOnAtMostItsThreads) {
  absl::Mutex mu;
  std::set<std::thread::id> threads;
  absl::BlockingCounter finished(200);
  WorkerPool pool(2);
  for (int i = 0; i < 200; ++i) {
    pool.Submit([&] {
      {
        absl::MutexLock lock(&mu);
        threads.insert(std::this_thread::get_id());
      }
      finished.DecrementCount();
    });
  }
  finished.Wait();
  absl::MutexLock lock(&mu);
  EXPECT_LE(threads.size(), 2u);
  EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);
}

TEST(WorkerPool, AtLeastOneThread) {
  WorkerPool pool(0);
  EXPECT_EQ(pool.size(), 1);
}

}  // namespace
}  // namespace service
}  // namespace resolute
