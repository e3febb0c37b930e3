#include "service/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace resolute {
namespace metrics {
namespace {

// A programming error in the use of the registry.
[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "metrics: %s\n", message.c_str());
  std::abort();
}

void AtomicAdd(std::atomic<double>* target, double amount) {
  double current = target->load(std::memory_order_relaxed);
  while (!target->compare_exchange_weak(current, current + amount, std::memory_order_relaxed)) {
  }
}

bool IsMetricName(absl::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

bool IsLabelName(absl::string_view name) {
  if (name.empty() || name.find(':') != absl::string_view::npos) return false;
  if (name.size() >= 2 && name[0] == '_' && name[1] == '_') return false;
  return IsMetricName(name);
}

absl::string_view TypeName(MetricType type) {
  switch (type) {
    case MetricType::kCounter:
      return "counter";
    case MetricType::kGauge:
      return "gauge";
    case MetricType::kHistogram:
      return "histogram";
  }
  return "untyped";
}

// `{a="x",b="y"}` for the label names and values, with `extra` (an already
// formatted `le="..."`) last; empty when there is no label at all.
std::string LabelSet(const std::vector<std::string>& names, const std::vector<std::string>& values,
                     const std::string& extra = "") {
  if (names.empty() && extra.empty()) return "";
  std::string out = "{";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out.push_back(',');
    absl::StrAppend(&out, names[i], "=\"", EscapeLabelValue(values[i]), "\"");
  }
  if (!extra.empty()) {
    if (!names.empty()) out.push_back(',');
    out.append(extra);
  }
  out.push_back('}');
  return out;
}

// Exposes one value of a counter or a gauge.
double ValueOf(const Counter& c) { return c.Value(); }
double ValueOf(const Gauge& g) { return g.Value(); }

// An unlabelled counter or gauge read by a callback.
class CallbackFamily final : public FamilyBase {
 public:
  CallbackFamily(std::string name, std::string help, MetricType type, std::function<double()> read)
      : FamilyBase(std::move(name), std::move(help), type, {}), read_(std::move(read)) {}
  void Expose(std::string* out) const override {
    ExposeHeader(out);
    absl::StrAppend(out, name_, " ", FormatValue(read_()), "\n");
  }

 private:
  const std::function<double()> read_;
};

}  // namespace

void Counter::Increment(double amount) {
  if (!(amount >= 0)) return;  // Also drops NaN.
  AtomicAdd(&value_, amount);
}

void Gauge::Increment(double amount) { AtomicAdd(&value_, amount); }

Histogram::Histogram(const std::vector<double>* bounds)
    : bounds_(bounds), counts_(new std::atomic<uint64_t>[bounds->size() + 1]) {
  for (size_t i = 0; i <= bounds_->size(); ++i) counts_[i].store(0, std::memory_order_relaxed);
}

void Histogram::Observe(double value) {
  if (std::isnan(value)) return;  // Would make the sum NaN for good.
  const size_t bucket = static_cast<size_t>(
      std::lower_bound(bounds_->begin(), bounds_->end(), value) - bounds_->begin());
  counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  AtomicAdd(&sum_, value);
}

std::vector<uint64_t> Histogram::CumulativeCounts() const {
  std::vector<uint64_t> out(bounds_->size() + 1);
  uint64_t total = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    total += counts_[i].load(std::memory_order_relaxed);
    out[i] = total;
  }
  return out;
}

uint64_t Histogram::Count() const { return CumulativeCounts().back(); }

FamilyBase::FamilyBase(std::string name, std::string help, MetricType type,
                       std::vector<std::string> label_names)
    : name_(std::move(name)),
      help_(std::move(help)),
      type_(type),
      label_names_(std::move(label_names)) {
  if (!IsMetricName(name_)) Die(absl::StrCat("invalid metric name \"", name_, "\""));
  for (const std::string& label : label_names_) {
    if (!IsLabelName(label)) Die(absl::StrCat(name_, ": invalid label name \"", label, "\""));
    if (type_ == MetricType::kHistogram && label == "le") {
      Die(absl::StrCat(name_, ": a histogram cannot have a label \"le\""));
    }
  }
}

void FamilyBase::ExposeHeader(std::string* out) const {
  absl::StrAppend(out, "# HELP ", name_, " ", EscapeHelp(help_), "\n", "# TYPE ", name_, " ",
                  TypeName(type_), "\n");
}

template <class T>
Family<T>::Family(std::string name, std::string help, MetricType type,
                  std::vector<std::string> label_names, std::vector<double> bounds)
    : FamilyBase(std::move(name), std::move(help), type, std::move(label_names)),
      bounds_(std::move(bounds)) {
  for (size_t i = 0; i < bounds_.size(); ++i) {
    if (!std::isfinite(bounds_[i]) || (i > 0 && !(bounds_[i] > bounds_[i - 1]))) {
      Die(absl::StrCat(name_, ": bucket bounds must be finite and strictly increasing"));
    }
  }
  // An unlabelled family has its one series from the start, so it is exposed
  // (at zero) before anything is recorded.
  if (label_names_.empty()) WithLabels({});
}

template <class T>
std::unique_ptr<T> Family<T>::NewSeries() const {
  return std::make_unique<T>();
}

template <>
std::unique_ptr<Histogram> Family<Histogram>::NewSeries() const {
  return std::make_unique<Histogram>(&bounds_);
}

template <class T>
T* Family<T>::WithLabels(const std::vector<std::string>& label_values) {
  if (label_values.size() != label_names_.size()) {
    Die(absl::StrCat(name_, ": ", label_values.size(), " label values for ", label_names_.size(),
                     " labels"));
  }
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = series_.find(label_values);
    if (it != series_.end()) return it->second.get();
  }
  absl::MutexLock lock(&mu_);
  std::unique_ptr<T>& slot = series_[label_values];
  if (slot == nullptr) slot = NewSeries();
  return slot.get();
}

template <class T>
void Family<T>::Expose(std::string* out) const {
  ExposeHeader(out);
  absl::ReaderMutexLock lock(&mu_);
  for (const auto& [values, series] : series_) {
    absl::StrAppend(out, name_, LabelSet(label_names_, values), " ", FormatValue(ValueOf(*series)),
                    "\n");
  }
}

template <>
void Family<Histogram>::Expose(std::string* out) const {
  ExposeHeader(out);
  absl::ReaderMutexLock lock(&mu_);
  for (const auto& [values, series] : series_) {
    const std::vector<uint64_t> counts = series->CumulativeCounts();
    for (size_t i = 0; i < counts.size(); ++i) {
      const std::string le =
          absl::StrCat("le=\"", i < bounds_.size() ? FormatValue(bounds_[i]) : "+Inf", "\"");
      absl::StrAppend(out, name_, "_bucket", LabelSet(label_names_, values, le), " ", counts[i],
                      "\n");
    }
    absl::StrAppend(out, name_, "_sum", LabelSet(label_names_, values), " ",
                    FormatValue(series->Sum()), "\n");
    absl::StrAppend(out, name_, "_count", LabelSet(label_names_, values), " ", counts.back(),
                    "\n");
  }
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

void Registry::Add(std::unique_ptr<FamilyBase> family) {
  absl::MutexLock lock(&mu_);
  for (const auto& existing : families_) {
    if (existing->name() == family->name()) {
      Die(absl::StrCat("metric \"", family->name(), "\" registered twice"));
    }
  }
  families_.push_back(std::move(family));
}

Family<Counter>* Registry::AddCounter(std::string name, std::string help,
                                      std::vector<std::string> label_names) {
  auto family = std::make_unique<Family<Counter>>(std::move(name), std::move(help),
                                                  MetricType::kCounter, std::move(label_names));
  Family<Counter>* out = family.get();
  Add(std::move(family));
  return out;
}

Family<Gauge>* Registry::AddGauge(std::string name, std::string help,
                                  std::vector<std::string> label_names) {
  auto family = std::make_unique<Family<Gauge>>(std::move(name), std::move(help),
                                                MetricType::kGauge, std::move(label_names));
  Family<Gauge>* out = family.get();
  Add(std::move(family));
  return out;
}

Family<Histogram>* Registry::AddHistogram(std::string name, std::string help,
                                          std::vector<std::string> label_names,
                                          std::vector<double> bounds) {
  auto family =
      std::make_unique<Family<Histogram>>(std::move(name), std::move(help), MetricType::kHistogram,
                                          std::move(label_names), std::move(bounds));
  Family<Histogram>* out = family.get();
  Add(std::move(family));
  return out;
}

void Registry::AddCallback(std::string name, std::string help, MetricType type,
                           std::function<double()> read) {
  if (type == MetricType::kHistogram) Die(absl::StrCat(name, ": a callback cannot be a histogram"));
  Add(std::make_unique<CallbackFamily>(std::move(name), std::move(help), type, std::move(read)));
}

std::string Registry::Expose() const {
  std::string out;
  absl::ReaderMutexLock lock(&mu_);
  for (const auto& family : families_) family->Expose(&out);
  return out;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  char buffer[64];
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, r.ptr);
}

std::string EscapeLabelValue(absl::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out.append("\\\\");
    } else if (c == '"') {
      out.append("\\\"");
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string EscapeHelp(absl::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\') {
      out.append("\\\\");
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<double> CallDurationBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
          1,     2.5,    5,     10,   30,    60,   120, 300, 600};
}

std::vector<double> ParseDurationBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace metrics
}  // namespace resolute
