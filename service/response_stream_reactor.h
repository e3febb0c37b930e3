// ResponseStreamReactor: the machinery of a streaming call on the callback
// API (ParseArchive's; StreamParseResolutions follows the same rules on the
// asynchronous API, service/document_stream_call.h).
//
// A derived reactor produces responses (parsing on the worker pool): it
// reserves a ticket per response while there is room in the call's window,
// completes it from any thread with Deliver(), and calls EndInputLocked()
// once it will produce no more. This base writes the responses one at a time
// in the sequencer's order, calls the derived MaybeReadLocked() whenever room
// may have been freed (so reading pauses while the window is full: the client
// is then held back by gRPC flow control, not by a queue here), and finishes
// the call when the input has ended and every response is written. After a
// cancellation (client cancel, deadline, broken connection, failed write)
// nothing more is written and the call finishes as soon as the work in flight
// has drained.
//
// Lifetime: Create() returns a raw pointer for gRPC; the reactor keeps itself
// alive until OnDone, and work in flight holds it through shared_ptr, so it
// is destroyed after the last of them.
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_RESPONSE_STREAM_REACTOR_H_
#define RESOLUTE_SERVICE_RESPONSE_STREAM_REACTOR_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/arena_messages.h"
#include "service/request_codec.h"
#include "service/response_sequencer.h"

namespace resolute {
namespace service {

// A raw method's reactor: requests arrive as bytes (the derived reactor
// decodes them), and responses, produced as ParseResolutionResponses, are
// written as their bytes (the call's response type has the same fields).
class ResponseStreamReactor : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>,
                              public std::enable_shared_from_this<ResponseStreamReactor> {
 public:
  // Makes a `Derived` reactor that owns itself until OnDone and starts it.
  template <class Derived, class... Args>
  static Derived* Create(Args&&... args) {
    auto reactor = std::make_shared<Derived>(std::forward<Args>(args)...);
    ResponseStreamReactor* base = reactor.get();
    base->self_ = reactor;
    base->Begin();
    return reactor.get();
  }

  void OnWriteDone(bool ok) final {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) cancelled_ = true;  // The client is gone.
    PumpLocked();
  }

  void OnCancel() final {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    PumpLocked();
  }

  void OnDone() final {
    // Released at the end of this scope; deletes the reactor unless work in
    // flight still holds it.
    std::shared_ptr<ResponseStreamReactor> self = std::move(self_);
  }

 protected:
  ResponseStreamReactor(ResponseSequencer::Order order, size_t window)
      : sequencer_(order), window_(window < 1 ? 1 : window) {}

  // Starts the call (the first read); called once by Create.
  virtual void Begin() = 0;

  // Starts a read if the derived call wants one now; called under mu_ after
  // every event. Must end the input once cancelled_ is set and no read is
  // outstanding.
  virtual void MaybeReadLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) = 0;

  // Responses reserved and not yet completely written.
  size_t InFlightLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return sequencer_.outstanding() + (writing_ ? 1 : 0);
  }

  // Whether another response may be reserved now.
  bool HasRoomLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return InFlightLocked() < window_;
  }

  // Whether a write has been pending for at least `limit` (the client reads
  // no responses).
  bool WriteStalledLocked(absl::Duration limit) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return writing_ && absl::Now() - write_started_ >= limit;
  }

  // Reserves the place of a response to come.
  uint64_t ReserveLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return sequencer_.Reserve(); }

  // Completes the response for `ticket`; call from any thread without mu_.
  void Deliver(uint64_t ticket, ArenaResponse response) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    sequencer_.Complete(ticket, std::move(response));
    PumpLocked();
  }

  // Records that no more responses will be reserved; the call finishes with
  // `status` once they are all written (or CANCELLED if it was cancelled).
  void EndInputLocked(grpc::Status status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (input_ended_) return;
    input_ended_ = true;
    final_status_ = std::move(status);
  }

  // Writes, reads and finishes as the state allows.
  void PumpLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    if (!writing_) {
      if (cancelled_) {
        sequencer_.DiscardReady();
      } else if (sequencer_.PopReady(&write_buffer_)) {
        writing_ = true;
        write_started_ = absl::Now();
        EncodeResponse(*write_buffer_, &write_bytes_);
        write_buffer_.Reset();
        // No buffer hint: a buffered write may not complete until a later
        // write flushes it, and the next write waits for this one.
        this->StartWrite(&write_bytes_);
      }
    }
    MaybeReadLocked();
    if (input_ended_ && !writing_ && sequencer_.outstanding() == 0) {
      finished_ = true;
      this->Finish(cancelled_ ? grpc::Status(grpc::StatusCode::CANCELLED, "the call was cancelled")
                              : final_status_);
    }
  }

  // Whether the call was cancelled; readable without mu_ (workers check it
  // to skip work nobody will read).
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  absl::Mutex mu_;
  // Set under mu_; read anywhere.
  std::atomic<bool> cancelled_{false};
  bool input_ended_ ABSL_GUARDED_BY(mu_) = false;

 private:
  std::shared_ptr<ResponseStreamReactor> self_;
  ResponseSequencer sequencer_ ABSL_GUARDED_BY(mu_);
  const size_t window_;
  // The next response, freed once encoded into write_bytes_.
  ArenaResponse write_buffer_ ABSL_GUARDED_BY(mu_);
  // The response being written, kept until the next write replaces it.
  grpc::ByteBuffer write_bytes_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time write_started_ ABSL_GUARDED_BY(mu_);
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status final_status_ ABSL_GUARDED_BY(mu_);
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_RESPONSE_STREAM_REACTOR_H_
