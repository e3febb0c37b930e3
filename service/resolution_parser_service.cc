#include "service/resolution_parser_service.h"

#include <algorithm>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/error_reason.h"
#include "service/archive_stream_reactor.h"
#include "service/document_stream_call.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {
namespace {

// Ends a (raw) call at once with `status`.
class RefusingReactor final : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit RefusingReactor(grpc::Status status) { this->Finish(std::move(status)); }
  void OnDone() override { delete this; }
};

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

DocumentParserOptions ParserOptions(const ServiceOptions& options, MemoryBudget* budget) {
  DocumentParserOptions parser = options.parser;
  parser.metrics = options.metrics;
  parser.memory_budget = budget;
  return parser;
}

}  // namespace

ResolutionParserService::ResolutionParserService(ServiceOptions options)
    : options_(std::move(options)),
      memory_budget_(options_.memory_budget_bytes > 0
                         ? std::make_unique<MemoryBudget>(options_.memory_budget_bytes)
                         : nullptr),
      parser_(ParserOptions(options_, memory_budget_.get())),
      worker_threads_(ResolveThreads(options_.worker_threads)),
      stream_window_(options_.stream_window > 0 ? options_.stream_window
                                                : std::max(8, 4 * worker_threads_)),
      archives_in_progress_(std::make_shared<std::atomic<int>>(0)),
      streams_(std::make_shared<StreamTracker>()) {}

ResolutionParserService::~ResolutionParserService() { StopWorkers(); }

void ResolutionParserService::RegisterWith(grpc::ServerBuilder* builder) {
  builder->RegisterService(this);
  pool_ = std::make_unique<WorkerPool>(worker_threads_, builder->AddCompletionQueue());
}

void ResolutionParserService::StartServing() {
  // One call awaited per worker: each received call awaits the next one.
  for (int i = 0; i < pool_->size(); ++i) UnaryParseCall::Accept(this, &parser_, pool_.get());
  // Each received stream awaits the next one.
  DocumentStreamCall::Accept(this, &parser_, pool_.get(), stream_window_, options_.logger,
                             streams_);
}

void ResolutionParserService::StopWorkers() {
  if (pool_ != nullptr) pool_->Stop();
}

void ResolutionParserService::StartDrain() { streams_->DrainAll(); }

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
ResolutionParserService::ParseArchive(grpc::CallbackServerContext* context) {
  if (archives_in_progress_->fetch_add(1) >= options_.max_concurrent_archives) {
    archives_in_progress_->fetch_sub(1);
    return new RefusingReactor(
        ToGrpcStatus(WithErrorReason(
            absl::UnavailableError(absl::StrCat("the server is busy with ",
                                                options_.max_concurrent_archives,
                                                " archives; retry later")),
            "SERVER_BUSY")));
  }
  return ArchiveStreamReactor::Create<ArchiveStreamReactor>(
      &parser_, pool_.get(), stream_window_, options_.archive_limits,
      options_.archive_idle_timeout, archives_in_progress_,
      MakeStreamLog(options_.logger, *context, "ParseArchive"), options_.metrics, context);
}

}  // namespace service
}  // namespace resolute
