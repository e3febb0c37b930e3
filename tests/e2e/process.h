// Test helpers: the real binaries as child processes.
//
//   auto server = ServerProcess::Start({"--worker_threads=2"});
//   auto channel = grpc::CreateChannel((*server)->target(), ...);
//   ...
//   EXPECT_EQ((*server)->Terminate(), 0);

#ifndef RESOLUTE_TESTS_E2E_PROCESS_H_
#define RESOLUTE_TESTS_E2E_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace resolute {
namespace testing {

// The path of `relative` ("service/resolute_server") in the test's runfiles.
std::string RunfilesPath(const std::string& relative);

// Runs `argv` to completion with stdout and stderr sent to the given files
// ("" for the test's own); returns the exit code (128 + signal if killed).
absl::StatusOr<int> RunProgram(const std::vector<std::string>& argv,
                               const std::string& stdout_path = "",
                               const std::string& stderr_path = "");

// //service:resolute_server running as a child process on 127.0.0.1.
class ServerProcess {
 public:
  // Starts the server with `args` on `port` (0 picks one) and waits until it
  // prints "listening on HOST:PORT".
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::vector<std::string>& args = {}, int port = 0);

  // Kills the server if it still runs.
  ~ServerProcess();

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // "127.0.0.1:PORT".
  std::string target() const;

  // Sends SIGTERM and waits; returns the exit code (128 + signal if killed).
  int Terminate();
  // Sends SIGKILL and waits.
  void Kill();
  // Sends SIGSTOP: the process freezes with its connections open.
  void Freeze();

 private:
  ServerProcess(pid_t pid, int stdout_fd, int port)
      : pid_(pid), stdout_fd_(stdout_fd), port_(port) {}
  int Wait();

  pid_t pid_;
  int stdout_fd_;
  int port_;
  bool exited_ = false;
};

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_E2E_PROCESS_H_
