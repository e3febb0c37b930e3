// CallObserverFactory: a gRPC server interceptor that measures and logs every
// call the server handles (its own service, health checks, reflection).
//
//   grpc::ServerBuilder builder;
//   std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> f;
//   f.push_back(std::make_unique<CallObserverFactory>(&metrics, &logger));
//   builder.experimental().SetInterceptorCreators(std::move(f));
//
// Per call it records resolute_grpc_calls_in_flight while the call runs,
// then resolute_grpc_calls_total and resolute_grpc_call_duration_seconds
// with the status the server sends, and writes one log line:
//
//   {"time":...,"level":"info","message":"call finished",
//    "method":"resolute.v1.ResolutionParserService/ParseResolution","peer":"ipv4:10.1.2.3:40112",
//    "document_id":"A_RES_78_100","status":"OK","duration_ms":8.412,
//    "requests":1,"responses":1}
//
// Levels: OK calls at info (health checks at debug: the kubelet asks every few
// seconds); caller mistakes and client-side errors (INVALID_ARGUMENT,
// RESOURCE_EXHAUSTED, CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE, and
// UNIMPLEMENTED: an unknown method, or a reflection v1 probe from grpcurl or
// buf curl) at warning with the status message as `error` (never empty);
// server faults (UNKNOWN, INTERNAL, DATA_LOSS) at error. `document_id` is given for unary ParseResolution calls
// (streams log each document at debug themselves). No request content is
// ever logged.

#ifndef RESOLUTE_SERVICE_CALL_OBSERVER_H_
#define RESOLUTE_SERVICE_CALL_OBSERVER_H_

#include <grpcpp/support/server_interceptor.h>
#include <grpcpp/support/status.h>

#include <string>

#include "service/json_log.h"
#include "service/service_metrics.h"

namespace resolute {
namespace service {

// Returns the `error` field logged for a call that ended with `status`: its
// message, or a description of the code when gRPC sent none.
std::string CallErrorMessage(const grpc::Status& status);

// Returns the level a call that ended with `code` is logged at (see above).
LogLevel CallLogLevel(grpc::StatusCode code, bool health_check);

class CallObserverFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Either may be null (no metrics, no logs); both must outlive the server.
  CallObserverFactory(ServiceMetrics* metrics, Logger* logger)
      : metrics_(metrics), logger_(logger) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  ServiceMetrics* const metrics_;
  Logger* const logger_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_CALL_OBSERVER_H_
