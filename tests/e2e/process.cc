#include "tests/e2e/process.h"

#include <httplib.h>

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
#include "absl/strings/str_split.h"
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

// The test's environment with `extra` added (an extra NAME replaces the
// test's own).
std::vector<std::string> Environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const std::string& x : extra) replaced = replaced || x.rfind(name + "=", 0) == 0;
    if (!replaced) env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

}  // namespace

std::string RunfilesPath(const std::string& relative) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  return absl::StrCat(srcdir != nullptr ? srcdir : ".", "/resolute/", relative);
}

absl::StatusOr<int> RunProgram(const std::vector<std::string>& argv, const std::string& stdout_path,
                               const std::string& stderr_path,
                               const std::vector<std::string>& env) {
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
  const std::vector<std::string> env_strings = Environment(env);
  std::vector<char*> envp = Argv(env_strings);
  const int err = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
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
  ServerProcessOptions options;
  options.args = args;
  options.port = port;
  return Start(options);
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const ServerProcessOptions& options) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return absl::InternalError("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  if (!options.stderr_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, options.stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  // Tests run in parallel: never the fixed default metrics port. And no
  // grace after SIGTERM unless a test asks for one (later flags win).
  std::vector<std::string> argv = {RunfilesPath("service/resolute_server"), "--address=127.0.0.1",
                                   absl::StrCat("--port=", options.port), "--metrics_port=0",
                                   "--shutdown_grace=0s"};
  argv.insert(argv.end(), options.args.begin(), options.args.end());
  std::vector<char*> c_argv = Argv(argv);
  const std::vector<std::string> env_strings = Environment(options.env);
  std::vector<char*> envp = Argv(env_strings);
  pid_t pid;
  const int err = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (err != 0) {
    close(pipe_fds[0]);
    return absl::InternalError(absl::StrCat("cannot start ", argv[0], ": ", strerror(err)));
  }
  std::unique_ptr<ServerProcess> server(new ServerProcess(pid, pipe_fds[0], -1));
  // The server prints its ports in one write: "listening on 127.0.0.1:PORT"
  // first, then "metrics listening on ..." and "probes listening on ...".
  std::string text;
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (text.empty() || text.back() != '\n') {
    pollfd p = {pipe_fds[0], POLLIN, 0};
    const int wait_ms = static_cast<int>(absl::ToInt64Milliseconds(deadline - absl::Now()));
    if (wait_ms <= 0 || poll(&p, 1, wait_ms) <= 0) {
      return absl::DeadlineExceededError("the server printed no port");
    }
    char buffer[512];
    const ssize_t n = read(pipe_fds[0], buffer, sizeof(buffer));
    if (n <= 0) return absl::UnavailableError(absl::StrCat("the server exited: ", text));
    text.append(buffer, static_cast<size_t>(n));
  }
  const auto port_of = [](const std::string& line, int* port) {
    const size_t colon = line.rfind(':');
    return colon != std::string::npos && absl::SimpleAtoi(line.substr(colon + 1), port);
  };
  bool first = true;
  for (absl::string_view view : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    const std::string line(view);
    if (first) {
      if (line.rfind("listening on ", 0) != 0 || !port_of(line, &server->port_)) {
        return absl::InternalError(absl::StrCat("unexpected first line: ", line));
      }
      first = false;
    } else if (line.rfind("metrics listening on ", 0) == 0) {
      port_of(line, &server->metrics_port_);
    } else if (line.rfind("probes listening on ", 0) == 0) {
      port_of(line, &server->probe_port_);
    }
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

void ServerProcess::Signal(int signal) {
  if (!exited_) kill(pid_, signal);
}

int ServerProcess::WaitForExit() {
  if (exited_) return -1;
  return Wait();
}

void ServerProcess::Kill() {
  if (exited_) return;
  kill(pid_, SIGKILL);
  Wait();
}

void ServerProcess::Freeze() { kill(pid_, SIGSTOP); }

absl::StatusOr<HttpResponse> HttpGet(int port, const std::string& path) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  httplib::Result result = client.Get(path.c_str());
  if (!result) {
    return absl::UnavailableError(
        absl::StrCat("GET 127.0.0.1:", port, path, ": ", httplib::to_string(result.error())));
  }
  HttpResponse response;
  response.status = result->status;
  response.content_type = result->get_header_value("Content-Type");
  response.body = result->body;
  return response;
}

}  // namespace testing
}  // namespace resolute
