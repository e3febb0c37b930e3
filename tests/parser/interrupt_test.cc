// parser/interrupt.h: when a parse is told to stop.

#include "parser/interrupt.h"

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(Interrupt, WithoutConditionsNeverStops) {
  Interrupt never;
  for (int i = 0; i < 10000; ++i) ASSERT_FALSE(never.Check());
  EXPECT_FALSE(never.CheckNow());
  EXPECT_TRUE(never.status().ok());
  EXPECT_FALSE(Stopped(nullptr));
}

TEST(Interrupt, APassedDeadlineStopsWithDeadlineExceeded) {
  Interrupt late(absl::Now() - absl::Seconds(1), nullptr);
  EXPECT_TRUE(late.Check());  // the first call asks the clock
  EXPECT_EQ(late.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_TRUE(late.Check());  // and it stays stopped
}

TEST(Interrupt, CancellationIsAskedOncePerStride) {
  int asked = 0;
  bool cancel = false;
  Interrupt interrupt(absl::InfiniteFuture(), [&] {
    ++asked;
    return cancel;
  });
  for (uint32_t i = 0; i < 3 * Interrupt::kStride; ++i) ASSERT_FALSE(interrupt.Check());
  EXPECT_EQ(asked, 3);
  cancel = true;
  // Check notices at the next stride; CheckNow at once.
  EXPECT_TRUE(interrupt.CheckNow());
  EXPECT_EQ(interrupt.status().code(), absl::StatusCode::kCancelled);
  Interrupt* p = &interrupt;
  EXPECT_TRUE(Stopped(p));
}

TEST(Interrupt, CancellationWinsOverAPassedDeadline) {
  Interrupt both(absl::Now() - absl::Seconds(1), [] { return true; });
  EXPECT_TRUE(both.CheckNow());
  EXPECT_EQ(both.status().code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace resolute
