// DocumentStreamReactor: one StreamParseResolutions call.
//
// Reads requests while fewer than `window` documents are in flight (queued or
// being parsed on the worker pool, or parsed and not yet written), parses
// each on the pool and writes responses in completion order, each with its
// request's `document_id` and its own status.
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_DOCUMENT_STREAM_REACTOR_H_
#define RESOLUTE_SERVICE_DOCUMENT_STREAM_REACTOR_H_

#include <cstddef>
#include <cstdint>

#include "resolute/v1/resolute_service.pb.h"
#include "service/document_parser.h"
#include "service/response_stream_reactor.h"
#include "service/worker_pool.h"

namespace resolute {
namespace service {

class DocumentStreamReactor final : public ResponseStreamReactor<v1::ParseResolutionRequest> {
 public:
  // `parser` and `pool` must outlive the call.
  DocumentStreamReactor(const DocumentParser* parser, WorkerPool* pool, size_t window);

  void OnReadDone(bool ok) override;

 private:
  void Begin() override;
  void MaybeReadLocked() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ParseOne(uint64_t ticket, const v1::ParseResolutionRequest& request);

  const DocumentParser* const parser_;
  WorkerPool* const pool_;
  v1::ParseResolutionRequest read_buffer_ ABSL_GUARDED_BY(mu_);
  bool reading_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_DOCUMENT_STREAM_REACTOR_H_
