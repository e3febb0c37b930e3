// DocumentParser: one ParseResolutionRequest -> one Resolution.
//
// The single path every RPC of the service takes to the parser: it checks the
// request's hints (language), turns the request into resolute::ParseOptions
// and calls the parser, which validates the content itself (empty, not UTF-8
// with the byte offset, a NUL byte, no text once normalised, larger than the
// limit). Unary calls, streams and archive entries all come through here, so
// the same content gets the same status and reason in all three.
//
// PDF content (media type "application/pdf", or no media type and the
// "%PDF-" signature) is extracted in a separate process per document
// (pdf/isolated_extractor.h, pdf/README.md) and parsed with its typography.
//
//   DocumentParser parser({.max_document_bytes = 16 << 20});
//   v1::ParseResolutionResponse response;
//   parser.ParseToResponse(request, &response);

#ifndef RESOLUTE_SERVICE_DOCUMENT_PARSER_H_
#define RESOLUTE_SERVICE_DOCUMENT_PARSER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "parser/parser.h"
#include "pdf/isolated_extractor.h"
#include "pdf/pdf_document.h"
#include "resolute/v1/resolute_service.pb.h"
#include "resolute/v1/resolution.pb.h"
#include "service/memory_budget.h"
#include "service/service_metrics.h"

namespace resolute {
namespace service {

// The parser entry point; resolute::ParseResolution unless a test substitutes
// its own (to slow parsing down or count calls).
using ParseFunction =
    std::function<absl::Status(absl::string_view, const ParseOptions&, v1::Resolution*)>;

// The PDF extraction entry point; an IsolatedPdfExtractor unless a test
// substitutes its own.
using PdfExtractFunction = std::function<absl::StatusOr<PdfDocument>(absl::string_view)>;

// Options of DocumentParser.
struct DocumentParserOptions {
  // Documents larger than this are rejected with RESOURCE_EXHAUSTED.
  size_t max_document_bytes = 16 << 20;
  // The parser to call; empty means resolute::ParseResolution.
  ParseFunction parse;
  // Where each document's outcome, size, parse time and diagnostics are
  // recorded; null for nowhere. Must outlive the parser.
  ServiceMetrics* metrics = nullptr;
  // The server's memory budget: each parse holds `memory_per_content_byte`
  // times its content's size plus `memory_per_line_break` per line break
  // from it while the parser runs (not while the response waits to be
  // written), waiting up to `memory_wait` for that much to be free. A PDF is
  // charged for its bytes, then, once extracted, for its bytes plus the
  // parse of its text, if that is more. Null: no budget. Must outlive the
  // parser.
  MemoryBudget* memory_budget = nullptr;
  // Peak memory of a parse per byte of content and per line break, as
  // measured (service/memory_budget.h, bench/peak_memory.cc).
  int64_t memory_per_content_byte = kMemoryPerContentByte;
  int64_t memory_per_line_break = kMemoryPerLineBreak;
  // How long a parse waits for its share of the memory budget.
  absl::Duration memory_wait = absl::Seconds(5);
  // How PDFs are extracted: the extractor process and its limits. With an
  // empty `pdf.program` PDFs are refused (FAILED_PRECONDITION).
  IsolatedExtractorOptions pdf;
  // The extraction to call; empty means an IsolatedPdfExtractor with `pdf`.
  PdfExtractFunction extract_pdf;
};

// What a request carries, from its media type or, when that is unset, from
// the content's signature.
enum class MediaKind { kText, kPdf };

// Returns the kind of `request`'s content: "application/pdf" is PDF,
// "text/plain" (parameters such as "; charset=utf-8" allowed) is text, and
// an empty media type is PDF if the content starts with "%PDF-", else text.
// INVALID_ARGUMENT (reason MEDIA_TYPE_UNSUPPORTED, field media_type) for any
// other media type.
absl::StatusOr<MediaKind> ResolveMediaKind(const v1::ParseResolutionRequest& request);

// Returns OK if `language` is one the parser supports: empty, "en" or "en-*"
// (any case); INVALID_ARGUMENT (reason LANGUAGE_UNSUPPORTED) naming the
// language, cut to a short prefix, otherwise.
absl::Status CheckLanguage(absl::string_view language);

// Returns OK if `source_variant` is a value of v1::SourceVariant;
// INVALID_ARGUMENT (reason SOURCE_VARIANT_UNKNOWN) otherwise.
absl::Status CheckSourceVariant(int source_variant);

// What a call asks of every parse it starts: stop at its deadline, or when
// its caller cancels (resolute::ParseOptions::deadline and ::cancelled).
struct CallControl {
  // When the call's deadline passes; a parse still running then ends with
  // DEADLINE_EXCEEDED.
  absl::Time deadline = absl::InfiniteFuture();
  // Returns true once the caller has cancelled; empty for never. Called from
  // the parsing thread now and then.
  std::function<bool()> cancelled;
  // If set, the parse's share of the memory budget is moved here when the
  // parse ends, instead of being released: the caller holds it until the
  // response is serialized (the model outlives the parse, and serializing
  // it is when a call's memory peaks; the charge covers it,
  // bench/peak_memory.cc). The caller must release it without waiting for
  // another call's event (workers waiting for memory would wait for each
  // other).
  MemoryBudget::Lease* keep_memory = nullptr;
};

// Validates and parses requests. Thread-safe; holds no per-call state.
class DocumentParser {
 public:
  explicit DocumentParser(DocumentParserOptions options);

  // Parses `request.content` into `*out` (cleared first), and records the
  // document in the metrics. If the request asks for
  // OUTPUT_FORMAT_AKOMA_NTOSO and `akoma_ntoso_xml` is not null, also writes
  // the resolution there as Akoma Ntoso XML (//akn:akn_writer); it is left
  // empty otherwise.
  //
  // Returns INVALID_ARGUMENT for an unsupported language or media type or an
  // unknown source variant, and whatever the parser returns
  // (resolute::ParseResolution): INVALID_ARGUMENT for empty, non-UTF-8,
  // binary (NUL) or textless content, RESOURCE_EXHAUSTED for content over
  // `max_document_bytes`. For PDF content, also what the extraction returns
  // (IsolatedPdfExtractor::Extract: corrupt, encrypted, no text layer, page,
  // time and memory limits, a crashed extractor). With a memory budget,
  // RESOURCE_EXHAUSTED (MEMORY_BUDGET_EXCEEDED) for a document whose parse
  // alone needs more than the budget, and UNAVAILABLE (SERVER_MEMORY_BUSY,
  // with RetryInfo) if its share was not free within `memory_wait`; INTERNAL
  // (reason AKOMA_NTOSO_WRITE_FAILED) if the XML cannot be written. Every
  // error carries its reason (common/error_reason.h).
  // The parse stops, with DEADLINE_EXCEEDED or CANCELLED, as `call` says.
  absl::Status Parse(const v1::ParseResolutionRequest& request, v1::Resolution* out,
                     std::string* akoma_ntoso_xml = nullptr,
                     const CallControl& call = {}) const;

  // Parses `request` into `*response`: `document_id` echoed, `status` set, and
  // `resolution` (and `akoma_ntoso_xml` when asked for) set only when the
  // status is OK.
  void ParseToResponse(const v1::ParseResolutionRequest& request,
                       v1::ParseResolutionResponse* response,
                       const CallControl& call = {}) const;

  // The limit on document size.
  size_t max_document_bytes() const { return options_.max_document_bytes; }

 private:
  // Extracts and parses PDF content; grows `memory` (the lease taken for
  // the PDF's bytes) to cover the parse of its text.
  absl::Status ParsePdf(const v1::ParseResolutionRequest& request, ParseOptions parse_options,
                        v1::Resolution* out, MemoryBudget::Lease* memory) const;

  DocumentParserOptions options_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_DOCUMENT_PARSER_H_
