#include "service/worker_pool.h"

#include <grpc/support/time.h>
#include <grpcpp/alarm.h>

#include <atomic>
#include <set>
#include <thread>

#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

TEST(WorkerPool, StartsOperationsOnlyUntilStopped) {
  WorkerPool pool(1);
  absl::Notification fired;
  // An operation started through the pool: an alarm whose event runs on a worker.
  class AlarmEvent final : public WorkerPool::Event {
   public:
    explicit AlarmEvent(absl::Notification* fired) : fired_(fired) {}
    void Proceed(bool) override { fired_->Notify(); }
    grpc::Alarm alarm;

   private:
    absl::Notification* fired_;
  } event(&fired);
  EXPECT_TRUE(pool.StartOperation(
      [&] { event.alarm.Set(pool.queue(), gpr_inf_past(GPR_CLOCK_MONOTONIC), &event); }));
  EXPECT_TRUE(fired.WaitForNotificationWithTimeout(absl::Seconds(10)));
  pool.Stop();
  bool ran = false;
  EXPECT_FALSE(pool.StartOperation([&] { ran = true; }));
  EXPECT_FALSE(ran) << "the queue is shut down: nothing may start on it";
}

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

TEST(WorkerPool, TasksSubmittedAfterStopRunOnTheCaller) {
  WorkerPool pool(1);
  pool.Stop();
  pool.Stop();  // Idempotent.
  std::thread::id ran_on;
  pool.Submit([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

// An event of the caller's own, as the service's unary calls are.
class AlarmEvent final : public WorkerPool::Event {
 public:
  void Proceed(bool ok) override {
    ok_ = ok;
    thread_ = std::this_thread::get_id();
    delivered_.Notify();
  }
  grpc::Alarm alarm;
  absl::Notification delivered_;
  bool ok_ = false;
  std::thread::id thread_;
};

TEST(WorkerPool, DeliversEventsStartedOnItsQueueToAWorker) {
  WorkerPool pool(1);
  AlarmEvent event;
  event.alarm.Set(pool.queue(), gpr_inf_past(GPR_CLOCK_MONOTONIC), &event);
  ASSERT_TRUE(event.delivered_.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_TRUE(event.ok_);
  EXPECT_NE(event.thread_, std::this_thread::get_id());
}

TEST(WorkerPool, CancelledOperationsAreDeliveredAsNotOk) {
  AlarmEvent event;
  {
    WorkerPool pool(1);
    event.alarm.Set(pool.queue(), gpr_inf_future(GPR_CLOCK_MONOTONIC), &event);
    event.alarm.Cancel();  // As a server's shutdown fails its awaited calls.
    ASSERT_TRUE(event.delivered_.WaitForNotificationWithTimeout(absl::Seconds(10)));
  }
  EXPECT_FALSE(event.ok_);
}

}  // namespace
}  // namespace service
}  // namespace resolute
