#include "pdf/isolated_extractor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/error_reason.h"
#include "pdf/extraction_wire.h"

extern char** environ;

namespace resolute {
namespace {

absl::Status Failed(absl::string_view what) {
  return WithErrorReason(absl::InternalError(absl::StrCat("PDF extractor: ", what)),
                         "PDF_EXTRACTOR_FAILED", "content");
}

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// Milliseconds left until `deadline`, for poll (at least 0).
int MillisLeft(absl::Time deadline) {
  const int64_t ms = absl::ToInt64Milliseconds(deadline - absl::Now());
  return static_cast<int>(std::clamp<int64_t>(ms, 0, 1 << 30));
}

}  // namespace

IsolatedPdfExtractor::IsolatedPdfExtractor(IsolatedExtractorOptions options)
    : options_(std::move(options)) {}

absl::StatusOr<PdfDocument> IsolatedPdfExtractor::Extract(absl::string_view pdf) const {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    return Failed(absl::StrCat("socketpair: ", std::strerror(errno)));
  }
  Fd parent(pair[0]), child(pair[1]);

  std::vector<std::string> args = {options_.program};
  for (const std::string& a : options_.leading_args) args.push_back(a);
  args.push_back(absl::StrCat("--max_pages=", options_.max_pages));
  if (options_.memory_limit_bytes > 0) {
    args.push_back(absl::StrCat("--memory_limit_bytes=", options_.memory_limit_bytes));
  }
  // The kernel's CPU limit backs up the wall-clock timeout.
  const int64_t cpu_seconds =
      static_cast<int64_t>(std::ceil(absl::ToDoubleSeconds(options_.timeout))) + 1;
  args.push_back(absl::StrCat("--cpu_seconds=", cpu_seconds));
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, child.get(), STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGXCPU);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int spawned =
      posix_spawn(&pid, options_.program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  child.Close();
  if (spawned != 0) {
    return Failed(absl::StrCat("cannot start ", options_.program, ": ", std::strerror(spawned)));
  }

  // Write the PDF, then read the answer, within the deadline.
  const absl::Time deadline = absl::Now() + options_.timeout;
  const size_t max_output =
      options_.memory_limit_bytes > 0 ? static_cast<size_t>(options_.memory_limit_bytes) : 1u << 30;
  fcntl(parent.get(), F_SETFL, fcntl(parent.get(), F_GETFL) | O_NONBLOCK);
  std::string output;
  size_t written = 0;
  bool timed_out = false, output_too_large = false;
  if (pdf.empty()) shutdown(parent.get(), SHUT_WR);
  for (;;) {
    struct pollfd p = {parent.get(), static_cast<short>(POLLIN), 0};
    if (written < pdf.size()) p.events |= POLLOUT;
    const int left = MillisLeft(deadline);
    if (left == 0) {
      timed_out = true;
      break;
    }
    const int ready = poll(&p, 1, left);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      timed_out = ready == 0;
      break;
    }
    if ((p.revents & POLLOUT) && written < pdf.size()) {
      const ssize_t n = send(parent.get(), pdf.data() + written, pdf.size() - written,
                             MSG_NOSIGNAL);
      if (n > 0) {
        written += static_cast<size_t>(n);
        if (written == pdf.size()) shutdown(parent.get(), SHUT_WR);
      } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        written = pdf.size();  // the child is gone; its exit status will say why
      }
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buffer[1 << 16];
      const ssize_t n = recv(parent.get(), buffer, sizeof(buffer), 0);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) break;  // end of output
      if (n > 0) output.append(buffer, static_cast<size_t>(n));
      if (output.size() > max_output) {
        output_too_large = true;
        break;
      }
    }
  }
  parent.Close();
  if (timed_out || output_too_large) kill(pid, SIGKILL);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return WithErrorReason(
        absl::DeadlineExceededError(absl::StrCat("PDF: extraction took longer than ",
                                                 absl::FormatDuration(options_.timeout))),
        "PDF_TIMEOUT", "content");
  }
  if (output_too_large) {
    return WithErrorReason(
        absl::ResourceExhaustedError("PDF: the extracted text is larger than the memory limit"),
        "PDF_MEMORY_LIMIT", "content");
  }
  if (WIFSIGNALED(wstatus)) {
    const int sig = WTERMSIG(wstatus);
    if (sig == SIGXCPU) {
      return WithErrorReason(
          absl::ResourceExhaustedError("PDF: extraction used more CPU time than the limit"),
          "PDF_CPU_LIMIT", "content");
    }
    return WithErrorReason(
        absl::InvalidArgumentError(absl::StrCat(
            "PDF: the PDF library failed on this document (extractor killed by signal ", sig,
            ")")),
        "PDF_EXTRACTOR_CRASHED", "content", {{"signal", absl::StrCat(sig)}});
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return Failed(absl::StrCat("exited with status ", WEXITSTATUS(wstatus)));
  }
  return DecodeExtraction(output);
}

}  // namespace resolute
