// Retry policy of the reference client: which failures are transient, and
// exponential backoff with jitter between attempts.
//
//   Backoff backoff(RetryOptions{});
//   while (true) {
//     grpc::Status s = Attempt();
//     if (s.ok() || !IsRetryable(s.error_code())) break;
//     std::optional<absl::Duration> delay = backoff.NextDelay();
//     if (!delay) break;  // Gave up.
//     if (WaitBeforeRetry(channel.get(), *delay, &cancelled)) break;
//   }
//
// Parsing is idempotent, so resending a document is always safe.

#ifndef RESOLUTE_CLIENT_RETRY_POLICY_H_
#define RESOLUTE_CLIENT_RETRY_POLICY_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <optional>
#include <random>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace resolute {
namespace client {

// How often and how patiently to retry.
struct RetryOptions {
  // Attempts in a row without progress before giving up (1 = no retries).
  int max_attempts = 8;
  // Delay before the first retry.
  absl::Duration initial_backoff = absl::Milliseconds(100);
  // Upper bound on the delay.
  absl::Duration max_backoff = absl::Seconds(5);
  // Growth of the delay per retry.
  double multiplier = 2.0;
  // Each delay is scaled by a random factor in [1 - jitter, 1 + jitter].
  double jitter = 0.2;
};

// Returns true for failures worth retrying: UNAVAILABLE (server down,
// restarting, draining, connection broken) and ABORTED (a stream ended with
// documents unanswered). Everything else is the caller's or the document's
// problem, which a retry would only repeat.
bool IsRetryable(grpc::StatusCode code);

// Delays between attempts of one operation.
class Backoff {
 public:
  // `seed` makes the jitter reproducible in tests; 0 seeds randomly.
  explicit Backoff(RetryOptions options, uint64_t seed = 0);

  // Records a failed attempt and returns how long to wait before the next
  // one, or nothing if `max_attempts` attempts in a row have now failed.
  std::optional<absl::Duration> NextDelay();

  // Records progress: the next failure starts from the initial delay again.
  void Reset() { failures_ = 0; }

  // Failed attempts since the last Reset.
  int failures() const { return failures_; }

 private:
  RetryOptions options_;
  int failures_ = 0;
  std::mt19937_64 random_;
};

// Waits `delay` before a retry on `channel`, or less: if the channel was not
// connected, it is asked to connect and the wait ends as soon as it is (a
// restarted server is used at once). Meanwhile this thread drives the
// connection attempt, which a sync-API client otherwise leaves unattended
// between calls. (An in-process channel, which has no connection, just
// waits `delay`.) Returns true if `cancelled` was notified, which also ends
// the wait.
bool WaitBeforeRetry(grpc::Channel* channel, absl::Duration delay, absl::Notification* cancelled);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_RETRY_POLICY_H_
