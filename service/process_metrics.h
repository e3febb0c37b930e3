// The standard Prometheus process metrics, read from /proc at each scrape:
//
//   process_start_time_seconds      gauge    when the process started (Unix time)
//   process_cpu_seconds_total       counter  user + system CPU time
//   process_resident_memory_bytes   gauge    resident set size (/proc/self/statm)
//   process_virtual_memory_bytes    gauge    virtual memory size (/proc/self/statm)
//   process_open_fds                gauge    open file descriptors
//
//   metrics::Registry registry;
//   RegisterProcessMetrics(&registry);

#ifndef RESOLUTE_SERVICE_PROCESS_METRICS_H_
#define RESOLUTE_SERVICE_PROCESS_METRICS_H_

#include <optional>

#include "service/metrics.h"

namespace resolute {
namespace metrics {

// Adds the process metrics above to `registry`. A value that cannot be read
// (no /proc) is exposed as NaN.
void RegisterProcessMetrics(Registry* registry);

// The process's resident and virtual memory in bytes, from /proc/self/statm.
struct ProcessMemory {
  double resident_bytes = 0;
  double virtual_bytes = 0;
};
std::optional<ProcessMemory> ReadProcessMemory();

// User + system CPU seconds of the process, from /proc/self/stat.
std::optional<double> ReadProcessCpuSeconds();

// When the process started, in seconds since the Unix epoch (from
// /proc/self/stat and the boot time in /proc/stat).
std::optional<double> ReadProcessStartTime();

}  // namespace metrics
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_PROCESS_METRICS_H_
