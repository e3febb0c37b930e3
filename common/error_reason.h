// Error reasons: a machine-readable cause attached to an absl::Status.
//
// A caller in another language cannot act on a message meant for people.
// Code that returns an error names its cause once, where it knows it:
//
//   return WithErrorReason(absl::InvalidArgumentError("content is not UTF-8 ..."),
//                          "CONTENT_NOT_UTF8", "content", {{"offset", "17"}});
//
// and the service turns it into a google.rpc.ErrorInfo (reason, domain
// "resolute.v1", metadata) and a google.rpc.BadRequest field violation
// (service/status_mapping). The reason travels as absl::Status payloads, so
// this library needs neither gRPC nor protobuf, and the parser can use it.
//
// Reasons are stable UPPER_SNAKE_CASE names: callers may switch on them, so
// one is never renamed or reused for another cause. The list is in
// README.md ("Calling it from another service").

#ifndef RESOLUTE_COMMON_ERROR_REASON_H_
#define RESOLUTE_COMMON_ERROR_REASON_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace resolute {

// The machine-readable cause of an error.
struct ErrorReason {
  // UPPER_SNAKE_CASE cause ("CONTENT_NOT_UTF8"); empty when none was attached.
  std::string reason;
  // The request field at fault in proto field-path form ("content",
  // "language"); empty when the error concerns no single field.
  std::string field;
  // Facts a program may use ({"offset", "17"}), sorted by key.
  std::vector<std::pair<std::string, std::string>> metadata;
};

// Returns `status` with `reason`, `field` and `metadata` attached. An OK
// status is returned unchanged (OK carries no reason).
absl::Status WithErrorReason(
    absl::Status status, absl::string_view reason, absl::string_view field = "",
    std::vector<std::pair<std::string, std::string>> metadata = {});

// Returns the reason attached to `status` by WithErrorReason; an empty
// `reason` if none was.
ErrorReason GetErrorReason(const absl::Status& status);

}  // namespace resolute

#endif  // RESOLUTE_COMMON_ERROR_REASON_H_
