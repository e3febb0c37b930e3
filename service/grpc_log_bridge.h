// Routes the log messages of the libraries the server links (gRPC's gpr_log,
// libprotobuf's GOOGLE_LOG) into a JSON Logger, so that every line the server
// writes to stderr is one JSON object.
//
//   Logger logger = Logger::Stderr(LogLevel::kInfo);
//   RouteLibraryLogsTo(&logger);
//
// gRPC's ERROR messages are mostly transport events a server recovers from
// (a peer resetting a connection), so they become `warning` lines; INFO and
// DEBUG keep their level. libprotobuf's INFO, WARNING and ERROR keep their
// level (FATAL becomes `error`: protobuf aborts after it). Each line carries
// `source` ("grpc" or "protobuf") and the library's source `file` and `line`.
// gRPC's own filter (GRPC_VERBOSITY, default ERROR) still applies first.

#ifndef RESOLUTE_SERVICE_GRPC_LOG_BRIDGE_H_
#define RESOLUTE_SERVICE_GRPC_LOG_BRIDGE_H_

#include "service/json_log.h"

namespace resolute {
namespace service {

// Sends gRPC's and libprotobuf's log messages to `logger` from now on.
// `logger` must outlive every gRPC and protobuf activity; nullptr drops the
// libraries' messages.
void RouteLibraryLogsTo(Logger* logger);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_GRPC_LOG_BRIDGE_H_
