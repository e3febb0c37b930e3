// Library log lines (gRPC, libprotobuf) reach the JSON logger, tagged with
// their source, at the mapped level.

#include "service/grpc_log_bridge.h"

#include <grpc/support/log.h>

#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "google/protobuf/stubs/logging.h"
#include "gtest/gtest.h"
#include "service/json_log.h"

namespace resolute {
namespace service {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class LibraryLogsTest : public ::testing::Test {
 protected:
  void SetUp() override { RouteLibraryLogsTo(&logger_); }
  void TearDown() override { RouteLibraryLogsTo(nullptr); }

  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> lines_;
  Logger logger_{[this](absl::string_view line) {
                   absl::MutexLock lock(&mu_);
                   lines_.emplace_back(line);
                 },
                 LogLevel::kDebug};
};

TEST_F(LibraryLogsTest, GrpcErrorsBecomeJsonWarnings) {
  gpr_set_log_verbosity(GPR_LOG_SEVERITY_ERROR);  // What grpc_init sets by default.
  gpr_log(GPR_ERROR, "peer reset %d", 7);
  EXPECT_THAT(Lines(), Contains(AllOf(HasSubstr("\"level\":\"warning\""),
                                      HasSubstr("\"message\":\"peer reset 7\""),
                                      HasSubstr("\"source\":\"grpc\""))));
}

TEST_F(LibraryLogsTest, ProtobufMessagesBecomeJsonAtTheirLevel) {
  GOOGLE_LOG(WARNING) << "odd \"descriptor\"";
  GOOGLE_LOG(ERROR) << "cannot parse";
  const std::vector<std::string> lines = Lines();
  EXPECT_THAT(lines, Contains(AllOf(HasSubstr("\"level\":\"warning\""),
                                    HasSubstr("\"message\":\"odd \\\"descriptor\\\"\""),
                                    HasSubstr("\"source\":\"protobuf\""))));
  EXPECT_THAT(lines, Contains(AllOf(HasSubstr("\"level\":\"error\""),
                                    HasSubstr("\"message\":\"cannot parse\""))));
  for (const std::string& line : lines) EXPECT_EQ(line.front(), '{') << line;
}

TEST_F(LibraryLogsTest, NullLoggerDropsLines) {
  RouteLibraryLogsTo(nullptr);
  GOOGLE_LOG(WARNING) << "dropped";
  gpr_log(GPR_ERROR, "dropped too");
  EXPECT_THAT(Lines(), Not(Contains(HasSubstr("dropped"))));
}

}  // namespace
}  // namespace service
}  // namespace resolute
