// DocumentStreamCall: one StreamParseResolutions call on gRPC's asynchronous
// API.
//
// The call's events arrive on the worker pool's completion queue. The worker
// that receives a document starts the next read (while fewer than `window`
// documents are in flight: read and not yet written), parses the document
// itself and writes the responses in completion order, each with its
// request's `document_id` and its own status. A document is read, parsed and
// written without passing between threads (on the callback API each document
// crossed from gRPC's threads to a worker and back, at a cost measured in
// bench/HISTORY.md).
//
//   DocumentStreamCall::Accept(&service, &parser, &pool, window, logger, tracker);
//
// Each call, once received, accepts the next one.
//
// Every response carries `request_index`, the zero-based position of its
// request in the stream. Requests arrive as raw bytes and are decoded here
// (service/request_codec.h): a message that cannot be decoded ends the
// input; the documents before it are answered and the call finishes with
// INVALID_ARGUMENT (reason REQUEST_MALFORMED, metadata `message_index`),
// never OK with later documents dropped.
//
// Drain (server shutdown): the stream stops reading, answers every document
// it has read, and finishes with UNAVAILABLE saying how many documents it
// answered, so that the client resends the others (to another replica).
// Cancellation (client cancel, deadline, broken connection, failed write):
// nothing more is written, queued work is skipped, and the call ends once
// the work in flight has drained.
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_DOCUMENT_STREAM_CALL_H_
#define RESOLUTE_SERVICE_DOCUMENT_STREAM_CALL_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/arena_messages.h"
#include "service/document_parser.h"
#include "service/json_log.h"
#include "service/response_sequencer.h"
#include "service/stream_log.h"
#include "service/stream_tracker.h"
#include "service/unary_parse_call.h"
#include "service/worker_pool.h"

namespace resolute {
namespace service {

class DocumentStreamCall final : public Drainable,
                                 public std::enable_shared_from_this<DocumentStreamCall> {
 public:
  // Asks gRPC for one more StreamParseResolutions call of `service`, parsed by
  // `parser` on `pool` (whose queue must be a ServerCompletionQueue of the
  // server `service` is registered with) with at most `window` documents in
  // flight, logged to `logger` (null: not logged) and tracked by `tracker`
  // for drains. `service`, `parser`, `pool` and `logger` must outlive it.
  static void Accept(ParserServiceBase* service, const DocumentParser* parser, WorkerPool* pool,
                     size_t window, Logger* logger, std::shared_ptr<StreamTracker> tracker);

  // Use Accept; public for std::make_shared.
  DocumentStreamCall(ParserServiceBase* service, const DocumentParser* parser, WorkerPool* pool,
                     size_t window, Logger* logger, std::shared_ptr<StreamTracker> tracker);
  ~DocumentStreamCall() override;

  void Drain() override ABSL_LOCKS_EXCLUDED(mu_);

 private:
  // The tag of one kind of operation; delivers its events to `on`.
  class Operation final : public WorkerPool::Event {
   public:
    Operation(DocumentStreamCall* call, void (DocumentStreamCall::*on)(bool))
        : call_(call), on_(on) {}
    void Proceed(bool ok) override;

   private:
    DocumentStreamCall* const call_;
    void (DocumentStreamCall::*const on_)(bool);
  };

  void OnAccepted(bool ok) ABSL_LOCKS_EXCLUDED(mu_);
  void OnReadDone(bool ok) ABSL_LOCKS_EXCLUDED(mu_);
  void OnWriteDone(bool ok) ABSL_LOCKS_EXCLUDED(mu_);
  void OnFinished(bool ok) ABSL_LOCKS_EXCLUDED(mu_);
  void OnDone(bool ok) ABSL_LOCKS_EXCLUDED(mu_);

  // Records that no more documents will be read; the call finishes with
  // `status` once the documents read are written (CANCELLED if cancelled).
  void EndInputLocked(grpc::Status status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Writes, reads and finishes as the state allows.
  void PumpLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Once gRPC holds none of the call's tags, hands over the call's hold on
  // itself, for the caller to drop after unlocking mu_; null otherwise.
  std::shared_ptr<DocumentStreamCall> ReleaseIfIdleLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  ParserServiceBase* const service_;
  const DocumentParser* const parser_;
  WorkerPool* const pool_;
  const size_t window_;
  Logger* const logger_;
  const std::shared_ptr<StreamTracker> tracker_;
  uint64_t tracker_id_ = 0;
  bool tracked_ = false;
  StreamLog log_;  // Set once the call is accepted.

  grpc::ServerContext context_;
  grpc::ServerAsyncReaderWriter<grpc::ByteBuffer, grpc::ByteBuffer> stream_;
  Operation accepted_{this, &DocumentStreamCall::OnAccepted};
  Operation read_done_{this, &DocumentStreamCall::OnReadDone};
  Operation write_done_{this, &DocumentStreamCall::OnWriteDone};
  Operation finished_{this, &DocumentStreamCall::OnFinished};
  Operation done_{this, &DocumentStreamCall::OnDone};

  absl::Mutex mu_;
  // The call's hold on itself while gRPC holds its tags.
  std::shared_ptr<DocumentStreamCall> self_ ABSL_GUARDED_BY(mu_);
  ResponseSequencer sequencer_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer read_buffer_ ABSL_GUARDED_BY(mu_);
  // The next response to write, then its bytes being written.
  ArenaResponse write_buffer_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer write_bytes_ ABSL_GUARDED_BY(mu_);
  bool reading_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool input_ended_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  // Set with cancelled_ when the client cancelled or went away; read by the
  // parses in flight (CallControl) without mu_.
  std::atomic<bool> parse_cancelled_{false};
  bool finishing_ ABSL_GUARDED_BY(mu_) = false;
  bool finish_done_ ABSL_GUARDED_BY(mu_) = false;
  // Whether gRPC will still deliver the done notification.
  bool awaiting_done_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status final_status_ ABSL_GUARDED_BY(mu_);
  // Documents read (each is answered unless the call is cancelled).
  uint64_t received_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_DOCUMENT_STREAM_CALL_H_
