#include "service/document_stream_reactor.h"

#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

DocumentStreamReactor::DocumentStreamReactor(const DocumentParser* parser, WorkerPool* pool,
                                             size_t window)
    : ResponseStreamReactor(ResponseSequencer::Order::kCompletion, window),
      parser_(parser),
      pool_(pool) {}

void DocumentStreamReactor::Begin() {
  absl::MutexLock lock(&mu_);
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
  } else {
    const uint64_t ticket = ReserveLocked();
    auto self = std::static_pointer_cast<DocumentStreamReactor>(shared_from_this());
    pool_->Submit(
        [self, ticket, request = std::move(read_buffer_)]() { self->ParseOne(ticket, request); });
    read_buffer_.Clear();
  }
  PumpLocked();
}

void DocumentStreamReactor::ParseOne(uint64_t ticket, const v1::ParseResolutionRequest& request) {
  v1::ParseResolutionResponse response;
  if (cancelled()) {
    // Nobody will read it: skip the work, just account for the ticket.
    response.set_document_id(request.document_id());
    *response.mutable_status() = ToDocumentStatus(absl::CancelledError("the call was cancelled"));
  } else {
    parser_->ParseToResponse(request, &response);
  }
  Deliver(ticket, std::move(response));
}

}  // namespace service
}  // namespace resolute
