// DocumentStreamReactor: one StreamParseResolutions call.
//
// Reads requests while fewer than `window` documents are in flight (queued or
// being parsed on the worker pool, or parsed and not yet written), parses
// each on the pool and writes responses in completion order, each with its
// request's `document_id` and its own status.
//
// Drain (server shutdown): the stream stops reading, answers every document
// it has read, and finishes with UNAVAILABLE saying how many documents it
// answered, so that the client resends the others (to another replica).
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_DOCUMENT_STREAM_REACTOR_H_
#define RESOLUTE_SERVICE_DOCUMENT_STREAM_REACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "resolute/v1/resolute_service.pb.h"
#include "service/document_parser.h"
#include "service/response_stream_reactor.h"
#include "service/stream_log.h"
#include "service/stream_tracker.h"
#include "service/worker_pool.h"

namespace resolute {
namespace service {

class DocumentStreamReactor final : public ResponseStreamReactor<v1::ParseResolutionRequest>,
                                    public Drainable {
 public:
  // `parser` and `pool` must outlive the call.
  DocumentStreamReactor(const DocumentParser* parser, WorkerPool* pool, size_t window,
                        StreamLog log, std::shared_ptr<StreamTracker> tracker);
  ~DocumentStreamReactor() override;

  void OnReadDone(bool ok) override;
  void Drain() override;

 private:
  void Begin() override;
  void MaybeReadLocked() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ParseOne(uint64_t ticket, const v1::ParseResolutionRequest& request);

  const DocumentParser* const parser_;
  WorkerPool* const pool_;
  const StreamLog log_;
  const std::shared_ptr<StreamTracker> tracker_;
  uint64_t tracker_id_ = 0;
  bool tracked_ = false;
  v1::ParseResolutionRequest read_buffer_ ABSL_GUARDED_BY(mu_);
  bool reading_ ABSL_GUARDED_BY(mu_) = false;
  // Documents read (each is answered unless the call is cancelled).
  uint64_t received_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_DOCUMENT_STREAM_REACTOR_H_
