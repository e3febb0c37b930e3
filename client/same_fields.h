// SameFields: converts between the API's messages that have the same fields
// (names, numbers, types): StreamParseResolutionsRequest and
// ParseResolutionRequest; StreamParseResolutionsResponse, ParseArchiveResponse
// and ParseResolutionResponse (proto/README.md, "One code path";
// tests/proto/same_fields_test.cc checks the descriptors). Each RPC has types
// of its own, and the client still handles every document and response one
// way:
//
//   stream->Write(SameFields<v1::StreamParseResolutionsRequest>(request));
//   v1::ParseResolutionResponse response = SameFields<v1::ParseResolutionResponse>(read);
//
// Through the wire format: one copy of the message.

#ifndef RESOLUTE_CLIENT_SAME_FIELDS_H_
#define RESOLUTE_CLIENT_SAME_FIELDS_H_

#include "google/protobuf/message_lite.h"

namespace resolute {
namespace client {

template <class To>
To SameFields(const google::protobuf::MessageLite& from) {
  To to;
  // Cannot fail between messages of the same fields.
  (void)to.ParseFromString(from.SerializeAsString());
  return to;
}

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_SAME_FIELDS_H_
