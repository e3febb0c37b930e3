#include "client/retry_policy.h"

#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

TEST(IsRetryable, TransientCodesOnly) {
  EXPECT_TRUE(IsRetryable(grpc::StatusCode::UNAVAILABLE));
  EXPECT_TRUE(IsRetryable(grpc::StatusCode::ABORTED));
  for (grpc::StatusCode code :
       {grpc::StatusCode::OK, grpc::StatusCode::UNKNOWN, grpc::StatusCode::INTERNAL,
        grpc::StatusCode::INVALID_ARGUMENT, grpc::StatusCode::RESOURCE_EXHAUSTED,
        grpc::StatusCode::CANCELLED, grpc::StatusCode::DEADLINE_EXCEEDED,
        grpc::StatusCode::UNIMPLEMENTED, grpc::StatusCode::PERMISSION_DENIED}) {
    EXPECT_FALSE(IsRetryable(code)) << code;
  }
}

TEST(Backoff, GrowsExponentiallyWithinJitterUpToTheCap) {
  RetryOptions options;
  options.max_attempts = 20;
  options.initial_backoff = absl::Milliseconds(100);
  options.max_backoff = absl::Seconds(2);
  options.multiplier = 2;
  options.jitter = 0.2;
  Backoff backoff(options, /*seed=*/42);
  double expected = 0.1;
  for (int i = 0; i < 10; ++i) {
    const double d = absl::ToDoubleSeconds(backoff.NextDelay().value());
    EXPECT_GE(d, expected * 0.8 - 1e-9) << i;
    EXPECT_LE(d, expected * 1.2 + 1e-9) << i;
    expected = std::min(expected * 2, 2.0);
  }
}

TEST(Backoff, JitterSpreadsDelays) {
  RetryOptions options;
  Backoff a(options, 1), b(options, 2);
  EXPECT_NE(a.NextDelay().value(), b.NextDelay().value());
}

TEST(Backoff, GivesUpAfterMaxAttemptsAndResets) {
  RetryOptions options;
  options.max_attempts = 3;
  Backoff backoff(options, 7);
  EXPECT_TRUE(backoff.NextDelay().has_value());   // Attempt 1 failed.
  EXPECT_TRUE(backoff.NextDelay().has_value());   // Attempt 2 failed.
  EXPECT_FALSE(backoff.NextDelay().has_value());  // Attempt 3 failed: give up.
  backoff.Reset();
  EXPECT_EQ(backoff.failures(), 0);
  const absl::Duration first = backoff.NextDelay().value();
  EXPECT_LE(first, options.initial_backoff * 1.2);
}

TEST(Backoff, OneAttemptMeansNoRetry) {
  RetryOptions options;
  options.max_attempts = 1;
  Backoff backoff(options);
  EXPECT_FALSE(backoff.NextDelay().has_value());
}

}  // namespace
}  // namespace client
}  // namespace resolute
