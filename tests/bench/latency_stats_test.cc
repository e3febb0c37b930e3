// Nearest-rank percentiles and summaries of bench/load/latency_stats.h on sample
// sets worked out by hand, and LatencyRecorder fed from several threads.

#include "bench/load/latency_stats.h"

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace bench {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// 1 ms, 2 ms, ..., n ms.
std::vector<absl::Duration> Milliseconds(int n) {
  std::vector<absl::Duration> v;
  for (int i = 1; i <= n; ++i) v.push_back(absl::Milliseconds(i));
  return v;
}

TEST(Percentile, NearestRankOfTenSamples) {
  const std::vector<absl::Duration> sorted = Milliseconds(10);
  // rank = ceil(p / 100 * 10).
  EXPECT_EQ(Percentile(sorted, 1), absl::Milliseconds(1));
  EXPECT_EQ(Percentile(sorted, 10), absl::Milliseconds(1));
  EXPECT_EQ(Percentile(sorted, 11), absl::Milliseconds(2));
  EXPECT_EQ(Percentile(sorted, 50), absl::Milliseconds(5));
  EXPECT_EQ(Percentile(sorted, 50.1), absl::Milliseconds(6));
  EXPECT_EQ(Percentile(sorted, 90), absl::Milliseconds(9));
  EXPECT_EQ(Percentile(sorted, 99), absl::Milliseconds(10));
  EXPECT_EQ(Percentile(sorted, 100), absl::Milliseconds(10));
}

TEST(Percentile, NearestRankOfHundredSamplesIsExact) {
  const std::vector<absl::Duration> sorted = Milliseconds(100);
  // With 100 samples the p-th percentile is the p-th smallest, for every
  // integer p: no rank may be pushed up by floating-point rounding (7 / 100.0
  // * 100 is 7.000000000000001 in doubles).
  for (int p = 1; p <= 100; ++p) {
    EXPECT_EQ(Percentile(sorted, p), absl::Milliseconds(p)) << "p" << p;
  }
}

TEST(Percentile, FractionalPercentiles) {
  const std::vector<absl::Duration> sorted = Milliseconds(1000);
  EXPECT_EQ(Percentile(sorted, 99.9), absl::Milliseconds(999));
  EXPECT_EQ(Percentile(sorted, 99.95), absl::Milliseconds(1000));
  EXPECT_EQ(Percentile(sorted, 0.1), absl::Milliseconds(1));
  EXPECT_EQ(Percentile(sorted, 0.15), absl::Milliseconds(2));
  EXPECT_EQ(Percentile(sorted, 12.5), absl::Milliseconds(125));
}

TEST(Percentile, EdgePercentilesGiveMinimumAndMaximum) {
  const std::vector<absl::Duration> sorted = {absl::Microseconds(3), absl::Microseconds(8),
                                              absl::Microseconds(40)};
  EXPECT_EQ(Percentile(sorted, 0), absl::Microseconds(3));
  EXPECT_EQ(Percentile(sorted, -5), absl::Microseconds(3));
  EXPECT_EQ(Percentile(sorted, 1e-9), absl::Microseconds(3));
  EXPECT_EQ(Percentile(sorted, 100), absl::Microseconds(40));
  EXPECT_EQ(Percentile(sorted, 250), absl::Microseconds(40));
  // 33 % of 3 samples is 0.99 of a sample: the first; 34 %, the second.
  EXPECT_EQ(Percentile(sorted, 33), absl::Microseconds(3));
  EXPECT_EQ(Percentile(sorted, 34), absl::Microseconds(8));
  EXPECT_EQ(Percentile(sorted, 67), absl::Microseconds(40));
}

TEST(Percentile, EmptyAndSingle) {
  EXPECT_EQ(Percentile({}, 50), absl::ZeroDuration());
  EXPECT_EQ(Percentile({}, 0), absl::ZeroDuration());
  EXPECT_EQ(Percentile({}, 100), absl::ZeroDuration());
  const std::vector<absl::Duration> one = {absl::Milliseconds(7)};
  for (double p : {0.0, 1.0, 50.0, 99.0, 100.0}) {
    EXPECT_EQ(Percentile(one, p), absl::Milliseconds(7)) << p;
  }
}

TEST(Summarize, FiveUnsortedSamples) {
  const LatencySummary s =
      Summarize({absl::Microseconds(300), absl::Microseconds(100), absl::Microseconds(500),
                 absl::Microseconds(200), absl::Microseconds(400)});
  EXPECT_EQ(s.count, 5);
  EXPECT_EQ(s.min, absl::Microseconds(100));
  EXPECT_EQ(s.mean, absl::Microseconds(300));
  EXPECT_EQ(s.p50, absl::Microseconds(300));  // ceil(2.5) = 3rd.
  EXPECT_EQ(s.p90, absl::Microseconds(500));  // ceil(4.5) = 5th.
  EXPECT_EQ(s.p99, absl::Microseconds(500));
  EXPECT_EQ(s.max, absl::Microseconds(500));
}

TEST(Summarize, HundredShuffledSamples) {
  std::vector<absl::Duration> samples = Milliseconds(100);
  std::shuffle(samples.begin(), samples.end(), std::mt19937(12345));
  const LatencySummary s = Summarize(samples);
  EXPECT_EQ(s.count, 100);
  EXPECT_EQ(s.min, absl::Milliseconds(1));
  EXPECT_EQ(s.mean, absl::Microseconds(50500));
  EXPECT_EQ(s.p50, absl::Milliseconds(50));
  EXPECT_EQ(s.p90, absl::Milliseconds(90));
  EXPECT_EQ(s.p99, absl::Milliseconds(99));
  EXPECT_EQ(s.max, absl::Milliseconds(100));
}

TEST(Summarize, OneSlowOutlierShowsOnlyInTheTail) {
  // 99 calls of 1 ms and one of 1 s: p99 is still 1 ms, max the outlier.
  std::vector<absl::Duration> samples(99, absl::Milliseconds(1));
  samples.insert(samples.begin() + 17, absl::Seconds(1));
  const LatencySummary s = Summarize(samples);
  EXPECT_EQ(s.count, 100);
  EXPECT_EQ(s.p50, absl::Milliseconds(1));
  EXPECT_EQ(s.p90, absl::Milliseconds(1));
  EXPECT_EQ(s.p99, absl::Milliseconds(1));
  EXPECT_EQ(s.max, absl::Seconds(1));
  EXPECT_EQ(s.mean, (absl::Milliseconds(99) + absl::Seconds(1)) / 100);
}

TEST(Summarize, TwentySamplesWithTies) {
  // 10 x 2 ms, 8 x 5 ms, 2 x 9 ms: p50 = 10th = 2 ms, p90 = 18th = 5 ms,
  // p99 = 20th = 9 ms.
  std::vector<absl::Duration> samples;
  for (int i = 0; i < 2; ++i) samples.push_back(absl::Milliseconds(9));
  for (int i = 0; i < 8; ++i) samples.push_back(absl::Milliseconds(5));
  for (int i = 0; i < 10; ++i) samples.push_back(absl::Milliseconds(2));
  const LatencySummary s = Summarize(samples);
  EXPECT_EQ(s.count, 20);
  EXPECT_EQ(s.min, absl::Milliseconds(2));
  EXPECT_EQ(s.p50, absl::Milliseconds(2));
  EXPECT_EQ(s.p90, absl::Milliseconds(5));
  EXPECT_EQ(s.p99, absl::Milliseconds(9));
  EXPECT_EQ(s.max, absl::Milliseconds(9));
  EXPECT_EQ(s.mean, absl::Microseconds(3900));  // (20 + 40 + 18) ms / 20.
}

TEST(Summarize, FractionalMean) {
  const LatencySummary s = Summarize({absl::Nanoseconds(1), absl::Nanoseconds(2)});
  EXPECT_EQ(s.count, 2);
  EXPECT_EQ(s.mean, absl::Nanoseconds(1.5));
  EXPECT_EQ(s.p50, absl::Nanoseconds(1));
  EXPECT_EQ(s.p90, absl::Nanoseconds(2));
}

TEST(Summarize, NoSamplesIsAllZero) {
  const LatencySummary s = Summarize({});
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.min, absl::ZeroDuration());
  EXPECT_EQ(s.mean, absl::ZeroDuration());
  EXPECT_EQ(s.p50, absl::ZeroDuration());
  EXPECT_EQ(s.p90, absl::ZeroDuration());
  EXPECT_EQ(s.p99, absl::ZeroDuration());
  EXPECT_EQ(s.max, absl::ZeroDuration());
}

TEST(LatencyRecorder, TakeReturnsSamplesInOrderAndEmpties) {
  LatencyRecorder recorder;
  EXPECT_THAT(recorder.Take(), IsEmpty());
  recorder.Add(absl::Milliseconds(3));
  recorder.Add(absl::Milliseconds(1));
  EXPECT_THAT(recorder.Take(), ElementsAre(absl::Milliseconds(3), absl::Milliseconds(1)));
  EXPECT_THAT(recorder.Take(), IsEmpty());
  recorder.Add(absl::Milliseconds(2));
  EXPECT_THAT(recorder.Take(), ElementsAre(absl::Milliseconds(2)));
}

TEST(LatencyRecorder, KeepsEverySampleFromManyThreads) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 2000;
  LatencyRecorder recorder;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&recorder, t] {
      for (int i = 0; i < kPerThread; ++i) {
        recorder.Add(absl::Microseconds(t * kPerThread + i));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<absl::Duration> samples = recorder.Take();
  ASSERT_EQ(samples.size(), static_cast<size_t>(kThreads * kPerThread));
  std::sort(samples.begin(), samples.end());
  for (int i = 0; i < kThreads * kPerThread; ++i) {
    ASSERT_EQ(samples[i], absl::Microseconds(i)) << i;  // Each value once.
  }
  EXPECT_THAT(recorder.Take(), IsEmpty());
  const LatencySummary s = Summarize(std::move(samples));
  EXPECT_EQ(s.count, kThreads * kPerThread);
  EXPECT_EQ(s.max, absl::Microseconds(kThreads * kPerThread - 1));
}

TEST(LatencyRecorder, TakeWhileOthersAddLosesNothing) {
  constexpr int kPerThread = 5000;
  LatencyRecorder recorder;
  std::vector<std::thread> adders;
  for (int t = 0; t < 4; ++t) {
    adders.emplace_back([&recorder] {
      for (int i = 0; i < kPerThread; ++i) recorder.Add(absl::Nanoseconds(1));
    });
  }
  size_t taken = 0;
  // Takes concurrently with the adders, then once more after they are done.
  for (int i = 0; i < 100; ++i) taken += recorder.Take().size();
  for (std::thread& t : adders) t.join();
  taken += recorder.Take().size();
  EXPECT_EQ(taken, static_cast<size_t>(4 * kPerThread));
}

}  // namespace
}  // namespace bench
}  // namespace resolute
