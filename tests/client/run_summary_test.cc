#include "client/run_summary.h"

#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

TEST(RunSummary, AllParsed) {
  RunSummary s(3);
  s.Parsed(1'000'000);
  s.Parsed(500'000);
  s.Skipped();
  EXPECT_EQ(s.Line(absl::Seconds(2)),
            "3 documents: 2 parsed, 0 failed, 1 skipped; 1.5 MB in 2.0 s, 1.0 docs/s");
  EXPECT_EQ(s.ExitCode(), kExitOk);
}

TEST(RunSummary, FailuresByCodeAndRetries) {
  RunSummary s(4);
  s.Parsed(0);
  s.Failed(3, false);
  s.Failed(3, false);
  s.Failed(8, false);
  s.Retried(2);
  EXPECT_EQ(s.Line(absl::Seconds(1)),
            "4 documents: 1 parsed, 3 failed (INVALID_ARGUMENT 2, RESOURCE_EXHAUSTED 1), "
            "0 skipped; 0.0 MB in 1.0 s, 1.0 docs/s; 2 retries");
  EXPECT_EQ(s.ExitCode(), kExitSomeFailed);
}

TEST(RunSummary, ConnectionFailureIsExitTwo) {
  RunSummary s(2);
  s.Failed(14, /*connection=*/true);
  s.Failed(14, /*connection=*/true);
  EXPECT_EQ(s.ExitCode(), kExitUsageOrConnection);
}

TEST(RunSummary, UnaccountedInputsShow) {
  RunSummary s(3);
  s.Parsed(0);
  EXPECT_NE(s.Line(absl::Seconds(1)).find("2 UNACCOUNTED"), std::string::npos);
  EXPECT_EQ(s.ExitCode(), kExitSomeFailed);
}

TEST(RunSummary, ArchiveCallFailure) {
  RunSummary s(-1);
  s.Parsed(0);
  s.AddBytes(2'500'000);
  s.CallFailed(3, "archive \"x.zip\": corrupt", /*connection=*/false);
  EXPECT_EQ(s.Line(absl::Seconds(1)),
            "1 document: 1 parsed, 0 failed, 0 skipped; 2.5 MB in 1.0 s, 1.0 docs/s; call "
            "failed: INVALID_ARGUMENT: archive \"x.zip\": corrupt");
  EXPECT_EQ(s.ExitCode(), kExitSomeFailed);
}

TEST(StatusCodeName, Names) {
  EXPECT_EQ(StatusCodeName(0), "OK");
  EXPECT_EQ(StatusCodeName(14), "UNAVAILABLE");
  EXPECT_EQ(StatusCodeName(99), "CODE_99");
}

}  // namespace
}  // namespace client
}  // namespace resolute
