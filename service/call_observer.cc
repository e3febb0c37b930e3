#include "service/call_observer.h"

#include <grpcpp/server_context.h>

#include <atomic>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/request_codec.h"

namespace resolute {
namespace service {
namespace {

using grpc::experimental::InterceptionHookPoints;

constexpr char kParseResolution[] = "resolute.v1.ResolutionParserService/ParseResolution";

class CallObserver final : public grpc::experimental::Interceptor {
 public:
  CallObserver(grpc::experimental::ServerRpcInfo* info, ServiceMetrics* metrics, Logger* logger)
      : info_(info),
        metrics_(metrics),
        logger_(logger),
        method_(MethodLabel(info->method())),
        health_(absl::StartsWith(method_, "grpc.health.v1.Health/")),
        start_(absl::Now()) {}

  ~CallObserver() override {
    // A call torn down without a status (the server was destroyed first).
    // One that never began is none: gRPC (1.51) makes the interceptors of a
    // call the service asked for (an asynchronous method's awaited call) when
    // that request completes, also when it completes without a call at
    // shutdown; its hooks never run, and it is neither counted nor logged.
    if (began_ && !finished_) {
      Finished(grpc::Status(grpc::StatusCode::CANCELLED, "no status was sent"));
    }
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    // The first hook (the client's initial metadata) runs before any other.
    if (!began_) {
      began_ = true;
      if (metrics_ != nullptr) metrics_->CallStarted(method_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      const void* message = methods->GetRecvMessage();
      if (message != nullptr) {
        // The one request of a unary ParseResolution call arrives as raw
        // bytes (a raw method: the service decodes it itself); only its id
        // is read, never its content.
        if (requests_.fetch_add(1) == 0 && method_ == kParseResolution) {
          document_id_ = PeekDocumentId(*static_cast<const grpc::ByteBuffer*>(message));
        }
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      responses_.fetch_add(1);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Finished(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  void Finished(const grpc::Status& status) {
    if (finished_) return;
    finished_ = true;
    const absl::Duration duration = absl::Now() - start_;
    if (metrics_ != nullptr) metrics_->CallFinished(method_, status.error_code(), duration);
    if (logger_ == nullptr) return;
    const LogLevel level = CallLogLevel(status.error_code(), health_);
    if (!logger_->Enabled(level)) return;
    std::string peer;
    if (info_->server_context() != nullptr) peer = info_->server_context()->peer();
    const std::string code(StatusCodeName(status.error_code()));
    const std::string error = CallErrorMessage(status);
    const double duration_ms = absl::ToDoubleMilliseconds(duration);
    const int64_t requests = requests_.load();
    const int64_t responses = responses_.load();
    if (status.ok()) {
      if (document_id_.empty()) {
        logger_->Log(level, "call finished",
                     {{"method", method_}, {"peer", peer}, {"status", code},
                      {"duration_ms", duration_ms}, {"requests", requests},
                      {"responses", responses}});
      } else {
        logger_->Log(level, "call finished",
                     {{"method", method_}, {"peer", peer}, {"document_id", document_id_},
                      {"status", code}, {"duration_ms", duration_ms}, {"requests", requests},
                      {"responses", responses}});
      }
    } else if (document_id_.empty()) {
      logger_->Log(level, "call failed",
                   {{"method", method_}, {"peer", peer}, {"status", code},
                    {"error", error}, {"duration_ms", duration_ms},
                    {"requests", requests}, {"responses", responses}});
    } else {
      logger_->Log(level, "call failed",
                   {{"method", method_}, {"peer", peer}, {"document_id", document_id_},
                    {"status", code}, {"error", error},
                    {"duration_ms", duration_ms}, {"requests", requests},
                    {"responses", responses}});
    }
  }

  grpc::experimental::ServerRpcInfo* const info_;
  ServiceMetrics* const metrics_;
  Logger* const logger_;
  const std::string method_;
  const bool health_;
  const absl::Time start_;
  // Receive and send hooks of a stream may run on different threads.
  std::atomic<int64_t> requests_{0};
  std::atomic<int64_t> responses_{0};
  // Set by the first receive hook, which precedes the status.
  std::string document_id_;
  // Whether the call arrived (a hook ran); set before any other hook runs.
  bool began_ = false;
  bool finished_ = false;
};

}  // namespace

std::string CallErrorMessage(const grpc::Status& status) {
  if (!status.error_message().empty() || status.ok()) return status.error_message();
  // gRPC answers a method the server does not have with no message.
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    return "the server does not implement this method";
  }
  return "no message";
}

LogLevel CallLogLevel(grpc::StatusCode code, bool health_check) {
  switch (code) {
    case grpc::StatusCode::OK:
      return health_check ? LogLevel::kDebug : LogLevel::kInfo;
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::DATA_LOSS:
      return LogLevel::kError;
    default:
      return LogLevel::kWarning;
  }
}

grpc::experimental::Interceptor* CallObserverFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  if (metrics_ == nullptr && logger_ == nullptr) return nullptr;
  return new CallObserver(info, metrics_, logger_);
}

}  // namespace service
}  // namespace resolute
