#include "service/unary_parse_call.h"

#include <chrono>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "service/allocator_settings.h"
#include "service/arena_messages.h"
#include "service/request_codec.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

UnaryParseCall::UnaryParseCall(ParserServiceBase* service,
                               const DocumentParser* parser, WorkerPool* pool)
    : service_(service),
      parser_(parser),
      pool_(pool),
      arena_(DocumentArenaOptions()),
      request_(google::protobuf::Arena::CreateMessage<v1::ParseResolutionRequest>(&arena_)),
      response_(google::protobuf::Arena::CreateMessage<v1::ParseResolutionResponse>(&arena_)),
      responder_(&context_) {}

void UnaryParseCall::Accept(ParserServiceBase* service,
                            const DocumentParser* parser, WorkerPool* pool) {
  auto* call = new UnaryParseCall(service, parser, pool);
  // The pool's queue is the server's ServerCompletionQueue (see Accept's
  // contract), the one queue both for the new call and for its events.
  auto* queue = static_cast<grpc::ServerCompletionQueue*>(pool->queue());
  // Delivered once the call is received, when it ends or is cancelled.
  call->context_.AsyncNotifyWhenDone(&call->done_);
  const bool started = pool->StartOperation([&] {
    service->RequestParseResolution(&call->context_, &call->request_bytes_, &call->responder_,
                                    queue, queue, call);
  });
  if (!started) delete call;  // The server has stopped.
}

void UnaryParseCall::Proceed(bool ok) {
  if (!replying_ && !ok) {
    Release(2);  // Never received: no done notification either.
    return;
  }
  if (replying_) {
    Release(1);
    return;
  }
  Accept(service_, parser_, pool_);
  ParseAndReply();
}

void UnaryParseCall::Done::Proceed(bool) {
  if (call_->context_.IsCancelled()) call_->cancelled_.store(true, std::memory_order_relaxed);
  call_->Release(1);
}

void UnaryParseCall::Release(int tags) {
  if (pending_tags_.fetch_sub(tags, std::memory_order_acq_rel) != tags) return;
  const size_t document_bytes = document_bytes_;
  delete this;
  ReturnMemoryAfterDocument(document_bytes);
}

void UnaryParseCall::ParseAndReply() {
  replying_ = true;
  // A call whose deadline passed while it waited is not worth parsing: gRPC
  // has already told the client DEADLINE_EXCEEDED.
  absl::Status status =
      context_.deadline() <= std::chrono::system_clock::now()
          ? absl::DeadlineExceededError("the deadline passed before parsing")
          : DecodeRequest(&request_bytes_, 0, "ParseResolutionRequest", request_);
  if (status.ok()) {
    CallControl call;
    call.deadline = absl::FromChrono(context_.deadline());
    call.cancelled = [this] { return cancelled_.load(std::memory_order_relaxed); };
    call.keep_memory = &memory_lease_;
    document_bytes_ = request_->content().size();
    status = parser_->Parse(*request_, response_->mutable_resolution(),
                            response_->mutable_akoma_ntoso_xml(), call);
  }
  // The content is not needed past the parse: freed before the response is
  // serialized, which is when a call's memory peaks (bench/peak_memory.cc).
  std::string().swap(*request_->mutable_content());
  if (status.ok()) {
    response_->set_document_id(request_->document_id());
    response_->mutable_status();  // OK: code 0, no message.
    EncodeResponse(*response_, &response_bytes_);
  }
  // The messages are not needed once serialized: freed now rather than when
  // the reply has been sent (a large document's model is twice its size,
  // outside the memory budget once the parse has ended).
  request_ = nullptr;
  response_ = nullptr;
  arena_.Reset();
  // The parse's share of the memory budget covered the serialization (the
  // peak); released now, not when the reply is sent: that completes on a
  // worker, and workers waiting for memory must not wait for each other.
  memory_lease_ = MemoryBudget::Lease();
  const bool started = pool_->StartOperation([&] {
    if (status.ok()) {
      responder_.Finish(response_bytes_, grpc::Status::OK, this);
    } else {
      responder_.FinishWithError(ToGrpcStatus(status), this);
    }
  });
  if (!started) Release(1);  // The server has stopped: no reply will complete.
}

}  // namespace service
}  // namespace resolute
