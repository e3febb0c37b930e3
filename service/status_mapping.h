// Status mapping: how the service reports an absl::Status to its callers.
//
//   absl::Status s = parser.Parse(request, &resolution);
//   return ToGrpcStatus(s);                            // unary calls
//   *response.mutable_status() = ToDocumentStatus(s);  // per-document status
//
// Both carry the same google.rpc.Status (AIP-193): the code (absl::StatusCode
// and grpc::StatusCode share google.rpc.Code's numbering; a code outside it
// becomes UNKNOWN), the message cut to kMaxStatusMessageBytes, and details:
//   - google.rpc.ErrorInfo, always: the reason attached with
//     WithErrorReason (common/error_reason.h), or the code's name
//     ("DEADLINE_EXCEEDED") when none was, in the domain "resolute.v1", with
//     the attached metadata;
//   - google.rpc.BadRequest, when a request field is at fault;
//   - google.rpc.RetryInfo, for UNAVAILABLE (the server is busy or shutting
//     down: the same request succeeds later or elsewhere).
// A unary call's details travel in the standard `grpc-status-details-bin`
// trailer, which every gRPC library's rich-error helpers decode.

#ifndef RESOLUTE_SERVICE_STATUS_MAPPING_H_
#define RESOLUTE_SERVICE_STATUS_MAPPING_H_

#include <cstddef>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/status.pb.h"

namespace resolute {
namespace service {

// The error domain of every ErrorInfo the service sends.
inline constexpr absl::string_view kErrorDomain = "resolute.v1";

// Longest status message sent, in bytes; longer ones are cut at a UTF-8
// boundary and end in "...".
inline constexpr size_t kMaxStatusMessageBytes = 256;

// Returns the google.rpc.Status for `status` (code 0 and nothing else when OK).
google::rpc::Status ToDocumentStatus(const absl::Status& status);

// Returns the gRPC status for `status`: its code, message, and the
// serialized ToDocumentStatus(status) as binary error details.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Returns `text` cut to at most `max_bytes` bytes at a UTF-8 character
// boundary, with "..." in place of what was cut. For caller-supplied values
// echoed into messages and logs.
std::string TruncateForMessage(absl::string_view text, size_t max_bytes);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_STATUS_MAPPING_H_
