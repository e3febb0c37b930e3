#include "client/progress.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

using ::testing::HasSubstr;

TEST(Progress, RendersBarCountsRateAndEta) {
  const std::string line = Progress::Render(50, 200, 1'500'000, 6'000'000, absl::Seconds(10));
  EXPECT_EQ(line, "[#####...............] 50/200 docs  1.5/6.0 MB  5.0 docs/s  ETA 0:30");
}

TEST(Progress, RendersWithoutTotals) {
  EXPECT_EQ(Progress::Render(7, 0, 2'000'000, 0, absl::Seconds(2)), "7 docs  2.0 MB  3.5 docs/s");
}

TEST(Progress, DisabledPrintsOnlyMessages) {
  std::ostringstream out;
  Progress progress(&out, /*enabled=*/false, 10, 100);
  progress.Add(5, 50);
  progress.Message("resolute: x: INVALID_ARGUMENT: content is empty");
  progress.Finish();
  EXPECT_EQ(out.str(), "resolute: x: INVALID_ARGUMENT: content is empty\n");
}

TEST(Progress, EnabledDrawsInPlaceAndClears) {
  std::ostringstream out;
  Progress progress(&out, /*enabled=*/true, 10, 100);
  progress.Add(1, 10);
  EXPECT_THAT(out.str(), HasSubstr("\r[##"));
  EXPECT_THAT(out.str(), HasSubstr("1/10 docs"));
  progress.Message("note");
  EXPECT_THAT(out.str(), HasSubstr("note\n"));
  progress.Finish();
  const std::string after = out.str();
  progress.Add(1, 10);
  EXPECT_EQ(out.str(), after);  // Nothing drawn after Finish.
  EXPECT_EQ(after.back(), '\r');
}

}  // namespace
}  // namespace client
}  // namespace resolute
