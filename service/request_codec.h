// Request codec: the service's messages to and from their wire bytes.
//
// ParseResolution and StreamParseResolutions receive their requests as raw
// bytes (gRPC's raw methods) and decode them here, so that a message that
// cannot be decoded is an error the service reports (INVALID_ARGUMENT,
// reason REQUEST_MALFORMED, naming the message) instead of what gRPC does
// with a typed method: end a stream as if the client had half-closed it (the
// later documents silently dropped), or fail a unary call with INTERNAL.
//
//   grpc::ByteBuffer bytes;  // read from the call
//   v1::ParseResolutionRequest request;
//   absl::Status status = DecodeRequest(&bytes, 3, "StreamParseResolutionsRequest", &request);
//   ...
//   grpc::ByteBuffer out;
//   EncodeResponse(response, &out);  // then written to the call
//
// Private to //service.

#ifndef RESOLUTE_SERVICE_REQUEST_CODEC_H_
#define RESOLUTE_SERVICE_REQUEST_CODEC_H_

#include <grpcpp/support/byte_buffer.h>

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message_lite.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace service {

// Decodes `*bytes` (left empty) into `*message`. Returns INVALID_ARGUMENT
// with reason REQUEST_MALFORMED and metadata `message_index` (the zero-based
// `index` of the message in its call) if the bytes are not a `type_name`
// (named in the message): malformed protobuf, or a string field (such as
// `document_id`) that is not valid UTF-8.
//
// StreamParseResolutionsRequest has the fields of ParseResolutionRequest
// (tests/proto compares them), so the stream decodes its requests into a
// ParseResolutionRequest and shares the unary call's code path.
absl::Status DecodeRequest(grpc::ByteBuffer* bytes, int64_t index, absl::string_view type_name,
                           google::protobuf::MessageLite* message);

// Serializes `response` into `*bytes` (replacing what it held): the bytes
// of every call's response, StreamParseResolutionsResponse and
// ParseArchiveResponse having the fields of ParseResolutionResponse.
void EncodeResponse(const v1::ParseResolutionResponse& response, grpc::ByteBuffer* bytes);

// Returns the `document_id` of the serialized ParseResolutionRequest in
// `bytes` without decoding the rest (the content is skipped, not copied);
// empty if it has none or the bytes are malformed. For logs.
std::string PeekDocumentId(const grpc::ByteBuffer& bytes);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_REQUEST_CODEC_H_
