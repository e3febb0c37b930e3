// Status mapping: how the service reports an absl::Status to its callers.
//
//   absl::Status s = parser.Parse(request, &resolution);
//   return ToGrpcStatus(s);                      // unary calls
//   *response.mutable_status() = ToDocumentStatus(s);  // per-document status
//
// absl::StatusCode and grpc::StatusCode share their numbering (both follow
// google.rpc.Code), so the mapping keeps the code and the message; a code
// outside that range becomes UNKNOWN.

#ifndef RESOLUTE_SERVICE_STATUS_MAPPING_H_
#define RESOLUTE_SERVICE_STATUS_MAPPING_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace service {

// Returns the gRPC status for `status`: same code, same message.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Returns the per-document status for `status`: its gRPC code and message
// (an OK status gives code 0 and an empty message).
v1::DocumentStatus ToDocumentStatus(const absl::Status& status);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_STATUS_MAPPING_H_
