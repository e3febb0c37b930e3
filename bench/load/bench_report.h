// The output of `resolute bench`: a table for people, or JSON for scripts.
//
//   BenchSetup setup{.server = "127.0.0.1:50051", .documents = 19, .document_bytes = 176000};
//   std::cout << BenchTable(results);
//   std::cout << BenchJson(setup, results);

#ifndef RESOLUTE_BENCH_LOAD_BENCH_REPORT_H_
#define RESOLUTE_BENCH_LOAD_BENCH_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "bench/load/load_generator.h"

namespace resolute {
namespace bench {

// What a benchmark ran against.
struct BenchSetup {
  std::string server;
  // The document set.
  int64_t documents = 0;
  int64_t document_bytes = 0;
  // Whether responses left out Resolution.text.
  bool omit_text = false;
};

// Returns a fixed-width table with a header line and one line per result:
// mode, concurrency, streams, requests, documents, errors, seconds,
// requests/s, documents/s, MB/s (10^6 bytes of document text), and the
// latency p50, p90, p99 and max in milliseconds.
std::string BenchTable(const std::vector<LoadResult>& results);

// Returns one JSON object (and a newline): the setup and, under "results",
// one object per result with the same figures (latencies in milliseconds
// under "latency_ms").
std::string BenchJson(const BenchSetup& setup, const std::vector<LoadResult>& results);

}  // namespace bench
}  // namespace resolute

#endif  // RESOLUTE_BENCH_LOAD_BENCH_REPORT_H_
