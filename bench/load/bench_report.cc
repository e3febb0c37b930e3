#include "bench/load/bench_report.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace resolute {
namespace bench {
namespace {

double Ms(absl::Duration d) { return absl::ToDoubleMilliseconds(d); }

// `text` as a JSON string literal (ASCII control characters escaped; other
// bytes as they are).
std::string JsonString(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20 || u == 0x7F) {
      out += absl::StrFormat("\\u%04x", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

// A number for JSON: finite, with up to 6 significant decimals.
std::string JsonNumber(double value) {
  if (!(value == value) || value > 1e300 || value < -1e300) return "0";
  return absl::StrFormat("%.6g", value);
}

}  // namespace

std::string BenchTable(const std::vector<LoadResult>& results) {
  std::string out = absl::StrFormat(
      "%-8s %5s %7s %9s %9s %6s %7s %9s %9s %8s %8s %8s %8s %8s\n", "mode", "conc", "streams",
      "requests", "docs", "errors", "secs", "req/s", "docs/s", "MB/s", "p50_ms", "p90_ms",
      "p99_ms", "max_ms");
  for (const LoadResult& r : results) {
    absl::StrAppend(
        &out, absl::StrFormat("%-8s %5d %7s %9d %9d %6d %7.2f %9.1f %9.1f %8.2f %8.3f %8.3f "
                              "%8.3f %8.3f\n",
                              LoadModeName(r.mode), r.concurrency,
                              r.streams > 0 ? absl::StrCat(r.streams) : "-", r.requests,
                              r.documents, r.errors, absl::ToDoubleSeconds(r.elapsed),
                              r.RequestsPerSecond(), r.DocumentsPerSecond(),
                              r.MegabytesPerSecond(), Ms(r.latency.p50), Ms(r.latency.p90),
                              Ms(r.latency.p99), Ms(r.latency.max)));
  }
  return out;
}

std::string BenchJson(const BenchSetup& setup, const std::vector<LoadResult>& results) {
  std::string out = absl::StrCat("{\"server\":", JsonString(setup.server),
                                 ",\"documents\":", setup.documents,
                                 ",\"document_bytes\":", setup.document_bytes,
                                 ",\"omit_text\":", setup.omit_text ? "true" : "false",
                                 ",\"results\":[");
  bool first = true;
  for (const LoadResult& r : results) {
    if (!first) out.push_back(',');
    first = false;
    absl::StrAppend(
        &out, "{\"mode\":", JsonString(LoadModeName(r.mode)), ",\"concurrency\":", r.concurrency,
        ",\"streams\":", r.streams, ",\"requests\":", r.requests, ",\"documents\":", r.documents,
        ",\"document_bytes\":", r.document_bytes, ",\"response_bytes\":", r.response_bytes,
        ",\"errors\":", r.errors, ",\"first_error\":", JsonString(r.first_error),
        ",\"seconds\":", JsonNumber(absl::ToDoubleSeconds(r.elapsed)),
        ",\"requests_per_second\":", JsonNumber(r.RequestsPerSecond()),
        ",\"documents_per_second\":", JsonNumber(r.DocumentsPerSecond()),
        ",\"megabytes_per_second\":", JsonNumber(r.MegabytesPerSecond()),
        ",\"latency_ms\":{\"count\":", r.latency.count, ",\"min\":", JsonNumber(Ms(r.latency.min)),
        ",\"mean\":", JsonNumber(Ms(r.latency.mean)), ",\"p50\":", JsonNumber(Ms(r.latency.p50)),
        ",\"p90\":", JsonNumber(Ms(r.latency.p90)), ",\"p99\":", JsonNumber(Ms(r.latency.p99)),
        ",\"max\":", JsonNumber(Ms(r.latency.max)), "}}");
  }
  out.append("]}\n");
  return out;
}

}  // namespace bench
}  // namespace resolute
