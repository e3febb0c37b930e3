#include "service/status_mapping.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/error_reason.h"
#include "google/protobuf/duration.pb.h"
#include "google/rpc/code.pb.h"
#include "google/rpc/error_details.pb.h"

namespace resolute {
namespace service {
namespace {

// How long a caller told to retry (UNAVAILABLE) should wait first.
constexpr int kRetryDelaySeconds = 1;

grpc::StatusCode GrpcCode(absl::StatusCode code) {
  const int value = static_cast<int>(code);
  const bool known = value >= 0 && value <= static_cast<int>(grpc::StatusCode::UNAUTHENTICATED);
  return known ? static_cast<grpc::StatusCode>(value) : grpc::StatusCode::UNKNOWN;
}

}  // namespace

std::string TruncateForMessage(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr absl::string_view kEllipsis = "...";
  size_t keep = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  // Back up over UTF-8 continuation bytes so no character is cut in two.
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return absl::StrCat(text.substr(0, keep), kEllipsis);
}

google::rpc::Status ToDocumentStatus(const absl::Status& status) {
  google::rpc::Status out;
  if (status.ok()) return out;
  const grpc::StatusCode code = GrpcCode(status.code());
  out.set_code(static_cast<int>(code));
  out.set_message(TruncateForMessage(status.message(), kMaxStatusMessageBytes));

  const ErrorReason reason = GetErrorReason(status);
  google::rpc::ErrorInfo info;
  info.set_reason(!reason.reason.empty()
                      ? reason.reason
                      : google::rpc::Code_Name(static_cast<google::rpc::Code>(code)));
  info.set_domain(std::string(kErrorDomain));
  for (const auto& [key, value] : reason.metadata) (*info.mutable_metadata())[key] = value;
  out.add_details()->PackFrom(info);

  if (!reason.field.empty()) {
    google::rpc::BadRequest bad_request;
    google::rpc::BadRequest::FieldViolation* violation = bad_request.add_field_violations();
    violation->set_field(reason.field);
    violation->set_description(out.message());
    out.add_details()->PackFrom(bad_request);
  }
  if (code == grpc::StatusCode::UNAVAILABLE) {
    google::rpc::RetryInfo retry;
    retry.mutable_retry_delay()->set_seconds(kRetryDelaySeconds);
    out.add_details()->PackFrom(retry);
  }
  return out;
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const google::rpc::Status rich = ToDocumentStatus(status);
  return grpc::Status(static_cast<grpc::StatusCode>(rich.code()), rich.message(),
                      rich.SerializeAsString());
}

}  // namespace service
}  // namespace resolute
