// Test fixture for the `resolute` command line: a real server on a loopback
// port for the whole suite, a scratch folder per test, and Cli runs with
// string streams.
//
//   class MyCliTest : public CliFixture {};
//   TEST_F(MyCliTest, Parses) {
//     CliOutput o = Run({"parse", "--server=" + Server(), Write("a.txt", text)});
//     EXPECT_EQ(o.code, 0);
//   }

#ifndef RESOLUTE_TESTS_CLIENT_CLI_FIXTURE_H_
#define RESOLUTE_TESTS_CLIENT_CLI_FIXTURE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/server.h"

namespace resolute {
namespace client {

// What one Cli run returned and printed.
struct CliOutput {
  int code = 0;
  std::string out;
  std::string err;
};

class CliFixture : public ::testing::Test {
 protected:
  // Starts the suite's server (two worker threads, 127.0.0.1, a free port).
  static void SetUpTestSuite();
  // Stops it.
  static void TearDownTestSuite();
  // Makes an empty scratch folder named after the test.
  void SetUp() override;

  // "127.0.0.1:PORT" of the suite's server.
  static std::string Server();

  // Runs the command line `args` with `stdin_text` as standard input.
  static CliOutput Run(const std::vector<std::string>& args, const std::string& stdin_text = "");

  // Writes `content` to `relative` below the scratch folder; returns its path.
  std::string Write(const std::string& relative, const std::string& content) const;

  // The test's scratch folder.
  const std::filesystem::path& scratch() const { return scratch_; }

  static service::ResoluteServer* server_;
  std::filesystem::path scratch_;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_TESTS_CLIENT_CLI_FIXTURE_H_
