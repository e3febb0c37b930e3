#include "service/process_metrics.h"

#include <dirent.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace resolute {
namespace metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<std::string> ReadSmallFile(const char* path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The fields of /proc/self/stat after the command name (which may contain
// spaces and parentheses), so that index 0 is field 3 ("state").
std::optional<std::vector<std::string>> StatFieldsAfterName() {
  std::optional<std::string> stat = ReadSmallFile("/proc/self/stat");
  if (!stat) return std::nullopt;
  const size_t close = stat->rfind(')');
  if (close == std::string::npos) return std::nullopt;
  return std::vector<std::string>(absl::StrSplit(stat->substr(close + 1), ' ', absl::SkipEmpty()));
}

double OpenFds() {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return kNaN;
  int count = 0;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(dir);
  return count - 1;  // Not the descriptor opendir itself holds.
}

}  // namespace

std::optional<ProcessMemory> ReadProcessMemory() {
  std::optional<std::string> statm = ReadSmallFile("/proc/self/statm");
  if (!statm) return std::nullopt;
  std::vector<std::string> fields = absl::StrSplit(*statm, ' ', absl::SkipWhitespace());
  double size_pages = 0, resident_pages = 0;
  if (fields.size() < 2 || !absl::SimpleAtod(fields[0], &size_pages) ||
      !absl::SimpleAtod(fields[1], &resident_pages)) {
    return std::nullopt;
  }
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  return ProcessMemory{resident_pages * page, size_pages * page};
}

std::optional<double> ReadProcessCpuSeconds() {
  std::optional<std::vector<std::string>> fields = StatFieldsAfterName();
  // utime and stime are fields 14 and 15 of /proc/self/stat.
  double utime = 0, stime = 0;
  if (!fields || fields->size() < 13 || !absl::SimpleAtod((*fields)[11], &utime) ||
      !absl::SimpleAtod((*fields)[12], &stime)) {
    return std::nullopt;
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::optional<double> ReadProcessStartTime() {
  std::optional<std::vector<std::string>> fields = StatFieldsAfterName();
  // starttime, in clock ticks after boot, is field 22.
  double ticks = 0;
  if (!fields || fields->size() < 20 || !absl::SimpleAtod((*fields)[19], &ticks)) {
    return std::nullopt;
  }
  std::optional<std::string> stat = ReadSmallFile("/proc/stat");
  if (!stat) return std::nullopt;
  for (absl::string_view line : absl::StrSplit(*stat, '\n')) {
    double boot = 0;
    if (absl::ConsumePrefix(&line, "btime ") && absl::SimpleAtod(line, &boot)) {
      return boot + ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
  }
  return std::nullopt;
}

void RegisterProcessMetrics(Registry* registry) {
  // Read once: it does not change.
  const double start = ReadProcessStartTime().value_or(kNaN);
  registry->AddCallback("process_start_time_seconds",
                        "Start time of the process since the Unix epoch in seconds.",
                        MetricType::kGauge, [start] { return start; });
  registry->AddCallback("process_cpu_seconds_total", "Total user and system CPU time in seconds.",
                        MetricType::kCounter,
                        [] { return ReadProcessCpuSeconds().value_or(kNaN); });
  registry->AddCallback("process_resident_memory_bytes", "Resident memory size in bytes.",
                        MetricType::kGauge, [] {
                          std::optional<ProcessMemory> m = ReadProcessMemory();
                          return m ? m->resident_bytes : kNaN;
                        });
  registry->AddCallback("process_virtual_memory_bytes", "Virtual memory size in bytes.",
                        MetricType::kGauge, [] {
                          std::optional<ProcessMemory> m = ReadProcessMemory();
                          return m ? m->virtual_bytes : kNaN;
                        });
  registry->AddCallback("process_open_fds", "Number of open file descriptors.",
                        MetricType::kGauge, OpenFds);
}

}  // namespace metrics
}  // namespace resolute
