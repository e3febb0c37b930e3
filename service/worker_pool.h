// WorkerPool: a fixed set of threads that poll one gRPC completion queue and
// run what it delivers: tasks submitted to the pool, and the events of the
// service's asynchronous calls (ParseResolution, StreamParseResolutions).
//
//   WorkerPool pool(4);                      // a completion queue of its own
//   pool.Submit([&] { Parse(document); });
//
//   WorkerPool pool(4, builder.AddCompletionQueue());  // a server's queue
//   service.RequestParseResolution(..., pool.queue(), pool.queue(), call);
//   ...                                      // after server->Shutdown():
//   pool.Stop();
//
// The pool bounds how many documents are parsed at once across all calls: a
// unary call or a stream's document is parsed on the thread that received it
// from the queue (no hand-off to another thread), an archive's entries are
// submitted as tasks. Its queue is not bounded by the pool itself: callers
// bound it (each stream keeps a fixed window of documents in flight, each
// unary call is one event).

#ifndef RESOLUTE_SERVICE_WORKER_POOL_H_
#define RESOLUTE_SERVICE_WORKER_POOL_H_

#include <grpcpp/completion_queue.h>

#include <memory>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/functional/function_ref.h"
#include "absl/synchronization/mutex.h"

namespace resolute {
namespace service {

class WorkerPool {
 public:
  // What the pool's queue delivers: the tag of every operation started on
  // `queue()` must be an Event, which is then handed to Proceed on a worker.
  class Event {
   public:
    virtual ~Event() = default;
    // Called once per delivery; `ok` is the completion queue's ok flag
    // (false: the operation failed or the server is shutting down).
    virtual void Proceed(bool ok) = 0;
  };

  // Starts `threads` worker threads (at least one) polling `queue`, or a
  // completion queue of the pool's own if `queue` is null.
  explicit WorkerPool(int threads, std::unique_ptr<grpc::CompletionQueue> queue = nullptr);
  // Stop(), then frees the queue.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` to run on a worker thread. Tasks must not block waiting for
  // other tasks of the same pool. After Stop(), runs `task` at once on the
  // calling thread, so no task is ever lost.
  void Submit(absl::AnyInvocable<void() &&> task);

  // Shuts the queue down, lets the workers run everything already queued, and
  // joins them. Idempotent. With a server's queue, call it only after the
  // server's Shutdown (gRPC's rule for completion queues).
  void Stop();

  // The queue the workers poll, for starting operations whose tags are Events.
  grpc::CompletionQueue* queue() const { return queue_.get(); }

  // Runs `start`, which starts an operation on queue(), unless Stop() has
  // shut the queue down (gRPC forbids that): returns whether it ran. Several
  // threads may start operations at once.
  bool StartOperation(absl::FunctionRef<void()> start);

  // The number of worker threads.
  int size() const { return static_cast<int>(threads_.size()); }

 private:
  void Work();

  std::unique_ptr<grpc::CompletionQueue> queue_;
  // Held while starting an operation on the queue and while shutting it
  // down: gRPC forbids operations on a queue after its Shutdown.
  absl::Mutex mu_;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_WORKER_POOL_H_
