// Graceful shutdown: what the server does between SIGTERM and its exit.
//
//   ShutdownSignals signals;  // first thing in main: blocks SIGTERM and SIGINT
//   ... start threads and servers ...
//   const int signal = signals.Wait();
//   RunGracefulShutdown(server.get(), {.grace = absl::Seconds(5),
//                                      .drain_deadline = absl::Seconds(20)},
//                       &logger, [&](absl::Duration d) { return signals.WaitFor(d) != 0; });
//
// The sequence, built for Kubernetes rolling updates:
//   1. readiness turns NOT_SERVING at once (health "" and every service), so
//      the kubelet takes the pod out of the Services' endpoints;
//   2. for `grace`, new calls are still accepted and served, while
//      endpoints, DNS and clients catch up (a second signal cuts it short);
//   3. the server stops accepting calls and gives the calls in flight,
//      streams included, `drain_deadline` to finish; those still running
//      then are cancelled;
//   4. RunGracefulShutdown returns, and the process exits 0.

#ifndef RESOLUTE_SERVICE_SHUTDOWN_H_
#define RESOLUTE_SERVICE_SHUTDOWN_H_

#include <signal.h>

#include <functional>
#include <string>

#include "absl/time/time.h"
#include "service/json_log.h"

namespace resolute {
namespace service {

// What RunGracefulShutdown acts on (ResoluteServer implements it).
class ShutdownTarget {
 public:
  virtual ~ShutdownTarget() = default;
  // Sets every health status to SERVING or NOT_SERVING.
  virtual void SetServing(bool serving) = 0;
  // Stops accepting calls and waits for those in flight, cancelling what is
  // left after `deadline`; blocks until they have all ended.
  virtual void Shutdown(absl::Duration deadline) = 0;
};

// The two durations of the sequence.
struct ShutdownOptions {
  // How long new calls are still served after the signal.
  absl::Duration grace = absl::Seconds(5);
  // How long calls in flight then get before they are cancelled.
  absl::Duration drain_deadline = absl::Seconds(20);
};

// What RunGracefulShutdown observed.
struct ShutdownReport {
  // How long the grace lasted (shorter if it was cut short).
  absl::Duration grace;
  // How long the drain took.
  absl::Duration drain;
  // Whether the drain reached its deadline (calls were then cancelled).
  bool deadline_reached = false;
};

// Runs steps 1 to 3 on `target`, logging each to `logger` (may be null).
// `wait` sleeps for the given duration and returns true if it was cut short
// (a second signal); nullptr means absl::SleepFor.
ShutdownReport RunGracefulShutdown(ShutdownTarget* target, const ShutdownOptions& options,
                                   Logger* logger,
                                   const std::function<bool(absl::Duration)>& wait = nullptr);

// SIGTERM and SIGINT, received synchronously. Construct it in main before any
// thread starts: it blocks both signals in the calling thread, and threads
// started afterwards inherit the mask, so only Wait/WaitFor receive them.
// Restores the previous mask when destroyed.
class ShutdownSignals {
 public:
  ShutdownSignals();
  ~ShutdownSignals();
  ShutdownSignals(const ShutdownSignals&) = delete;
  ShutdownSignals& operator=(const ShutdownSignals&) = delete;

  // Blocks until SIGTERM or SIGINT arrives; returns its number.
  int Wait();
  // Like Wait, but gives up after `timeout` and returns 0.
  int WaitFor(absl::Duration timeout);

 private:
  sigset_t signals_;
  sigset_t previous_;
};

// Returns "SIGTERM", "SIGINT" or "signal N".
std::string SignalName(int signal);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_SHUTDOWN_H_
