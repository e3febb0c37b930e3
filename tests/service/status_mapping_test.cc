#include "service/status_mapping.h"

#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

TEST(ToGrpcStatus, KeepsCodeAndMessage) {
  const grpc::Status s = ToGrpcStatus(absl::InvalidArgumentError("content is empty"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "content is empty");
  EXPECT_EQ(ToGrpcStatus(absl::ResourceExhaustedError("big")).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(ToGrpcStatus(absl::CancelledError("")).error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_EQ(ToGrpcStatus(absl::UnauthenticatedError("")).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST(ToGrpcStatus, OkIsOk) { EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok()); }

TEST(ToGrpcStatus, UnknownCodeBecomesUnknown) {
  const grpc::Status s = ToGrpcStatus(absl::Status(static_cast<absl::StatusCode>(42), "odd"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNKNOWN);
  EXPECT_EQ(s.error_message(), "odd");
}

TEST(ToDocumentStatus, CarriesCodeNumberAndMessage) {
  const v1::DocumentStatus s = ToDocumentStatus(absl::InvalidArgumentError("bad"));
  EXPECT_EQ(s.code(), 3);
  EXPECT_EQ(s.message(), "bad");
  const v1::DocumentStatus ok = ToDocumentStatus(absl::OkStatus());
  EXPECT_EQ(ok.code(), 0);
  EXPECT_EQ(ok.message(), "");
}

}  // namespace
}  // namespace service
}  // namespace resolute
