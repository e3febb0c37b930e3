// Latency statistics of a benchmark run: nearest-rank percentiles over every
// sample (no sampling, no histogram error).
//
//   LatencyRecorder recorder;
//   recorder.Add(absl::Microseconds(480));   // from any thread
//   LatencySummary s = Summarize(recorder.Take());
//   // s.p50, s.p90, s.p99, s.max, s.mean, s.count
//
// The p-th percentile of n samples is the smallest sample that at least p % of
// the samples do not exceed: sorted[ceil(p / 100 * n) - 1] (nearest rank), so
// it is always a latency that was actually observed.

#ifndef RESOLUTE_BENCH_LOAD_LATENCY_STATS_H_
#define RESOLUTE_BENCH_LOAD_LATENCY_STATS_H_

#include <cstdint>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace resolute {
namespace bench {

// What a set of latencies comes to; all zero for no samples.
struct LatencySummary {
  int64_t count = 0;
  absl::Duration min;
  absl::Duration mean;
  absl::Duration p50;
  absl::Duration p90;
  absl::Duration p99;
  absl::Duration max;
};

// Returns the nearest-rank `percentile` (0 < percentile <= 100) of `sorted`,
// which must be sorted ascending; zero if it is empty. Percentiles <= 0 give
// the minimum, > 100 the maximum.
absl::Duration Percentile(const std::vector<absl::Duration>& sorted, double percentile);

// Returns the summary of `samples` (in any order; sorted in place).
LatencySummary Summarize(std::vector<absl::Duration> samples);

// Collects latencies from many threads.
class LatencyRecorder {
 public:
  LatencyRecorder() = default;
  LatencyRecorder(const LatencyRecorder&) = delete;
  LatencyRecorder& operator=(const LatencyRecorder&) = delete;

  // Adds one sample. Thread-safe.
  void Add(absl::Duration latency) ABSL_LOCKS_EXCLUDED(mu_);

  // Returns the samples added so far and forgets them. Thread-safe.
  std::vector<absl::Duration> Take() ABSL_LOCKS_EXCLUDED(mu_);

 private:
  absl::Mutex mu_;
  std::vector<absl::Duration> samples_ ABSL_GUARDED_BY(mu_);
};

}  // namespace bench
}  // namespace resolute

#endif  // RESOLUTE_BENCH_LOAD_LATENCY_STATS_H_
