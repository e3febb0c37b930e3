// ResolutionParserService: the resolute.v1.ResolutionParserService gRPC service.
//
//   ResolutionParserService service(ServiceOptions{});
//   grpc::ServerBuilder builder;
//   builder.RegisterService(&service);
//
// Every call parses on one shared worker pool of `worker_threads` threads, so
// that is the bound on concurrent parsing across unary calls and streams.
// Unary errors are the call's status; stream errors are per document (see
// resolute_service.proto). Cancellations and deadlines stop a call's work
// promptly: queued documents of a cancelled call are skipped, and a unary
// call whose deadline passed before a worker took it is not parsed.
//
// ParseResolution and StreamParseResolutions use gRPC's asynchronous API: the
// pool's threads poll the server's completion queue, and the thread that
// receives a unary call or a stream's document parses it and starts the reply
// (service/unary_parse_call.h, service/document_stream_call.h). ParseArchive
// uses the callback API and hands its entries to the same pool as tasks. No
// thread is held per call, except one per ParseArchive call for libarchive's
// blocking reads (at most `max_concurrent_archives`).
//
// Life cycle, as ResoluteServer drives it:
//   ResolutionParserService service(options);
//   grpc::ServerBuilder builder;
//   service.RegisterWith(&builder);        // instead of RegisterService
//   auto server = builder.BuildAndStart();
//   service.StartServing();                // unary calls and streams accepted
//   ...
//   service.StartDrain();                  // at shutdown, then
//   server->Shutdown(deadline);
//   service.StopWorkers();                 // before the server is destroyed
//
// StartDrain (at server shutdown) makes every document stream stop reading,
// answer what it has read and finish with UNAVAILABLE; unary calls and
// archives run to their end.

#ifndef RESOLUTE_SERVICE_RESOLUTION_PARSER_SERVICE_H_
#define RESOLUTE_SERVICE_RESOLUTION_PARSER_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>

#include "absl/time/time.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/archive_reader.h"
#include "service/document_parser.h"
#include "service/json_log.h"
#include "service/memory_budget.h"
#include "service/service_metrics.h"
#include "service/stream_tracker.h"
#include "service/unary_parse_call.h"
#include "service/worker_pool.h"

namespace resolute {
namespace service {

// Options of ResolutionParserService.
struct ServiceOptions {
  // Limits and the parser to call.
  DocumentParserOptions parser;
  // Memory that parses may hold at once across the server (see
  // service/memory_budget.h); 0 or less means no budget. Overrides
  // `parser.memory_budget`.
  int64_t memory_budget_bytes = 0;
  // Limits on what one ParseArchive call may expand to.
  ArchiveLimits archive_limits;
  // Threads that parse; 0 means one per CPU.
  int worker_threads = 0;
  // Documents one stream may have in flight (queued, parsing or unwritten);
  // 0 means four per worker thread, at least 8.
  int stream_window = 0;
  // ParseArchive calls served at once (each holds a thread for libarchive);
  // more are refused with UNAVAILABLE, which clients retry.
  int max_concurrent_archives = 32;
  // A ParseArchive call that sends no chunk for this long, while the server
  // waits for one, ends with DEADLINE_EXCEEDED (reason ARCHIVE_IDLE_TIMEOUT),
  // freeing its slot among `max_concurrent_archives`.
  absl::Duration archive_idle_timeout = absl::Seconds(30);
  // Where documents are counted; null for nowhere. Overrides
  // `parser.metrics`. Must outlive the service.
  ServiceMetrics* metrics = nullptr;
  // Where streams log each document (at debug, failures at warning); null
  // for nowhere. Must outlive the service.
  Logger* logger = nullptr;
};

class ResolutionParserService final : public ParserServiceBase {
 public:
  explicit ResolutionParserService(ServiceOptions options);
  // The server must be shut down first. Stops the workers if StopWorkers
  // was not called.
  ~ResolutionParserService() override;

  // Registers the service with `builder` and starts the worker pool on a
  // completion queue of the server being built. Call once, before
  // BuildAndStart.
  void RegisterWith(grpc::ServerBuilder* builder);

  // Starts accepting unary calls and document streams. Call once the server
  // is started.
  void StartServing();

  // Stops the worker pool once what is queued has run. Call after the
  // server's Shutdown has returned (gRPC's rule for completion queues).
  void StopWorkers();

  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ParseArchive(
      grpc::CallbackServerContext* context) override;

  // Ends the input of every document stream, current and future: each
  // answers the documents it has read and finishes with UNAVAILABLE.
  void StartDrain();

  // The number of parsing threads.
  int worker_threads() const { return worker_threads_; }
  // Documents one stream may have in flight.
  int stream_window() const { return stream_window_; }

 private:
  const ServiceOptions options_;
  // Null without a budget; before parser_, which points to it.
  const std::unique_ptr<MemoryBudget> memory_budget_;
  const DocumentParser parser_;
  const int worker_threads_;
  // Created by RegisterWith, on the server's completion queue.
  std::unique_ptr<WorkerPool> pool_;
  const int stream_window_;
  // ParseArchive calls in progress; shared with their reactors.
  std::shared_ptr<std::atomic<int>> archives_in_progress_;
  // Shared with the document streams, which may outlive the service's
  // destructor by the work still queued on the pool.
  std::shared_ptr<StreamTracker> streams_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_RESOLUTION_PARSER_SERVICE_H_
