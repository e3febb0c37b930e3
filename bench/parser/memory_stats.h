// Memory figures for the parser benchmarks: heap allocations counted through
// operator new in the binary that links this library (it replaces the global
// operator new and delete), and the peak resident set size.
//
//   const resolute::bench::AllocStats before = resolute::bench::CurrentAllocStats();
//   ... work ...
//   const uint64_t allocations = resolute::bench::CurrentAllocStats().count - before.count;
//
// Counts are kept per thread (an add per allocation). Memory that libraries
// get from malloc directly is not counted (the parser and protobuf allocate
// through operator new).

#ifndef RESOLUTE_BENCH_PARSER_MEMORY_STATS_H_
#define RESOLUTE_BENCH_PARSER_MEMORY_STATS_H_

#include <cstdint>

namespace resolute {
namespace bench {

struct AllocStats {
  uint64_t count = 0;  // calls of operator new (all forms) so far
  uint64_t bytes = 0;  // bytes requested by them
};

// Totals of the calling thread since it started.
AllocStats CurrentAllocStats();

// Peak resident set size of this process, in bytes (VmHWM of
// /proc/self/status): since the start, or since the last ResetPeakRss().
uint64_t PeakRssBytes();

// Resident set size of this process now, in bytes (VmRSS).
uint64_t CurrentRssBytes();

// Resets the peak to the current resident set size (Linux: writes "5" to
// /proc/self/clear_refs). Returns false if that is not possible; the peak
// then stays the peak since the start.
bool ResetPeakRss();

}  // namespace bench
}  // namespace resolute

#endif  // RESOLUTE_BENCH_PARSER_MEMORY_STATS_H_
