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
// ("" for the test's own) and `env` ("NAME=value") added to the test's
// environment; returns the exit code (128 + signal if killed).
absl::StatusOr<int> RunProgram(const std::vector<std::string>& argv,
                               const std::string& stdout_path = "",
                               const std::string& stderr_path = "",
                               const std::vector<std::string>& env = {});

// How to start a ServerProcess.
struct ServerProcessOptions {
  // Flags after the defaults (--address=127.0.0.1 --port=PORT
  // --metrics_port=0 --shutdown_grace=0s), so they override them.
  std::vector<std::string> args;
  // The gRPC port; 0 picks one.
  int port = 0;
  // Added to the test's environment ("RESOLUTE_LOG_LEVEL=debug").
  std::vector<std::string> env;
  // Where the server's stderr (its JSON log) goes; "" for the test's own.
  std::string stderr_path;
};

// //service:resolute_server running as a child process on 127.0.0.1.
class ServerProcess {
 public:
  // Starts the server with `args` on `port` (0 picks one) and waits until it
  // prints "listening on HOST:PORT". The metrics port is picked too, and
  // SIGTERM skips the shutdown grace unless `args` set one.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::vector<std::string>& args = {}, int port = 0);
  // The same with every option.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(const ServerProcessOptions& options);

  // Kills the server if it still runs.
  ~ServerProcess();

  int port() const { return port_; }
  // The metrics HTTP port it printed; -1 if none.
  int metrics_port() const { return metrics_port_; }
  // The plaintext probe port it printed; -1 if none.
  int probe_port() const { return probe_port_; }
  pid_t pid() const { return pid_; }
  // "127.0.0.1:PORT".
  std::string target() const;

  // Sends SIGTERM and waits; returns the exit code (128 + signal if killed).
  int Terminate();
  // Sends `signal` without waiting.
  void Signal(int signal);
  // Waits for the process to exit; returns the exit code (128 + signal if
  // killed), or -1 if it had already been waited for.
  int WaitForExit();
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
  int metrics_port_ = -1;
  int probe_port_ = -1;
  bool exited_ = false;
};

// GETs http://127.0.0.1:PORT/PATH; returns the status code and body
// (UNAVAILABLE if nothing answers).
struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string body;
};
absl::StatusOr<HttpResponse> HttpGet(int port, const std::string& path);

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_E2E_PROCESS_H_
