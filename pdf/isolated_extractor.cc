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

// Milliseconds left until `deadline`, for poll (at least 0).
int MillisLeft(absl::Time deadline) {
  const int64_t ms = absl::ToInt64Milliseconds(deadline - absl::Now());
  return static_cast<int>(std::clamp<int64_t>(ms, 0, 1 << 30));
}

// How one exchange with a process ended.
enum class Exchange { kDone, kTimedOut, kClosed, kTooLarge };

// Writes `out` to `fd` and reads one framed answer into `*in`, by `deadline`.
Exchange Talk(int fd, const std::string& out, size_t max_in, absl::Time deadline,
              std::string* in) {
  size_t written = 0;
  std::string received;
  size_t want = 0;  // the answer's length once its header is in
  for (;;) {
    if (received.size() >= 4 && want == 0) {
      const auto* h = reinterpret_cast<const unsigned char*>(received.data());
      want = 4 + (h[0] | h[1] << 8 | h[2] << 16 | static_cast<size_t>(h[3]) << 24);
      if (want - 4 > max_in) return Exchange::kTooLarge;
    }
    if (want > 0 && received.size() >= want) {
      if (received.size() > want) return Exchange::kClosed;  // more than one answer
      in->assign(received, 4, std::string::npos);
      return Exchange::kDone;
    }
    struct pollfd p = {fd, static_cast<short>(POLLIN), 0};
    if (written < out.size()) p.events |= POLLOUT;
    const int left = MillisLeft(deadline);
    if (left == 0) return Exchange::kTimedOut;
    const int ready = poll(&p, 1, left);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return Exchange::kTimedOut;
    if (ready < 0) return Exchange::kClosed;
    if ((p.revents & POLLOUT) && written < out.size()) {
      const ssize_t n = send(fd, out.data() + written, out.size() - written, MSG_NOSIGNAL);
      if (n > 0) {
        written += static_cast<size_t>(n);
      } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        return Exchange::kClosed;
      }
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buffer[1 << 16];
      const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return Exchange::kClosed;
      if (n > 0) received.append(buffer, static_cast<size_t>(n));
    }
  }
}

}  // namespace

IsolatedPdfExtractor::IsolatedPdfExtractor(IsolatedExtractorOptions options)
    : options_(std::move(options)) {}

IsolatedPdfExtractor::~IsolatedPdfExtractor() {
  absl::MutexLock lock(&mu_);
  for (Process& p : idle_) End(p, /*kill=*/false);
  idle_.clear();
}

int IsolatedPdfExtractor::processes_started() const {
  absl::MutexLock lock(&mu_);
  return started_;
}

absl::StatusOr<IsolatedPdfExtractor::Process> IsolatedPdfExtractor::Start() const {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    return Failed(absl::StrCat("socketpair: ", std::strerror(errno)));
  }
  std::vector<std::string> args = {options_.program};
  for (const std::string& a : options_.leading_args) args.push_back(a);
  args.push_back(absl::StrCat("--max_pages=", options_.max_pages));
  if (options_.memory_limit_bytes > 0) {
    args.push_back(absl::StrCat("--memory_limit_bytes=", options_.memory_limit_bytes));
  }
  // The kernel's CPU limit backs up the wall-clock timeout, over all the
  // documents one process may serve.
  const int64_t cpu_seconds =
      (static_cast<int64_t>(std::ceil(absl::ToDoubleSeconds(options_.timeout))) + 1) *
      std::max(1, options_.documents_per_process);
  args.push_back(absl::StrCat("--cpu_seconds=", cpu_seconds));
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pair[1], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pair[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGXCPU}) sigaddset(&defaults, sig);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int spawned =
      posix_spawn(&pid, options_.program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(pair[1]);
  if (spawned != 0) {
    close(pair[0]);
    return Failed(absl::StrCat("cannot start ", options_.program, ": ", std::strerror(spawned)));
  }
  fcntl(pair[0], F_SETFL, fcntl(pair[0], F_GETFL) | O_NONBLOCK);
  {
    absl::MutexLock lock(&mu_);
    ++started_;
  }
  Process p;
  p.pid = pid;
  p.fd = pair[0];
  return p;
}

int IsolatedPdfExtractor::End(Process p, bool kill_first) {
  if (kill_first) kill(p.pid, SIGKILL);
  close(p.fd);  // an idle process sees its input end and exits
  int wstatus = 0;
  while (waitpid(p.pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  return wstatus;
}

absl::StatusOr<PdfDocument> IsolatedPdfExtractor::Extract(absl::string_view pdf) const {
  Process process;
  {
    absl::MutexLock lock(&mu_);
    if (!idle_.empty()) {
      process = idle_.back();
      idle_.pop_back();
    }
  }
  if (process.pid < 0) {
    absl::StatusOr<Process> started = Start();
    if (!started.ok()) return started.status();
    process = *started;
  }

  std::string request;
  request.reserve(4 + pdf.size());
  const uint32_t n = static_cast<uint32_t>(pdf.size());
  for (int i = 0; i < 4; ++i) request.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  request.append(pdf.data(), pdf.size());
  const size_t max_answer = options_.memory_limit_bytes > 0
                                ? static_cast<size_t>(options_.memory_limit_bytes)
                                : size_t{1} << 30;
  std::string answer;
  const Exchange exchange =
      Talk(process.fd, request, max_answer, absl::Now() + options_.timeout, &answer);

  if (exchange == Exchange::kDone) {
    absl::StatusOr<PdfDocument> doc = DecodeExtraction(answer);
    ++process.documents;
    if (doc.ok() && process.documents < options_.documents_per_process) {
      absl::MutexLock lock(&mu_);
      idle_.push_back(process);
    } else {
      End(process, /*kill=*/!doc.ok() && GetErrorReason(doc.status()).reason ==
                                              "PDF_EXTRACTOR_OUTPUT");
    }
    return doc;
  }
  const int wstatus = End(process, /*kill=*/exchange != Exchange::kClosed);
  if (exchange == Exchange::kTimedOut) {
    return WithErrorReason(
        absl::DeadlineExceededError(absl::StrCat("PDF: extraction took longer than ",
                                                 absl::FormatDuration(options_.timeout))),
        "PDF_TIMEOUT", "content");
  }
  if (exchange == Exchange::kTooLarge) {
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
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) != 0) {
    return Failed(absl::StrCat("exited with status ", WEXITSTATUS(wstatus)));
  }
  return WithErrorReason(absl::InternalError("PDF extractor: its output is incomplete or garbled"),
                         "PDF_EXTRACTOR_OUTPUT", "content");
}

}  // namespace resolute
