#include "service/status_mapping.h"

#include <string>

namespace resolute {
namespace service {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const int code = static_cast<int>(status.code());
  const bool known = code > 0 && code <= static_cast<int>(grpc::StatusCode::UNAUTHENTICATED);
  return grpc::Status(known ? static_cast<grpc::StatusCode>(code) : grpc::StatusCode::UNKNOWN,
                      std::string(status.message()));
}

v1::DocumentStatus ToDocumentStatus(const absl::Status& status) {
  const grpc::Status mapped = ToGrpcStatus(status);
  v1::DocumentStatus out;
  out.set_code(static_cast<int>(mapped.error_code()));
  out.set_message(mapped.error_message());
  return out;
}

}  // namespace service
}  // namespace resolute
