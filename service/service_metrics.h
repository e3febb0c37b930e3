// ServiceMetrics: the resolute server's own metric families, and the calls
// that record into them.
//
//   metrics::Registry registry;
//   ServiceMetrics metrics(&registry);
//   metrics.CallStarted("resolute.v1.ResolutionParserService/ParseResolution");
//   metrics.CallFinished("resolute.v1.ResolutionParserService/ParseResolution",
//                        grpc::StatusCode::OK, absl::Milliseconds(12));
//   metrics.DocumentParsed(absl::OkStatus(), 48213, absl::Milliseconds(9), &resolution);
//
// Families (Prometheus conventions: base units, `_total` counters):
//
//   resolute_grpc_calls_total{method,code}            counter
//   resolute_grpc_call_duration_seconds{method}       histogram
//   resolute_grpc_calls_in_flight{method}             gauge
//   resolute_documents_parsed_total{outcome}          counter
//   resolute_document_bytes_total                     counter
//   resolute_parse_duration_seconds                   histogram
//   resolute_diagnostics_total{code,severity}         counter
//
// `method` is "package.Service/Method" for the services this server
// registers (resolute.v1.ResolutionParserService, grpc.health.v1.Health, server
// reflection) and "other" for any other name, so a client cannot create
// series at will. `code` is the gRPC code name ("OK", "INVALID_ARGUMENT").
// `outcome` is the document's status code in lower case ("ok",
// "invalid_argument", "resource_exhausted", "cancelled").
//
// Thread-safe.

#ifndef RESOLUTE_SERVICE_SERVICE_METRICS_H_
#define RESOLUTE_SERVICE_SERVICE_METRICS_H_

#include <grpcpp/support/status_code_enum.h>

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "resolute/v1/resolution.pb.h"
#include "service/metrics.h"

namespace resolute {
namespace service {

// Returns the canonical name of a gRPC status code ("OK", "NOT_FOUND"), or
// "UNKNOWN" for a value outside the enum.
absl::string_view StatusCodeName(grpc::StatusCode code);

// Returns the `method` label for a gRPC method path ("/pkg.Service/Method"):
// "pkg.Service/Method" for a method this server serves (its own, health
// checks, reflection), "other" for any other path, even of a known service.
std::string MethodLabel(absl::string_view method_path);

class ServiceMetrics {
 public:
  // Adds the families above to `registry`, which must outlive this object.
  explicit ServiceMetrics(metrics::Registry* registry);

  // A call of `method` (a MethodLabel) has started.
  void CallStarted(const std::string& method);
  // A call of `method` has finished with `code` after `duration`.
  void CallFinished(const std::string& method, grpc::StatusCode code, absl::Duration duration);

  // A document of `bytes` bytes went through the parser (or was refused
  // before it, `parse_time` then zero) with `status`; `resolution` (may be
  // null) supplies the diagnostics.
  void DocumentParsed(const absl::Status& status, uint64_t bytes, absl::Duration parse_time,
                      const v1::Resolution* resolution);

 private:
  metrics::Family<metrics::Counter>* const calls_;
  metrics::Family<metrics::Histogram>* const call_duration_;
  metrics::Family<metrics::Gauge>* const in_flight_;
  metrics::Family<metrics::Counter>* const documents_;
  metrics::Counter* const document_bytes_;
  metrics::Histogram* const parse_duration_;
  metrics::Family<metrics::Counter>* const diagnostics_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_SERVICE_METRICS_H_
