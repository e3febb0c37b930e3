#include "client/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace resolute {
namespace client {

bool IsRetryable(grpc::StatusCode code) {
  return code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::ABORTED;
}

Backoff::Backoff(RetryOptions options, uint64_t seed)
    : options_(options), random_(seed != 0 ? seed : std::random_device{}()) {}

std::optional<absl::Duration> Backoff::NextDelay() {
  if (++failures_ >= options_.max_attempts) return std::nullopt;
  const double base = absl::ToDoubleSeconds(options_.initial_backoff) *
                      std::pow(options_.multiplier, failures_ - 1);
  const double capped = std::min(base, absl::ToDoubleSeconds(options_.max_backoff));
  std::uniform_real_distribution<double> factor(1.0 - options_.jitter, 1.0 + options_.jitter);
  return absl::Seconds(std::max(0.0, capped * factor(random_)));
}

bool WaitBeforeRetry(grpc::Channel* channel, absl::Duration delay, absl::Notification* cancelled) {
  const absl::Time deadline = absl::Now() + delay;
  grpc_connectivity_state state = channel->GetState(/*try_to_connect=*/true);
  if (state == GRPC_CHANNEL_READY || state == GRPC_CHANNEL_SHUTDOWN) {
    // Connected, so the failure was the server's; or not a channel with a
    // connection to watch (an in-process one): wait the whole delay.
    return cancelled->WaitForNotificationWithTimeout(delay);
  }
  while (!cancelled->HasBeenNotified()) {
    const absl::Time now = absl::Now();
    if (now >= deadline) return false;
    // Short slices, so that a cancel is noticed promptly.
    const absl::Time slice = std::min(deadline, now + absl::Milliseconds(50));
    if (channel->WaitForStateChange(state, absl::ToChronoTime(slice))) {
      state = channel->GetState(/*try_to_connect=*/true);
      if (state == GRPC_CHANNEL_READY) break;
    }
  }
  return cancelled->HasBeenNotified();
}

}  // namespace client
}  // namespace resolute
