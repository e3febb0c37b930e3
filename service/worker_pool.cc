#include "service/worker_pool.h"

#include <grpc/support/time.h>
#include <grpcpp/alarm.h>

#include <algorithm>
#include <utility>

namespace resolute {
namespace service {
namespace {

// A submitted task: an alarm that is already due, so gRPC delivers it to the
// queue at once and a worker runs the task.
class TaskEvent final : public WorkerPool::Event {
 public:
  explicit TaskEvent(absl::AnyInvocable<void() &&> task) : task_(std::move(task)) {}

  void Schedule(grpc::CompletionQueue* queue) {
    alarm_.Set(queue, gpr_inf_past(GPR_CLOCK_MONOTONIC), this);
  }

  // A due alarm is delivered with ok = true; the task runs either way.
  void Proceed(bool) override {
    std::move(task_)();
    delete this;
  }

 private:
  absl::AnyInvocable<void() &&> task_;
  grpc::Alarm alarm_;
};

}  // namespace

WorkerPool::WorkerPool(int threads, std::unique_ptr<grpc::CompletionQueue> queue)
    : queue_(queue != nullptr ? std::move(queue) : std::make_unique<grpc::CompletionQueue>()) {
  threads = std::max(threads, 1);
  threads_.reserve(threads);
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Submit(absl::AnyInvocable<void() &&> task) {
  const bool queued =
      StartOperation([&] { (new TaskEvent(std::move(task)))->Schedule(queue_.get()); });
  if (!queued) std::move(task)();
}

bool WorkerPool::StartOperation(absl::FunctionRef<void()> start) {
  absl::ReaderMutexLock lock(&mu_);
  if (stopped_) return false;
  start();
  return true;
}

void WorkerPool::Stop() {
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return;
    stopped_ = true;
    queue_->Shutdown();
  }
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::Work() {
  void* tag = nullptr;
  bool ok = false;
  // Next returns false once the queue is shut down and drained.
  while (queue_->Next(&tag, &ok)) static_cast<Event*>(tag)->Proceed(ok);
}

}  // namespace service
}  // namespace resolute
