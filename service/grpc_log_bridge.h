// Routes gRPC's own log messages (gpr_log) into a JSON Logger, so that every
// line the server writes to stderr is one JSON object.
//
//   Logger logger = Logger::Stderr(LogLevel::kInfo);
//   RouteGrpcLogsTo(&logger);
//
// gRPC's ERROR messages are mostly transport events a server recovers from
// (a peer resetting a connection), so they become `warning` lines; INFO and
// DEBUG keep their level. Each line carries `source: "grpc"` and the gRPC
// source `file` and `line`. gRPC's own filter (GRPC_VERBOSITY, default ERROR)
// still applies first.

#ifndef RESOLUTE_SERVICE_GRPC_LOG_BRIDGE_H_
#define RESOLUTE_SERVICE_GRPC_LOG_BRIDGE_H_

#include "service/json_log.h"

namespace resolute {
namespace service {

// Sends gRPC's log messages to `logger` from now on. `logger` must outlive
// every gRPC activity; nullptr drops gRPC's messages.
void RouteGrpcLogsTo(Logger* logger);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_GRPC_LOG_BRIDGE_H_
