#include "service/shutdown.h"

#include <pthread.h>

#include <cerrno>
#include <ctime>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace resolute {
namespace service {

ShutdownReport RunGracefulShutdown(ShutdownTarget* target, const ShutdownOptions& options,
                                   Logger* logger,
                                   const std::function<bool(absl::Duration)>& wait) {
  ShutdownReport report;
  target->SetServing(false);
  if (logger != nullptr) {
    logger->Info("shutdown: health is NOT_SERVING; new calls are still served during the grace",
                 {{"grace_ms", absl::ToInt64Milliseconds(options.grace)},
                  {"drain_deadline_ms", absl::ToInt64Milliseconds(options.drain_deadline)}});
  }
  const absl::Time grace_start = absl::Now();
  bool cut_short = false;
  if (options.grace > absl::ZeroDuration()) {
    if (wait) {
      cut_short = wait(options.grace);
    } else {
      absl::SleepFor(options.grace);
    }
  }
  report.grace = absl::Now() - grace_start;
  if (logger != nullptr) {
    logger->Info(cut_short ? "shutdown: second signal, grace cut short; draining"
                           : "shutdown: grace over; no new calls accepted, draining",
                 {{"grace_ms", absl::ToInt64Milliseconds(report.grace)}});
  }
  const absl::Time drain_start = absl::Now();
  target->Shutdown(options.drain_deadline);
  report.drain = absl::Now() - drain_start;
  report.deadline_reached = report.drain >= options.drain_deadline;
  if (logger != nullptr) {
    if (report.deadline_reached) {
      logger->Warning("shutdown: drain deadline reached; calls still running were cancelled",
                      {{"drain_ms", absl::ToInt64Milliseconds(report.drain)}});
    } else {
      logger->Info("shutdown: every call finished",
                   {{"drain_ms", absl::ToInt64Milliseconds(report.drain)}});
    }
  }
  return report;
}

ShutdownSignals::ShutdownSignals() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
}

ShutdownSignals::~ShutdownSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

int ShutdownSignals::Wait() {
  while (true) {
    int signal = 0;
    if (sigwait(&signals_, &signal) == 0) return signal;
  }
}

int ShutdownSignals::WaitFor(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return 0;
    const timespec ts = absl::ToTimespec(left);
    const int signal = sigtimedwait(&signals_, nullptr, &ts);
    if (signal > 0) return signal;
    if (errno == EAGAIN) return 0;  // Timed out.
    // EINTR: another signal's handler ran; wait for the rest.
  }
}

std::string SignalName(int signal) {
  if (signal == SIGTERM) return "SIGTERM";
  if (signal == SIGINT) return "SIGINT";
  return absl::StrCat("signal ", signal);
}

}  // namespace service
}  // namespace resolute
