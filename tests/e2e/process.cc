#include "tests/e2e/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

extern char** environ;

namespace resolute {
namespace testing {
namespace {

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

int ExitCode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::string RunfilesPath(const std::string& relative) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  return absl::StrCat(srcdir != nullptr ? srcdir : ".", "/resolute/", relative);
}

absl::StatusOr<int> RunProgram(const std::vector<std::string>& argv, const std::string& stdout_path,
                               const std::string& stderr_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!stdout_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  if (!stderr_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  pid_t pid;
  std::vector<char*> args = Argv(argv);
  const int err = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0)
    return absl::InternalError(absl::StrCat("cannot run ", argv[0], ": ", strerror(err)));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return ExitCode(status);
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const std::vector<std::string>& args, int port) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return absl::InternalError("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  std::vector<std::string> argv = {RunfilesPath("service/resolute_server"), "--address=127.0.0.1",
                                   absl::StrCat("--port=", port)};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv = Argv(argv);
  pid_t pid;
  const int err = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (err != 0) {
    close(pipe_fds[0]);
    return absl::InternalError(absl::StrCat("cannot start ", argv[0], ": ", strerror(err)));
  }
  std::unique_ptr<ServerProcess> server(new ServerProcess(pid, pipe_fds[0], -1));
  // Read the first line: "listening on 127.0.0.1:PORT".
  std::string line;
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (line.find('\n') == std::string::npos) {
    pollfd p = {pipe_fds[0], POLLIN, 0};
    const int wait_ms = static_cast<int>(absl::ToInt64Milliseconds(deadline - absl::Now()));
    if (wait_ms <= 0 || poll(&p, 1, wait_ms) <= 0) {
      return absl::DeadlineExceededError("the server printed no port");
    }
    char buffer[256];
    const ssize_t n = read(pipe_fds[0], buffer, sizeof(buffer));
    if (n <= 0) return absl::UnavailableError(absl::StrCat("the server exited: ", line));
    line.append(buffer, static_cast<size_t>(n));
  }
  line = line.substr(0, line.find('\n'));
  const size_t colon = line.rfind(':');
  if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos ||
      !absl::SimpleAtoi(line.substr(colon + 1), &server->port_)) {
    return absl::InternalError(absl::StrCat("unexpected first line: ", line));
  }
  return server;
}

ServerProcess::~ServerProcess() {
  if (!exited_) Kill();
  close(stdout_fd_);
}

std::string ServerProcess::target() const { return absl::StrCat("127.0.0.1:", port_); }

int ServerProcess::Wait() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  exited_ = true;
  return ExitCode(status);
}

int ServerProcess::Terminate() {
  if (exited_) return -1;
  kill(pid_, SIGTERM);
  return Wait();
}

void ServerProcess::Kill() {
  if (exited_) return;
  kill(pid_, SIGKILL);
  Wait();
}

void ServerProcess::Freeze() { kill(pid_, SIGSTOP); }

}  // namespace testing
}  // namespace resolute
