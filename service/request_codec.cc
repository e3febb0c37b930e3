#include "service/request_codec.h"

#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/proto_buffer_writer.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/error_reason.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"

namespace resolute {
namespace service {
namespace {

using google::protobuf::internal::WireFormatLite;

// Longest document id PeekDocumentId returns; longer ones are cut.
constexpr int kMaxPeekedIdBytes = 1024;

}  // namespace

absl::Status DecodeRequest(grpc::ByteBuffer* bytes, int64_t index, absl::string_view type_name,
                           google::protobuf::MessageLite* message) {
  bool parsed = false;
  {
    grpc::ProtoBufferReader reader(bytes);
    parsed = message->ParseFromZeroCopyStream(&reader);
  }
  bytes->Clear();
  if (parsed) return absl::OkStatus();
  message->Clear();
  return WithErrorReason(
      absl::InvalidArgumentError(absl::StrCat(
          "request message ", index,
          " (zero-based) is not a valid ", type_name,
          ": malformed protobuf, or a string field that is not UTF-8")),
      "REQUEST_MALFORMED", "", {{"message_index", absl::StrCat(index)}});
}

void EncodeResponse(const v1::ParseResolutionResponse& response, grpc::ByteBuffer* bytes) {
  bytes->Clear();  // The serializer writes only into an empty buffer.
  bool own_buffer = false;
  // Fails only for messages over 2 GiB, which the size limits rule out.
  (void)grpc::SerializationTraits<v1::ParseResolutionResponse>::Serialize(response, bytes,
                                                                         &own_buffer);
}

std::string PeekDocumentId(const grpc::ByteBuffer& bytes) {
  grpc::ByteBuffer copy(bytes);  // Shares the slices.
  grpc::ProtoBufferReader reader(&copy);
  google::protobuf::io::CodedInputStream input(&reader);
  constexpr uint32_t kIdTag =
      WireFormatLite::MakeTag(v1::ParseResolutionRequest::kDocumentIdFieldNumber,
                              WireFormatLite::WIRETYPE_LENGTH_DELIMITED);
  std::string id;
  while (true) {
    const uint32_t tag = input.ReadTag();
    if (tag == 0) return id;
    if (tag == kIdTag) {
      uint32_t size = 0;
      if (!input.ReadVarint32(&size)) return "";
      const int keep = size > kMaxPeekedIdBytes ? kMaxPeekedIdBytes : static_cast<int>(size);
      if (!input.ReadString(&id, keep) || !input.Skip(static_cast<int>(size) - keep)) return "";
      continue;  // The last occurrence wins, as in a full parse.
    }
    if (!WireFormatLite::SkipField(&input, tag)) return "";
  }
}

}  // namespace service
}  // namespace resolute
