// Fuzz target for request handling: any bytes, taken as a serialized
// ParseResolutionRequest as the service receives it, then handled by the
// service's one request path (DocumentParser::ParseToResponse) in-process.
// Bytes that do not decode are what gRPC refuses before the handler; a
// decoded request must get exactly one response with its id echoed, a
// resolution exactly when the status is OK, a short message, an ErrorInfo in
// the service's domain whose code is one a single document can get here, and
// spans inside the text. The parser has no PDF extractor (fuzzing poppler is
// not this target's job), so content that is a PDF must be refused with
// PDF_DISABLED: FAILED_PRECONDITION.
//
// Built with libFuzzer by tools/fuzz.sh; replayed on regressions/request and
// seeds by `bazel test` (request_regressions_test).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "google/rpc/error_details.pb.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/document_parser.h"
#include "service/status_mapping.h"
#include "tests/fuzz/resolution_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const resolute::service::DocumentParser* const parser = [] {
    resolute::service::DocumentParserOptions options;
    options.max_document_bytes = 1 << 20;
    return new resolute::service::DocumentParser(options);
  }();
  resolute::v1::ParseResolutionRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  request.set_omit_text(false);  // Spans are checked against the text.
  resolute::v1::ParseResolutionResponse response;
  parser->ParseToResponse(request, &response);
  if (response.document_id() != request.document_id()) abort();
  const int code = response.status().code();
  if ((code == 0) != response.has_resolution()) abort();
  // OK, INVALID_ARGUMENT, RESOURCE_EXHAUSTED: nothing else for one document.
  if (code != 0) {
    google::rpc::ErrorInfo info;
    if (response.status().details_size() == 0 || !response.status().details(0).UnpackTo(&info) ||
        info.domain() != resolute::service::kErrorDomain) {
      abort();
    }
    // INVALID_ARGUMENT, RESOURCE_EXHAUSTED, and FAILED_PRECONDITION only for
    // a PDF on this server without extraction.
    const bool pdf_refused = code == 9 && info.reason() == "PDF_DISABLED";
    if (code != 3 && code != 8 && !pdf_refused) abort();
  }
  if (response.status().message().size() > resolute::service::kMaxStatusMessageBytes) abort();
  if (code == 0) resolute::fuzz::CheckResolution(response.resolution());
  return 0;
}
