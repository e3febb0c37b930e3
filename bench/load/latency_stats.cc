#include "bench/load/latency_stats.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace resolute {
namespace bench {

absl::Duration Percentile(const std::vector<absl::Duration>& sorted, double percentile) {
  if (sorted.empty()) return absl::ZeroDuration();
  if (percentile <= 0) return sorted.front();
  if (percentile >= 100) return sorted.back();
  // percentile * n first: for an integer percentile the product is exact, so
  // that a rank that is a whole number stays one (7 / 100.0 * 100 is
  // 7.000000000000001, which would round up to rank 8).
  const double rank = std::ceil(percentile * static_cast<double>(sorted.size()) / 100.0);
  const size_t index = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

LatencySummary Summarize(std::vector<absl::Duration> samples) {
  LatencySummary s;
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  s.count = static_cast<int64_t>(samples.size());
  absl::Duration total;
  for (absl::Duration d : samples) total += d;
  s.min = samples.front();
  s.mean = total / s.count;
  s.p50 = Percentile(samples, 50);
  s.p90 = Percentile(samples, 90);
  s.p99 = Percentile(samples, 99);
  s.max = samples.back();
  return s;
}

void LatencyRecorder::Add(absl::Duration latency) {
  absl::MutexLock lock(&mu_);
  samples_.push_back(latency);
}

std::vector<absl::Duration> LatencyRecorder::Take() {
  absl::MutexLock lock(&mu_);
  return std::exchange(samples_, {});
}

}  // namespace bench
}  // namespace resolute
