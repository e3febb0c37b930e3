#include "service/document_stream_reactor.h"

#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

DocumentStreamReactor::DocumentStreamReactor(const DocumentParser* parser, WorkerPool* pool,
                                             size_t window, StreamLog log,
                                             std::shared_ptr<StreamTracker> tracker)
    : ResponseStreamReactor(ResponseSequencer::Order::kCompletion, window),
      parser_(parser),
      pool_(pool),
      log_(std::move(log)),
      tracker_(std::move(tracker)) {}

DocumentStreamReactor::~DocumentStreamReactor() {
  if (tracked_) tracker_->Remove(tracker_id_);
}

void DocumentStreamReactor::Begin() {
  {
    absl::MutexLock lock(&mu_);
    PumpLocked();
  }
  // Outside mu_: Add drains the stream at once if the server is shutting down.
  tracker_id_ = tracker_->Add(std::static_pointer_cast<DocumentStreamReactor>(shared_from_this()));
  tracked_ = true;
}

void DocumentStreamReactor::Drain() {
  absl::MutexLock lock(&mu_);
  if (input_ended_) return;
  // Ends the input even with a read outstanding: the call finishes once the
  // documents read are answered, and a document that arrives meanwhile is
  // dropped unread (the client resends it, having no answer for it).
  EndInputLocked(grpc::Status(
      grpc::StatusCode::UNAVAILABLE,
      absl::StrCat("the server is shutting down; the ", received_,
                   " documents received on this stream were answered: send the others again")));
  PumpLocked();
}

void DocumentStreamReactor::MaybeReadLocked() {
  if (reading_ || input_ended_) return;
  if (cancelled()) {
    EndInputLocked(grpc::Status(grpc::StatusCode::CANCELLED, "the call was cancelled"));
    return;
  }
  if (!HasRoomLocked()) return;  // Resumed when a response has been written.
  reading_ = true;
  StartRead(&read_buffer_);
}

void DocumentStreamReactor::OnReadDone(bool ok) {
  absl::MutexLock lock(&mu_);
  reading_ = false;
  if (!ok) {
    // The client half-closed (or the call broke, and OnCancel follows).
    EndInputLocked(grpc::Status::OK);
  } else if (input_ended_) {
    // Read after a drain ended the input: not taken (see Drain).
    read_buffer_.Clear();
  } else {
    ++received_;
    const uint64_t ticket = ReserveLocked();
    auto self = std::static_pointer_cast<DocumentStreamReactor>(shared_from_this());
    pool_->Submit(
        [self, ticket, request = std::move(read_buffer_)]() { self->ParseOne(ticket, request); });
    read_buffer_.Clear();
  }
  PumpLocked();
}

void DocumentStreamReactor::ParseOne(uint64_t ticket, const v1::ParseResolutionRequest& request) {
  Deliver(ticket, ParseStreamDocument(*parser_, log_, request, cancelled()));
}

}  // namespace service
}  // namespace resolute
