#include "service/status_mapping.h"

#include <string>

#include "absl/strings/match.h"
#include "common/error_reason.h"
#include "google/rpc/error_details.pb.h"
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

TEST(ToDocumentStatus, OkCarriesNothing) {
  const google::rpc::Status ok = ToDocumentStatus(absl::OkStatus());
  EXPECT_EQ(ok.code(), 0);
  EXPECT_EQ(ok.message(), "");
  EXPECT_EQ(ok.details_size(), 0);
}

TEST(ToDocumentStatus, ReasonFieldAndMetadataBecomeErrorInfoAndBadRequest) {
  const google::rpc::Status s = ToDocumentStatus(WithErrorReason(
      absl::InvalidArgumentError("content is not UTF-8"), "CONTENT_NOT_UTF8", "content",
      {{"offset", "17"}}));
  EXPECT_EQ(s.code(), 3);
  EXPECT_EQ(s.message(), "content is not UTF-8");
  ASSERT_EQ(s.details_size(), 2);
  google::rpc::ErrorInfo info;
  ASSERT_TRUE(s.details(0).UnpackTo(&info));
  EXPECT_EQ(info.reason(), "CONTENT_NOT_UTF8");
  EXPECT_EQ(info.domain(), "resolute.v1");
  EXPECT_EQ(info.metadata().at("offset"), "17");
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(s.details(1).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 1);
  EXPECT_EQ(bad_request.field_violations(0).field(), "content");
  EXPECT_EQ(bad_request.field_violations(0).description(), "content is not UTF-8");
}

TEST(ToDocumentStatus, WithoutReasonTheCodeNameIsTheReason) {
  const google::rpc::Status s = ToDocumentStatus(absl::DeadlineExceededError("late"));
  ASSERT_EQ(s.details_size(), 1);
  google::rpc::ErrorInfo info;
  ASSERT_TRUE(s.details(0).UnpackTo(&info));
  EXPECT_EQ(info.reason(), "DEADLINE_EXCEEDED");
  EXPECT_TRUE(info.metadata().empty());
}

TEST(ToDocumentStatus, UnavailableCarriesRetryInfo) {
  const google::rpc::Status s =
      ToDocumentStatus(WithErrorReason(absl::UnavailableError("busy"), "SERVER_BUSY"));
  ASSERT_EQ(s.details_size(), 2);
  google::rpc::RetryInfo retry;
  ASSERT_TRUE(s.details(1).UnpackTo(&retry));
  EXPECT_GT(retry.retry_delay().seconds(), 0);
}

TEST(ToDocumentStatus, LongMessagesAreCut) {
  const google::rpc::Status s =
      ToDocumentStatus(absl::InvalidArgumentError(std::string(10000, 'x')));
  EXPECT_LE(s.message().size(), kMaxStatusMessageBytes);
  EXPECT_TRUE(absl::EndsWith(s.message(), "..."));
}

TEST(ToGrpcStatus, DetailsAreTheSerializedDocumentStatus) {
  const absl::Status status =
      WithErrorReason(absl::InvalidArgumentError("empty"), "CONTENT_EMPTY", "content");
  const grpc::Status s = ToGrpcStatus(status);
  google::rpc::Status decoded;
  ASSERT_TRUE(decoded.ParseFromString(s.error_details()));
  EXPECT_EQ(decoded.SerializeAsString(), ToDocumentStatus(status).SerializeAsString());
}

TEST(TruncateForMessage, KeepsShortTextAndCutsAtCharacterBoundaries) {
  EXPECT_EQ(TruncateForMessage("short", 10), "short");
  // "é" is two bytes; a cut inside it backs up to before it.
  EXPECT_EQ(TruncateForMessage("abcdé" + std::string(20, 'z'), 8), "abcd...");
  EXPECT_EQ(TruncateForMessage("abcdefghij", 8), "abcde...");
}

}  // namespace
}  // namespace service
}  // namespace resolute
