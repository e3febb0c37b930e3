// Sorted JSON: proto3 JSON with object keys in sorted order, so that the same
// message always gives the same bytes (protobuf's printer uses field-number
// order, and map order is unspecified).
//
//   absl::StatusOr<std::string> json = ToSortedJson(resolution, /*indent=*/2);
//
// Field names are lowerCamelCase (the proto3 JSON names), fields with default
// values are omitted, enums are names and 64-bit integers are strings, as in
// the proto3 JSON mapping.

#ifndef RESOLUTE_CLIENT_SORTED_JSON_H_
#define RESOLUTE_CLIENT_SORTED_JSON_H_

#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace resolute {
namespace client {

// Returns `message` as JSON with sorted keys: on one line if `indent` is 0,
// otherwise one member per line indented by `indent` spaces per level. Fails
// only if the message cannot be printed as JSON (invalid UTF-8 in a string).
absl::StatusOr<std::string> ToSortedJson(const google::protobuf::Message& message, int indent = 0);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_SORTED_JSON_H_
