// WorkerPool: a fixed set of threads that run submitted tasks in FIFO order.
//
//   WorkerPool pool(4);
//   pool.Submit([&] { Parse(document); });
//
// The pool bounds how many documents are parsed at once across all calls. Its
// queue is not bounded by the pool itself: callers bound it (each stream keeps
// a fixed window of documents in flight, each unary call queues one task).

#ifndef RESOLUTE_SERVICE_WORKER_POOL_H_
#define RESOLUTE_SERVICE_WORKER_POOL_H_

#include <deque>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace resolute {
namespace service {

class WorkerPool {
 public:
  // Starts `threads` worker threads (at least one).
  explicit WorkerPool(int threads);
  // Runs the tasks still queued, then joins the threads.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` to run on a worker thread. Tasks must not block waiting for
  // other tasks of the same pool.
  void Submit(absl::AnyInvocable<void() &&> task);

  // The number of worker threads.
  int size() const { return static_cast<int>(threads_.size()); }

 private:
  void Work();
  bool HasWorkOrStopping() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  std::deque<absl::AnyInvocable<void() &&>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_WORKER_POOL_H_
