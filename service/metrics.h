// A small thread-safe metrics registry with the Prometheus text exposition
// format (version 0.0.4).
//
//   Registry registry;
//   Family<Counter>* calls = registry.AddCounter(
//       "resolute_grpc_calls_total", "gRPC calls handled.", {"method", "code"});
//   Family<Histogram>* latency = registry.AddHistogram(
//       "resolute_grpc_call_duration_seconds", "Call latency.", {"method"},
//       {0.01, 0.1, 1});
//   calls->WithLabels({"Parse", "OK"})->Increment();
//   Histogram* h = latency->WithLabels({"Parse"});  // keep the pointer
//   h->Observe(0.042);
//   std::string text = registry.Expose();  // what GET /metrics returns
//
// Families are exposed in the order they were added, series sorted by their
// label values. Each series (one label-value combination) is a set of atomics:
// recording is lock-free. A family's mutex is taken only to find a series
// (shared) or create it (exclusive), so hot paths keep the pointer
// WithLabels returns; it stays valid as long as the registry.
//
// Names must be valid Prometheus names (metric: [a-zA-Z_:][a-zA-Z0-9_:]*,
// label: [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__"); a histogram may not
// have a label "le". Registering an invalid or duplicate name, or passing the
// wrong number of label values, is a programming error and aborts.

#ifndef RESOLUTE_SERVICE_METRICS_H_
#define RESOLUTE_SERVICE_METRICS_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace resolute {
namespace metrics {

// A value that only goes up (calls, bytes).
class Counter {
 public:
  // Adds `amount`, which must not be negative (negative amounts are ignored).
  void Increment(double amount = 1.0);
  // The current value.
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

// A value that goes up and down (calls in flight).
class Gauge {
 public:
  // Sets the value.
  void Set(double value) { value_.store(value, std::memory_order_relaxed); }
  // Adds `amount` (may be negative).
  void Increment(double amount = 1.0);
  // Subtracts `amount`.
  void Decrement(double amount = 1.0) { Increment(-amount); }
  // The current value.
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

// Observations counted into fixed buckets, with their sum.
class Histogram {
 public:
  // `bounds` are the buckets' upper bounds, strictly increasing and finite;
  // the +Inf bucket is implicit.
  explicit Histogram(const std::vector<double>* bounds);

  // Counts `value` in the first bucket whose bound is >= value.
  void Observe(double value);

  // Cumulative counts per bucket (bounds().size() + 1 values, the last for
  // +Inf), and the sum; read without a lock, so a scrape during updates may
  // see a sum a few observations ahead of or behind the counts.
  std::vector<uint64_t> CumulativeCounts() const;
  double Sum() const { return sum_.load(std::memory_order_relaxed); }
  // The number of observations (equal to the +Inf bucket).
  uint64_t Count() const;

  const std::vector<double>& bounds() const { return *bounds_; }

 private:
  const std::vector<double>* const bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> counts_;  // Per bucket, not cumulative.
  std::atomic<double> sum_{0.0};
};

// The Prometheus type of a family.
enum class MetricType { kCounter, kGauge, kHistogram };

// What every family has: a name, a help text, label names, and a way to
// append its lines to an exposition.
class FamilyBase {
 public:
  virtual ~FamilyBase() = default;
  // Appends "# HELP", "# TYPE" and one line per sample to `*out`.
  virtual void Expose(std::string* out) const = 0;

  const std::string& name() const { return name_; }
  const std::vector<std::string>& label_names() const { return label_names_; }

 protected:
  FamilyBase(std::string name, std::string help, MetricType type,
             std::vector<std::string> label_names);
  // Appends the HELP and TYPE lines.
  void ExposeHeader(std::string* out) const;

  const std::string name_;
  const std::string help_;
  const MetricType type_;
  const std::vector<std::string> label_names_;
};

// The series of one metric, one per combination of label values.
template <class T>
class Family final : public FamilyBase {
 public:
  // Use Registry::Add*.
  Family(std::string name, std::string help, MetricType type, std::vector<std::string> label_names,
         std::vector<double> bounds = {});

  // Returns the series for `label_values` (one per label name, in order),
  // created at zero on first use. The pointer is valid as long as the family.
  T* WithLabels(const std::vector<std::string>& label_values);

  void Expose(std::string* out) const override;

 private:
  std::unique_ptr<T> NewSeries() const;

  const std::vector<double> bounds_;  // Histograms only.
  mutable absl::Mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<T>> series_ ABSL_GUARDED_BY(mu_);
};

// Holds families and renders them. Thread-safe.
class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Adds a counter family. `name` should end in "_total".
  Family<Counter>* AddCounter(std::string name, std::string help,
                              std::vector<std::string> label_names = {});
  // Adds a gauge family.
  Family<Gauge>* AddGauge(std::string name, std::string help,
                          std::vector<std::string> label_names = {});
  // Adds a histogram family with buckets `bounds` (strictly increasing,
  // finite; +Inf is added).
  Family<Histogram>* AddHistogram(std::string name, std::string help,
                                  std::vector<std::string> label_names,
                                  std::vector<double> bounds);
  // Adds an unlabelled counter or gauge whose value `read` returns at each
  // exposition (process metrics). `read` must be thread-safe.
  void AddCallback(std::string name, std::string help, MetricType type,
                   std::function<double()> read);

  // The text exposition of every family, in the order they were added.
  std::string Expose() const;

 private:
  void Add(std::unique_ptr<FamilyBase> family);

  mutable absl::Mutex mu_;
  std::vector<std::unique_ptr<FamilyBase>> families_ ABSL_GUARDED_BY(mu_);
};

// The content type of Registry::Expose's text.
inline constexpr char kExpositionContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// Formats a sample value as the exposition format expects: integers without
// a fraction ("42"), others in the shortest form that reads back the same
// ("0.005", "1e+21"), and "+Inf", "-Inf", "NaN".
std::string FormatValue(double value);

// Escapes a label value: backslash, double quote and newline.
std::string EscapeLabelValue(absl::string_view value);

// Escapes a HELP text: backslash and newline.
std::string EscapeHelp(absl::string_view help);

// The buckets the service uses for call latencies (1 ms to 10 min).
std::vector<double> CallDurationBuckets();

// The buckets the service uses for one document's parse (0.5 ms to 10 s).
std::vector<double> ParseDurationBuckets();

}  // namespace metrics
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_METRICS_H_
