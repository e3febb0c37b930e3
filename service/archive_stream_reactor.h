// ArchiveStreamReactor: one ParseArchive call.
//
// gRPC reads chunks into a buffer of at most two; a dedicated thread pulls
// them through ArchiveReader (libarchive), reserves a response per entry
// while the window has room, and hands each text entry to the worker pool.
// Responses are written in archive order. A corrupt archive or an exceeded
// limit ends the call (after the responses already produced) with
// INVALID_ARGUMENT or RESOURCE_EXHAUSTED; a bad entry only gets an error
// response. The first message must be the header, every later one data: a
// call that breaks this order ends with INVALID_ARGUMENT (reason
// ARCHIVE_HEADER_MISSING or ARCHIVE_HEADER_REPEATED, field `header`), as does
// a message that is not a ParseArchiveRequest (REQUEST_MALFORMED). The
// header's `source_variant`, `language`, `omit_text` and `output_formats`
// apply to every entry; an unsupported language ends the call at once with
// INVALID_ARGUMENT.
//
// Every entry but a directory is answered (ArchiveReader), each response with
// `request_index`, the entry's zero-based position in the archive. A client
// that sends no chunk for `idle_timeout` while the call waits for one ends
// the call (after the responses already produced) with DEADLINE_EXCEEDED,
// reason ARCHIVE_IDLE_TIMEOUT, freeing its archive slot. A client that stops
// reading responses (a write pending for `idle_timeout` while the window is
// full) has its call cancelled, which frees the slot too. Each entry's parse
// stops at the call's deadline or once the call is cancelled.
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_ARCHIVE_STREAM_REACTOR_H_
#define RESOLUTE_SERVICE_ARCHIVE_STREAM_REACTOR_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/archive_reader.h"
#include "service/document_parser.h"
#include "service/response_stream_reactor.h"
#include "service/service_metrics.h"
#include "service/stream_log.h"
#include "service/worker_pool.h"

namespace resolute {
namespace service {

class ArchiveStreamReactor final : public ResponseStreamReactor {
 public:
  // `parser`, `pool` and `metrics` (may be null) must outlive the call;
  // `in_progress` counts the archive calls alive and is decremented when
  // this one is destroyed.
  ArchiveStreamReactor(const DocumentParser* parser, WorkerPool* pool, size_t window,
                       ArchiveLimits limits, absl::Duration idle_timeout,
                       std::shared_ptr<std::atomic<int>> in_progress, StreamLog log,
                       ServiceMetrics* metrics, grpc::CallbackServerContext* context = nullptr);
  ~ArchiveStreamReactor() override;

  void OnReadDone(bool ok) override;

 private:
  void Begin() override;
  void MaybeReadLocked() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The archive thread: reads entries until the end, an error or a cancel.
  void ReadArchive();
  // ArchiveReader's chunk source; blocks until a chunk, the end or a cancel.
  absl::StatusOr<absl::string_view> NextChunk();
  // Parses the entry at `index` of the archive and delivers its response.
  void ParseOne(uint64_t ticket, int64_t index, const v1::ParseResolutionRequest& request);
  bool ChunkOrEndLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool RoomOrCancelLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const DocumentParser* const parser_;
  WorkerPool* const pool_;
  const ArchiveLimits limits_;
  const absl::Duration idle_timeout_;
  const std::shared_ptr<std::atomic<int>> in_progress_;
  const StreamLog log_;
  ServiceMetrics* const metrics_;
  // The call's context (null in tests without one): its deadline reaches
  // every entry's parse, and a response write stalled for `idle_timeout_`
  // cancels the call through it.
  grpc::CallbackServerContext* const context_;
  const absl::Time deadline_;
  // Takes one decoded message of the call: the header (first) or data.
  void TakeMessageLocked(v1::ParseArchiveRequest* message) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // The message being read, as received.
  grpc::ByteBuffer read_buffer_ ABSL_GUARDED_BY(mu_);
  bool reading_ ABSL_GUARDED_BY(mu_) = false;
  bool reads_ended_ ABSL_GUARDED_BY(mu_) = false;
  // Messages received so far.
  int64_t messages_read_ ABSL_GUARDED_BY(mu_) = 0;
  std::string archive_name_ ABSL_GUARDED_BY(mu_);
  // The header's hints, for every entry (a request template without id or
  // content).
  v1::ParseResolutionRequest hints_ ABSL_GUARDED_BY(mu_);
  // Set if the call's messages are unusable (malformed, the header missing
  // or repeated, its hints unsupported): ends the archive.
  absl::Status input_status_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> chunks_ ABSL_GUARDED_BY(mu_);
  // The chunk ArchiveReader is reading; owned by the archive thread.
  std::string current_chunk_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_ARCHIVE_STREAM_REACTOR_H_
