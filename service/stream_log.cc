#include "service/stream_log.h"

#include <grpcpp/support/status_code_enum.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/service_metrics.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

StreamLog MakeStreamLog(Logger* logger, const grpc::ServerContextBase& context,
                        const char* method) {
  StreamLog log;
  if (logger == nullptr) return log;
  log.logger = logger;
  log.method = absl::StrCat("resolute.v1.ResolutionParserService/", method);
  log.peer = context.peer();
  return log;
}

void LogDocument(const StreamLog& log, const v1::ParseResolutionResponse& response,
                 absl::Duration took) {
  if (log.logger == nullptr) return;
  const auto code = static_cast<grpc::StatusCode>(response.status().code());
  const bool failed = code != grpc::StatusCode::OK && code != grpc::StatusCode::CANCELLED;
  const LogLevel level = failed ? LogLevel::kWarning : LogLevel::kDebug;
  if (!log.logger->Enabled(level)) return;
  const std::string status(StatusCodeName(code));
  const double duration_ms = absl::ToDoubleMilliseconds(took);
  if (code == grpc::StatusCode::OK) {
    log.logger->Log(level, "document parsed",
                    {{"method", log.method}, {"peer", log.peer},
                     {"document_id", response.document_id()}, {"status", status},
                     {"duration_ms", duration_ms}});
  } else {
    log.logger->Log(level, "document failed",
                    {{"method", log.method}, {"peer", log.peer},
                     {"document_id", response.document_id()}, {"status", status},
                     {"error", response.status().message()}, {"duration_ms", duration_ms}});
  }
}

ArenaResponse ParseStreamDocument(const DocumentParser& parser, const StreamLog& log,
                                  const v1::ParseResolutionRequest& request, bool cancelled,
                                  const CallControl& call) {
  const absl::Time start = absl::Now();
  ArenaResponse response = ArenaResponse::New();
  if (cancelled) {
    response->set_document_id(request.document_id());
    *response->mutable_status() =
        ToDocumentStatus(absl::CancelledError("the call was cancelled"));
  } else {
    parser.ParseToResponse(request, response.get(), call);
  }
  LogDocument(log, *response, absl::Now() - start);
  return response;
}

}  // namespace service
}  // namespace resolute
