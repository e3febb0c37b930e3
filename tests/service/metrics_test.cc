// The metrics registry: the exact text exposition (HELP/TYPE, label
// escaping, cumulative buckets, +Inf, _sum, _count), value formatting,
// concurrency, and the names it refuses.

#include "service/metrics.h"

#include <cmath>
#include <optional>
#include <limits>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/process_metrics.h"

namespace resolute {
namespace metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Metrics, CounterAndGaugeExposition) {
  Registry registry;
  Family<Counter>* calls =
      registry.AddCounter("resolute_grpc_calls_total", "gRPC calls.", {"method", "code"});
  Family<Gauge>* in_flight = registry.AddGauge("in_flight", "Calls now.", {"method"});
  Counter* bytes = registry.AddCounter("bytes_total", "Bytes.")->WithLabels({});
  calls->WithLabels({"Parse", "OK"})->Increment();
  calls->WithLabels({"Parse", "OK"})->Increment(2);
  calls->WithLabels({"Archive", "INVALID_ARGUMENT"})->Increment();
  in_flight->WithLabels({"Parse"})->Increment();
  in_flight->WithLabels({"Parse"})->Increment();
  in_flight->WithLabels({"Parse"})->Decrement();
  in_flight->WithLabels({"Stream"})->Set(-2.5);
  bytes->Increment(1234567890123);
  EXPECT_EQ(registry.Expose(),
            "# HELP resolute_grpc_calls_total gRPC calls.\n"
            "# TYPE resolute_grpc_calls_total counter\n"
            "resolute_grpc_calls_total{method=\"Archive\",code=\"INVALID_ARGUMENT\"} 1\n"
            "resolute_grpc_calls_total{method=\"Parse\",code=\"OK\"} 3\n"
            "# HELP in_flight Calls now.\n"
            "# TYPE in_flight gauge\n"
            "in_flight{method=\"Parse\"} 1\n"
            "in_flight{method=\"Stream\"} -2.5\n"
            "# HELP bytes_total Bytes.\n"
            "# TYPE bytes_total counter\n"
            "bytes_total 1234567890123\n");
}

TEST(Metrics, HistogramExpositionIsCumulativeWithInfSumAndCount) {
  Registry registry;
  Family<Histogram>* latency =
      registry.AddHistogram("latency_seconds", "Latency.", {"method"}, {0.005, 0.25, 0.5, 1});
  Histogram* h = latency->WithLabels({"Parse"});
  // Binary fractions, so that the sum is exact.
  for (double v : {0.125, 0.25, 0.375, 0.75, 0.5, 7.0}) h->Observe(v);
  EXPECT_EQ(h->Count(), 6u);
  EXPECT_EQ(registry.Expose(),
            "# HELP latency_seconds Latency.\n"
            "# TYPE latency_seconds histogram\n"
            "latency_seconds_bucket{method=\"Parse\",le=\"0.005\"} 0\n"
            "latency_seconds_bucket{method=\"Parse\",le=\"0.25\"} 2\n"  // 0.25 is <= its bound.
            "latency_seconds_bucket{method=\"Parse\",le=\"0.5\"} 4\n"
            "latency_seconds_bucket{method=\"Parse\",le=\"1\"} 5\n"
            "latency_seconds_bucket{method=\"Parse\",le=\"+Inf\"} 6\n"
            "latency_seconds_sum{method=\"Parse\"} 9\n"
            "latency_seconds_count{method=\"Parse\"} 6\n");
}

TEST(Metrics, UnlabelledFamiliesAreExposedAtZeroFromTheStart) {
  Registry registry;
  registry.AddCounter("docs_total", "Documents.");
  registry.AddHistogram("parse_seconds", "Parse.", {}, {0.5});
  registry.AddGauge("labelled", "No series yet.", {"x"});
  EXPECT_EQ(registry.Expose(),
            "# HELP docs_total Documents.\n"
            "# TYPE docs_total counter\n"
            "docs_total 0\n"
            "# HELP parse_seconds Parse.\n"
            "# TYPE parse_seconds histogram\n"
            "parse_seconds_bucket{le=\"0.5\"} 0\n"
            "parse_seconds_bucket{le=\"+Inf\"} 0\n"
            "parse_seconds_sum 0\n"
            "parse_seconds_count 0\n"
            "# HELP labelled No series yet.\n"
            "# TYPE labelled gauge\n");
}

TEST(Metrics, LabelValuesAndHelpAreEscaped) {
  Registry registry;
  Family<Counter>* c =
      registry.AddCounter("weird_total", "Help with \\ backslash\nand newline \"quoted\".", {"v"});
  c->WithLabels({"a\"b\\c\nd"})->Increment();
  c->WithLabels({""})->Increment();
  c->WithLabels({"R\xC3\xA9solution"})->Increment();
  EXPECT_EQ(registry.Expose(),
            "# HELP weird_total Help with \\\\ backslash\\nand newline \"quoted\".\n"
            "# TYPE weird_total counter\n"
            "weird_total{v=\"\"} 1\n"
            "weird_total{v=\"R\xC3\xA9solution\"} 1\n"
            "weird_total{v=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(Metrics, ValueFormatting) {
  EXPECT_EQ(FormatValue(0), "0");
  EXPECT_EQ(FormatValue(42), "42");
  EXPECT_EQ(FormatValue(-7), "-7");
  EXPECT_EQ(FormatValue(0.1), "0.1");
  EXPECT_EQ(FormatValue(0.0025), "0.0025");
  EXPECT_EQ(FormatValue(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FormatValue(1e21), "1e+21");
  EXPECT_EQ(FormatValue(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(FormatValue(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(FormatValue(std::nan("")), "NaN");
}

TEST(Metrics, CountersIgnoreNegativeAmountsAndHistogramsNaN) {
  Registry registry;
  Counter* c = registry.AddCounter("c_total", "C.")->WithLabels({});
  c->Increment(5);
  c->Increment(-3);
  c->Increment(std::nan(""));
  EXPECT_EQ(c->Value(), 5);
  Histogram* h = registry.AddHistogram("h", "H.", {}, {1})->WithLabels({});
  h->Observe(std::nan(""));
  EXPECT_EQ(h->Count(), 0u);
  EXPECT_EQ(h->Sum(), 0);
}

TEST(Metrics, WithLabelsReturnsTheSameSeries) {
  Registry registry;
  Family<Counter>* f = registry.AddCounter("x_total", "X.", {"a"});
  EXPECT_EQ(f->WithLabels({"1"}), f->WithLabels({"1"}));
  EXPECT_NE(f->WithLabels({"1"}), f->WithLabels({"2"}));
}

TEST(Metrics, ConcurrentRecordingLosesNothing) {
  Registry registry;
  Family<Counter>* calls = registry.AddCounter("calls_total", "Calls.", {"method", "code"});
  Family<Histogram>* latency =
      registry.AddHistogram("latency_seconds", "Latency.", {"method"}, {0.5});
  Family<Gauge>* gauge = registry.AddGauge("g", "G.", {"method"});
  constexpr int kThreads = 8, kPerThread = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string method = (t % 2 == 0) ? "even" : "odd";
      for (int i = 0; i < kPerThread; ++i) {
        // Lookups (and the first creation) race with each other on purpose.
        calls->WithLabels({method, i % 3 == 0 ? "OK" : "CANCELLED"})->Increment();
        latency->WithLabels({method})->Observe(i % 2 == 0 ? 0.25 : 0.75);
        gauge->WithLabels({method})->Increment();
        gauge->WithLabels({method})->Decrement();
        if (i % 5000 == 0) registry.Expose();  // Scrapes during updates.
      }
    });
  }
  for (std::thread& t : threads) t.join();
  double total = 0;
  for (const char* m : {"even", "odd"}) {
    total += calls->WithLabels({m, "OK"})->Value() + calls->WithLabels({m, "CANCELLED"})->Value();
    Histogram* h = latency->WithLabels({m});
    EXPECT_EQ(h->Count(), static_cast<uint64_t>(kThreads / 2 * kPerThread));
    EXPECT_EQ(h->CumulativeCounts()[0], static_cast<uint64_t>(kThreads / 2 * kPerThread / 2));
    EXPECT_DOUBLE_EQ(h->Sum(), kThreads / 2 * kPerThread / 2 * (0.25 + 0.75));
    EXPECT_EQ(gauge->WithLabels({m})->Value(), 0);
  }
  EXPECT_EQ(total, kThreads * kPerThread);
}

TEST(Metrics, CallbackMetricsAreReadAtEachExposition) {
  Registry registry;
  double value = 1;
  registry.AddCallback("cb", "Callback.", MetricType::kGauge, [&value] { return value; });
  EXPECT_THAT(registry.Expose(), HasSubstr("# TYPE cb gauge\ncb 1\n"));
  value = 2.5;
  EXPECT_THAT(registry.Expose(), HasSubstr("cb 2.5\n"));
}

TEST(Metrics, ProcessMetricsReadProc) {
  Registry registry;
  RegisterProcessMetrics(&registry);
  const std::string text = registry.Expose();
  for (const char* name : {"process_start_time_seconds", "process_cpu_seconds_total",
                           "process_resident_memory_bytes", "process_virtual_memory_bytes",
                           "process_open_fds"}) {
    EXPECT_THAT(text, HasSubstr(std::string("\n") + name + " ")) << name;
  }
  EXPECT_THAT(text, Not(HasSubstr("NaN")));
  std::optional<ProcessMemory> memory = ReadProcessMemory();
  ASSERT_TRUE(memory.has_value());
  EXPECT_GT(memory->resident_bytes, 1 << 20);
  EXPECT_GE(memory->virtual_bytes, memory->resident_bytes);
  std::optional<double> start = ReadProcessStartTime();
  ASSERT_TRUE(start.has_value());
  const double now = absl::ToDoubleSeconds(absl::Now() - absl::UnixEpoch());
  EXPECT_LE(*start, now + 1);
  EXPECT_GT(*start, now - 3600);  // This test process started recently.
}

using MetricsDeathTest = ::testing::Test;

TEST(MetricsDeathTest, ProgrammingErrorsAbort) {
  EXPECT_DEATH(Registry().AddCounter("bad-name", "."), "invalid metric name");
  EXPECT_DEATH(Registry().AddCounter("9lives", "."), "invalid metric name");
  EXPECT_DEATH(Registry().AddCounter("ok_total", ".", {"__reserved"}), "invalid label name");
  EXPECT_DEATH(Registry().AddHistogram("h", ".", {"le"}, {1}), "cannot have a label \"le\"");
  EXPECT_DEATH(Registry().AddHistogram("h", ".", {}, {1, 1}), "strictly increasing");
  EXPECT_DEATH(
      {
        Registry r;
        r.AddGauge("twice", ".");
        r.AddGauge("twice", ".");
      },
      "registered twice");
  EXPECT_DEATH(Registry().AddCounter("x_total", ".", {"a", "b"})->WithLabels({"only one"}),
               "1 label values for 2 labels");
}

}  // namespace
}  // namespace metrics
}  // namespace resolute
