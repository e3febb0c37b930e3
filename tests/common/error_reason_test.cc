#include "common/error_reason.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(ErrorReason, RoundTripsReasonFieldAndMetadataSortedByKey) {
  const absl::Status s = WithErrorReason(absl::InvalidArgumentError("bad"), "ARCHIVE_ENTRY",
                                         "content", {{"type", "symlink"}, {"target", "a.txt"},
                                                     {"entry_type", "link"}});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "bad");
  const ErrorReason reason = GetErrorReason(s);
  EXPECT_EQ(reason.reason, "ARCHIVE_ENTRY");
  EXPECT_EQ(reason.field, "content");
  EXPECT_THAT(reason.metadata, ElementsAre(Pair("entry_type", "link"), Pair("target", "a.txt"),
                                           Pair("type", "symlink")));
}

TEST(ErrorReason, OkCarriesNothingAndPlainErrorsHaveNoReason) {
  EXPECT_TRUE(WithErrorReason(absl::OkStatus(), "X").ok());
  EXPECT_EQ(GetErrorReason(WithErrorReason(absl::OkStatus(), "X")).reason, "");
  const ErrorReason plain = GetErrorReason(absl::InternalError("x"));
  EXPECT_EQ(plain.reason, "");
  EXPECT_EQ(plain.field, "");
  EXPECT_TRUE(plain.metadata.empty());
}

}  // namespace
}  // namespace resolute
