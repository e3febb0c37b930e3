// Flags from RESOLUTE_* environment variables: mapping, precedence of the
// command line, bad values, unknown variables, the help listing.

#include "service/env_flags.h"

#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_FLAG(int, test_port, 50051, "A port.");
ABSL_FLAG(std::string, test_address, "0.0.0.0", "An address.");
ABSL_FLAG(absl::Duration, test_grace, absl::Seconds(5), "A grace.");
ABSL_FLAG(bool, test_verbose, false, "A switch.");

namespace resolute {
namespace service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

EnvFlagOptions TestOptions() {
  EnvFlagOptions options;
  options.prefix = "RESOLUTE_";
  options.eligible = [](const absl::CommandLineFlag& flag) {
    return absl::StartsWith(flag.Name(), "test_");
  };
  return options;
}

class EnvFlagsTest : public ::testing::Test {
 protected:
  absl::FlagSaver saver_;  // Every test starts from the defaults.
};

TEST_F(EnvFlagsTest, VariableNames) {
  EXPECT_EQ(EnvVarName("RESOLUTE_", "port"), "RESOLUTE_PORT");
  EXPECT_EQ(EnvVarName("RESOLUTE_", "max_connection_age"), "RESOLUTE_MAX_CONNECTION_AGE");
}

TEST_F(EnvFlagsTest, SetsFlagsFromTheirVariables) {
  auto report = SetFlagsFromEnvironment(
      {"HOME=/root", "RESOLUTE_TEST_PORT=8080", "RESOLUTE_TEST_GRACE=1m30s",
       "RESOLUTE_TEST_VERBOSE=true", "RESOLUTE_TEST_ADDRESS=a=b"},
      TestOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(absl::GetFlag(FLAGS_test_port), 8080);
  EXPECT_EQ(absl::GetFlag(FLAGS_test_grace), absl::Seconds(90));
  EXPECT_TRUE(absl::GetFlag(FLAGS_test_verbose));
  EXPECT_EQ(absl::GetFlag(FLAGS_test_address), "a=b");  // Only the first '=' splits.
  EXPECT_THAT(report->applied,
              ElementsAre("RESOLUTE_TEST_PORT=8080", "RESOLUTE_TEST_GRACE=1m30s",
                          "RESOLUTE_TEST_VERBOSE=true", "RESOLUTE_TEST_ADDRESS=a=b"));
  EXPECT_THAT(report->warnings, IsEmpty());
}

TEST_F(EnvFlagsTest, CommandLineWinsOverTheEnvironment) {
  ASSERT_TRUE(SetFlagsFromEnvironment({"RESOLUTE_TEST_PORT=8080", "RESOLUTE_TEST_GRACE=9s"},
                                      TestOptions())
                  .ok());
  // What main does next.
  const char* argv[] = {"server", "--test_port=9000"};
  absl::ParseCommandLine(2, const_cast<char**>(argv));
  EXPECT_EQ(absl::GetFlag(FLAGS_test_port), 9000);               // The command line.
  EXPECT_EQ(absl::GetFlag(FLAGS_test_grace), absl::Seconds(9));  // The environment.
  EXPECT_EQ(absl::GetFlag(FLAGS_test_address), "0.0.0.0");       // The default.
}

TEST_F(EnvFlagsTest, BadValuesAreErrorsNamingTheVariable) {
  const std::pair<std::string, std::string> bad[] = {
      {"RESOLUTE_TEST_PORT=abc", "RESOLUTE_TEST_PORT=\"abc\" is not a valid value for --test_port"},
      {"RESOLUTE_TEST_PORT=99999999999", "--test_port"},
      {"RESOLUTE_TEST_GRACE=5", "RESOLUTE_TEST_GRACE"},
      {"RESOLUTE_TEST_GRACE=soon", "--test_grace"},
      {"RESOLUTE_TEST_VERBOSE=maybe", "--test_verbose"},
  };
  for (const auto& [entry, message] : bad) {
    auto report = SetFlagsFromEnvironment({entry}, TestOptions());
    ASSERT_FALSE(report.ok()) << entry;
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument) << entry;
    EXPECT_THAT(report.status().message(), HasSubstr(message)) << entry;
  }
  EXPECT_EQ(absl::GetFlag(FLAGS_test_port), 50051);
}

TEST_F(EnvFlagsTest, UnknownVariablesWithThePrefixAreWarnings) {
  auto report = SetFlagsFromEnvironment(
      {"RESOLUTE_PORTT=1", "RESOLUTE_TEST_PORT=7", "RESOLUTE_DEPLOY_CACHE=/x", "OTHER_PORT=3",
       "RESOLUTE_test_port=8"},
      TestOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(absl::GetFlag(FLAGS_test_port), 7);
  ASSERT_EQ(report->warnings.size(), 3u);
  EXPECT_THAT(report->warnings[0], HasSubstr("RESOLUTE_PORTT names no flag"));
  EXPECT_THAT(report->warnings[1], HasSubstr("RESOLUTE_DEPLOY_CACHE"));
  EXPECT_THAT(report->warnings[2], HasSubstr("RESOLUTE_test_port"));  // Names are upper case.
}

TEST_F(EnvFlagsTest, IneligibleFlagsAreNotSettable) {
  EnvFlagOptions options = TestOptions();
  options.eligible = [](const absl::CommandLineFlag& flag) { return flag.Name() == "test_port"; };
  auto report = SetFlagsFromEnvironment({"RESOLUTE_TEST_GRACE=1s"}, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->warnings.size(), 1u);
  EXPECT_EQ(absl::GetFlag(FLAGS_test_grace), absl::Seconds(5));
}

TEST_F(EnvFlagsTest, HelpListsEveryFlagWithItsVariableAndDefault) {
  const std::string help = EnvFlagsHelp(TestOptions());
  EXPECT_EQ(help,
            "  --test_address=STRING (env RESOLUTE_TEST_ADDRESS)\n"
            "      An address. Default: 0.0.0.0.\n"
            "  --test_grace=DURATION (env RESOLUTE_TEST_GRACE)\n"
            "      A grace. Default: 5s.\n"
            "  --test_port=INT (env RESOLUTE_TEST_PORT)\n"
            "      A port. Default: 50051.\n"
            "  --test_verbose=BOOL (env RESOLUTE_TEST_VERBOSE)\n"
            "      A switch. Default: false.\n");
}

}  // namespace
}  // namespace service
}  // namespace resolute
