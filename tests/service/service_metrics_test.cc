// ServiceMetrics: the resolute_* families, the method labels that guard
// against unbounded series, documents and their diagnostics.

#include "service/service_metrics.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ServiceMetrics, MethodLabels) {
  const std::pair<const char*, const char*> cases[] = {
      {"/resolute.v1.ResolutionParserService/ParseResolution",
       "resolute.v1.ResolutionParserService/ParseResolution"},
      {"/grpc.health.v1.Health/Check", "grpc.health.v1.Health/Check"},
      {"/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
       "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"},
      {"/evil.Service/Method", "other"},
      {"/resolute.v1.ResolutionParserService/Parse\"Injected", "other"},
      {"/resolute.v1.ResolutionParserService/", "other"},
      // Unknown methods of known services create no series of their own.
      {"/resolute.v1.ResolutionParserService/M1", "other"},
      {"/resolute.v1.ResolutionParserService/M2999", "other"},
      {"/grpc.health.v1.Health/Nope", "other"},
      {"/resolute.v1.ResolutionParserService/ParseArchive", "resolute.v1.ResolutionParserService/ParseArchive"},
      {"no-slash", "other"},
      {"", "other"},
  };
  for (const auto& [path, label] : cases) EXPECT_EQ(MethodLabel(path), label) << path;
}

TEST(ServiceMetrics, StatusCodeNames) {
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::RESOURCE_EXHAUSTED), "RESOURCE_EXHAUSTED");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
  EXPECT_EQ(StatusCodeName(static_cast<grpc::StatusCode>(99)), "UNKNOWN");
}

TEST(ServiceMetrics, CallsAndDocumentsAreRecorded) {
  metrics::Registry registry;
  ServiceMetrics m(&registry);
  const std::string parse = "resolute.v1.ResolutionParserService/ParseResolution";
  // Before any call, the service's methods are there at zero.
  EXPECT_THAT(registry.Expose(),
              HasSubstr("resolute_grpc_calls_in_flight{method=\"" + parse + "\"} 0\n"));
  m.CallStarted(parse);
  m.CallStarted(parse);
  EXPECT_THAT(registry.Expose(),
              HasSubstr("resolute_grpc_calls_in_flight{method=\"" + parse + "\"} 2\n"));
  m.CallFinished(parse, grpc::StatusCode::OK, absl::Milliseconds(3));
  m.CallFinished(parse, grpc::StatusCode::INVALID_ARGUMENT, absl::Seconds(2));

  v1::Resolution resolution;
  auto* d = resolution.add_diagnostics();
  d->set_code("FOOTNOTE_UNANCHORED");
  d->set_severity(v1::Diagnostic::SEVERITY_WARNING);
  d = resolution.add_diagnostics();
  d->set_code("FOOTNOTE_UNANCHORED");
  d->set_severity(v1::Diagnostic::SEVERITY_WARNING);
  d = resolution.add_diagnostics();
  d->set_code("not a code\"");
  d->set_severity(v1::Diagnostic::SEVERITY_ERROR);
  m.DocumentParsed(absl::OkStatus(), 1000, absl::Milliseconds(2), &resolution);
  m.DocumentParsed(absl::InvalidArgumentError("empty"), 0, absl::Microseconds(5), nullptr);
  m.DocumentParsed(absl::InvalidArgumentError("fr"), 20, absl::ZeroDuration(), nullptr);

  const std::string text = registry.Expose();
  for (const std::string& line : {
           "resolute_grpc_calls_total{method=\"" + parse + "\",code=\"INVALID_ARGUMENT\"} 1\n",
           "resolute_grpc_calls_total{method=\"" + parse + "\",code=\"OK\"} 1\n",
           "resolute_grpc_calls_in_flight{method=\"" + parse + "\"} 0\n",
           "resolute_grpc_call_duration_seconds_bucket{method=\"" + parse +
               "\",le=\"0.005\"} 1\n",
           "resolute_grpc_call_duration_seconds_bucket{method=\"" + parse + "\",le=\"1\"} 1\n",
           "resolute_grpc_call_duration_seconds_bucket{method=\"" + parse + "\",le=\"2.5\"} 2\n",
           "resolute_grpc_call_duration_seconds_count{method=\"" + parse + "\"} 2\n",
           std::string("resolute_documents_parsed_total{outcome=\"invalid_argument\"} 2\n"),
           std::string("resolute_documents_parsed_total{outcome=\"ok\"} 1\n"),
           std::string("resolute_document_bytes_total 1020\n"),
           // Documents refused before the parser are not timed.
           std::string("resolute_parse_duration_seconds_count 2\n"),
           std::string("resolute_parse_duration_seconds_bucket{le=\"0.0025\"} 2\n"),
           std::string(
               "resolute_diagnostics_total{code=\"FOOTNOTE_UNANCHORED\",severity=\"warning\"} 2\n"),
           std::string("resolute_diagnostics_total{code=\"OTHER\",severity=\"error\"} 1\n"),
       }) {
    EXPECT_THAT(text, HasSubstr(line));
  }
  EXPECT_THAT(text, Not(HasSubstr("not a code")));
  for (const char* type :
       {"# TYPE resolute_grpc_calls_total counter", "# TYPE resolute_grpc_calls_in_flight gauge",
        "# TYPE resolute_grpc_call_duration_seconds histogram",
        "# TYPE resolute_documents_parsed_total counter",
        "# TYPE resolute_document_bytes_total counter",
        "# TYPE resolute_parse_duration_seconds histogram",
        "# TYPE resolute_diagnostics_total counter"}) {
    EXPECT_THAT(text, HasSubstr(type));
  }
}

}  // namespace
}  // namespace service
}  // namespace resolute
