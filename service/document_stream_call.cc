#include "service/document_stream_call.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/error_reason.h"
#include "service/allocator_settings.h"
#include "service/request_codec.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

void DocumentStreamCall::Operation::Proceed(bool ok) { (call_->*on_)(ok); }

DocumentStreamCall::DocumentStreamCall(ParserServiceBase* service, const DocumentParser* parser,
                                       WorkerPool* pool, size_t window, Logger* logger,
                                       std::shared_ptr<StreamTracker> tracker)
    : service_(service),
      parser_(parser),
      pool_(pool),
      window_(window < 1 ? 1 : window),
      logger_(logger),
      tracker_(std::move(tracker)),
      stream_(&context_),
      sequencer_(ResponseSequencer::Order::kCompletion) {}

DocumentStreamCall::~DocumentStreamCall() {
  if (tracked_) tracker_->Remove(tracker_id_);
}

void DocumentStreamCall::Accept(ParserServiceBase* service, const DocumentParser* parser,
                                WorkerPool* pool, size_t window, Logger* logger,
                                std::shared_ptr<StreamTracker> tracker) {
  auto call = std::make_shared<DocumentStreamCall>(service, parser, pool, window, logger,
                                                   std::move(tracker));
  DocumentStreamCall* raw = call.get();
  {
    absl::MutexLock lock(&raw->mu_);
    raw->self_ = std::move(call);
    // Delivered once the call is received, whenever it ends.
    raw->awaiting_done_ = true;
  }
  raw->context_.AsyncNotifyWhenDone(&raw->done_);
  // The pool's queue is the server's ServerCompletionQueue (see Accept's
  // contract), the one queue both for the new call and for its events.
  auto* queue = static_cast<grpc::ServerCompletionQueue*>(pool->queue());
  const bool started = pool->StartOperation([&] {
    service->RequestStreamParseResolutions(&raw->context_, &raw->stream_, queue, queue,
                                           &raw->accepted_);
  });
  if (!started) raw->OnAccepted(false);  // The server has stopped.
}

void DocumentStreamCall::OnAccepted(bool ok) {
  if (!ok) {
    // The server is shutting down before a call came: no other event follows.
    std::shared_ptr<DocumentStreamCall> last;
    absl::MutexLock lock(&mu_);
    awaiting_done_ = false;
    last = std::move(self_);
    return;  // `last` outlives the lock (declared first).
  }
  Accept(service_, parser_, pool_, window_, logger_, tracker_);
  log_ = MakeStreamLog(logger_, context_, "StreamParseResolutions");
  // Outside mu_: Add drains the stream at once if the server is shutting down.
  tracker_id_ = tracker_->Add(weak_from_this());
  tracked_ = true;
  absl::MutexLock lock(&mu_);
  PumpLocked();
}

void DocumentStreamCall::Drain() {
  absl::MutexLock lock(&mu_);
  if (input_ended_) return;
  // Ends the input even with a read outstanding: the call finishes once the
  // documents read are answered, and a document that arrives meanwhile is
  // dropped unread (the client resends it, having no answer for it).
  EndInputLocked(ToGrpcStatus(WithErrorReason(
      absl::UnavailableError(absl::StrCat(
          "the server is shutting down; the ", received_,
          " documents received on this stream were answered: send the others again")),
      "SERVER_SHUTTING_DOWN", "", {{"documents_answered", absl::StrCat(received_)}})));
  PumpLocked();
}

void DocumentStreamCall::OnReadDone(bool ok) {
  std::shared_ptr<DocumentStreamCall> last;
  absl::MutexLock lock(&mu_);
  reading_ = false;
  if (!ok) {
    // The client half-closed (or the call broke, and OnDone says so).
    EndInputLocked(grpc::Status::OK);
  } else if (input_ended_) {
    // Read after a drain ended the input: not taken (see Drain).
    read_buffer_.Clear();
  } else {
    const uint64_t index = received_;
    v1::ParseResolutionRequest request;
    absl::Status decoded = DecodeRequest(&read_buffer_, static_cast<int64_t>(index),
                                          "StreamParseResolutionsRequest", &request);
    if (!decoded.ok()) {
      // Not the end of the stream: the documents after it would be lost.
      EndInputLocked(ToGrpcStatus(decoded));
    } else {
      ++received_;
      const uint64_t ticket = sequencer_.Reserve();
      const bool cancelled = cancelled_;
      // Reads the next document first, so that another worker can parse it.
      PumpLocked();
      mu_.Unlock();
      CallControl call;
      call.deadline = absl::FromChrono(context_.deadline());
      call.cancelled = [this] { return parse_cancelled_.load(std::memory_order_relaxed); };
      ArenaResponse response = ParseStreamDocument(*parser_, log_, request, cancelled, call);
      response->set_request_index(static_cast<int64_t>(index));
      mu_.Lock();
      sequencer_.Complete(ticket, std::move(response));
    }
  }
  PumpLocked();
  last = ReleaseIfIdleLocked();
}

void DocumentStreamCall::OnWriteDone(bool ok) {
  std::shared_ptr<DocumentStreamCall> last;
  absl::MutexLock lock(&mu_);
  writing_ = false;
  const size_t written = write_bytes_.Length();
  write_bytes_.Clear();
  if (!ok) {
    cancelled_ = true;  // The client is gone.
    parse_cancelled_.store(true, std::memory_order_relaxed);
  }
  // The response's last copy is gone (its request and model were freed
  // before it was written).
  if (written >= kReturnMemoryAfterDocumentBytes) {
    mu_.Unlock();
    ReturnMemoryAfterDocument(written);
    mu_.Lock();
  }
  PumpLocked();
  last = ReleaseIfIdleLocked();
}

void DocumentStreamCall::OnFinished(bool) {
  std::shared_ptr<DocumentStreamCall> last;
  absl::MutexLock lock(&mu_);
  finish_done_ = true;
  last = ReleaseIfIdleLocked();
}

void DocumentStreamCall::OnDone(bool) {
  std::shared_ptr<DocumentStreamCall> last;
  absl::MutexLock lock(&mu_);
  awaiting_done_ = false;
  if (context_.IsCancelled()) {
    cancelled_ = true;
    parse_cancelled_.store(true, std::memory_order_relaxed);
  }
  PumpLocked();
  last = ReleaseIfIdleLocked();
}

void DocumentStreamCall::EndInputLocked(grpc::Status status) {
  if (input_ended_) return;
  input_ended_ = true;
  final_status_ = std::move(status);
}

void DocumentStreamCall::PumpLocked() {
  if (finishing_) return;
  if (!writing_) {
    if (cancelled_) {
      sequencer_.DiscardReady();
    } else if (sequencer_.PopReady(&write_buffer_)) {
      EncodeResponse(*write_buffer_, &write_bytes_);
      write_buffer_.Reset();
      writing_ = pool_->StartOperation([&] { stream_.Write(write_bytes_, &write_done_); });
      // Not written: the workers have stopped, the server with them.
      if (!writing_) cancelled_ = true;
    }
  }
  if (!reading_ && !input_ended_) {
    if (cancelled_) {
      EndInputLocked(grpc::Status(grpc::StatusCode::CANCELLED, "the call was cancelled"));
    } else if (sequencer_.outstanding() + (writing_ ? 1 : 0) < window_) {
      // Otherwise resumed when a response has been written: the client is
      // then held back by gRPC flow control, not by a queue here.
      reading_ = pool_->StartOperation([&] { stream_.Read(&read_buffer_, &read_done_); });
      if (!reading_) {
        cancelled_ = true;
        EndInputLocked(grpc::Status(grpc::StatusCode::CANCELLED, "the server has stopped"));
      }
    }
  }
  if (input_ended_ && !writing_ && sequencer_.outstanding() == 0) {
    finishing_ = true;
    const grpc::Status status =
        cancelled_ ? grpc::Status(grpc::StatusCode::CANCELLED, "the call was cancelled")
                   : final_status_;
    // Not started: the server has stopped; nothing will complete.
    if (!pool_->StartOperation([&] { stream_.Finish(status, &finished_); })) finish_done_ = true;
  }
}

std::shared_ptr<DocumentStreamCall> DocumentStreamCall::ReleaseIfIdleLocked() {
  if (finish_done_ && !awaiting_done_ && !reading_ && !writing_) return std::move(self_);
  return nullptr;
}

}  // namespace service
}  // namespace resolute
