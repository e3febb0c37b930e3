#include "service/service_metrics.h"

#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace resolute {
namespace service {
namespace {

constexpr absl::string_view kCodeNames[] = {
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
};

// Methods that get their own label value: the ones this server serves.
// Any other path a client sends is "other", so that clients cannot create
// label values (series) at will.
constexpr absl::string_view kKnownMethods[] = {
    "resolute.v1.ResolutionParserService/ParseResolution",
    "resolute.v1.ResolutionParserService/StreamParseResolutions",
    "resolute.v1.ResolutionParserService/ParseArchive",
    "grpc.health.v1.Health/Check",
    "grpc.health.v1.Health/Watch",
    "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    "grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
};

absl::string_view SeverityName(v1::Diagnostic::Severity severity) {
  switch (severity) {
    case v1::Diagnostic::SEVERITY_INFO:
      return "info";
    case v1::Diagnostic::SEVERITY_WARNING:
      return "warning";
    case v1::Diagnostic::SEVERITY_ERROR:
      return "error";
    default:
      return "unspecified";
  }
}

// Diagnostic codes are UPPER_SNAKE_CASE by contract; anything else (which
// would be a parser bug) is folded into one series.
std::string DiagnosticCodeLabel(const std::string& code) {
  if (code.empty() || code.size() > 64) return "OTHER";
  for (char c : code) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return "OTHER";
    }
  }
  return code;
}

}  // namespace

absl::string_view StatusCodeName(grpc::StatusCode code) {
  const int i = static_cast<int>(code);
  if (i < 0 || i >= static_cast<int>(std::size(kCodeNames))) return "UNKNOWN";
  return kCodeNames[i];
}

std::string MethodLabel(absl::string_view method_path) {
  absl::ConsumePrefix(&method_path, "/");
  for (absl::string_view known : kKnownMethods) {
    if (method_path == known) return std::string(known);
  }
  return "other";
}

ServiceMetrics::ServiceMetrics(metrics::Registry* registry)
    : calls_(registry->AddCounter("resolute_grpc_calls_total",
                                  "gRPC calls finished, by method and status code.",
                                  {"method", "code"})),
      call_duration_(registry->AddHistogram(
          "resolute_grpc_call_duration_seconds",
          "Time from the start of a gRPC call to its status, by method (streams: the whole "
          "stream).",
          {"method"}, metrics::CallDurationBuckets())),
      in_flight_(registry->AddGauge("resolute_grpc_calls_in_flight",
                                    "gRPC calls started and not yet finished, by method.",
                                    {"method"})),
      documents_(registry->AddCounter(
          "resolute_documents_parsed_total",
          "Documents handled (unary, stream and archive entries), by outcome: the status code "
          "in lower case.",
          {"outcome"})),
      document_bytes_(registry
                          ->AddCounter("resolute_document_bytes_total",
                                       "Bytes of document content handed to the parser.")
                          ->WithLabels({})),
      parse_duration_(registry
                          ->AddHistogram("resolute_parse_duration_seconds",
                                         "Time the parser took for one document.", {},
                                         metrics::ParseDurationBuckets())
                          ->WithLabels({})),
      diagnostics_(registry->AddCounter("resolute_diagnostics_total",
                                        "Parser diagnostics in parsed documents, by code and "
                                        "severity.",
                                        {"code", "severity"})) {
  // The service's methods appear (at zero) before their first call.
  for (const char* method : {"ParseResolution", "StreamParseResolutions", "ParseArchive"}) {
    const std::string label = std::string("resolute.v1.ResolutionParserService/") + method;
    in_flight_->WithLabels({label});
    call_duration_->WithLabels({label});
  }
  documents_->WithLabels({"ok"});
}

void ServiceMetrics::CallStarted(const std::string& method) {
  in_flight_->WithLabels({method})->Increment();
}

void ServiceMetrics::CallFinished(const std::string& method, grpc::StatusCode code,
                                  absl::Duration duration) {
  in_flight_->WithLabels({method})->Decrement();
  calls_->WithLabels({method, std::string(StatusCodeName(code))})->Increment();
  call_duration_->WithLabels({method})->Observe(absl::ToDoubleSeconds(duration));
}

void ServiceMetrics::DocumentParsed(const absl::Status& status, uint64_t bytes,
                                    absl::Duration parse_time, const v1::Resolution* resolution) {
  const std::string outcome = absl::AsciiStrToLower(
      StatusCodeName(static_cast<grpc::StatusCode>(static_cast<int>(status.code()))));
  documents_->WithLabels({outcome})->Increment();
  document_bytes_->Increment(static_cast<double>(bytes));
  if (parse_time > absl::ZeroDuration()) parse_duration_->Observe(absl::ToDoubleSeconds(parse_time));
  if (resolution == nullptr) return;
  for (const v1::Diagnostic& d : resolution->diagnostics()) {
    diagnostics_->WithLabels({DiagnosticCodeLabel(d.code()), std::string(SeverityName(d.severity()))})
        ->Increment();
  }
}

}  // namespace service
}  // namespace resolute
