// IsolatedPdfExtractor: PDF extraction in a separate, resource-limited
// process, one process per document, so that a crash, a hang or runaway
// memory in the PDF library costs only that document.
//
//   IsolatedPdfExtractor extractor({.program = "/path/resolute_pdf_extractor",
//                                   .timeout = absl::Seconds(30)});
//   absl::StatusOr<PdfDocument> doc = extractor.Extract(pdf_bytes);
//
// Each call starts the extractor program with posix_spawn (a socket pair as
// its standard input and output, standard error to /dev/null), writes the
// PDF, reads the encoded extraction (pdf/extraction_wire.h) and reaps the
// process. The child limits its own address space (RLIMIT_AS) and CPU time
// (RLIMIT_CPU) before it reads the PDF; the parent kills it when the
// wall-clock timeout passes. Thread-safe: calls share no state.

#ifndef RESOLUTE_PDF_ISOLATED_EXTRACTOR_H_
#define RESOLUTE_PDF_ISOLATED_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "pdf/pdf_document.h"

namespace resolute {

// Options of IsolatedPdfExtractor.
struct IsolatedExtractorOptions {
  // The extractor program (pdf:resolute_pdf_extractor, or any program that
  // runs RunPdfExtractorChild).
  std::string program;
  // Arguments put before the limits ("--pdf_extractor_child" when the
  // program is the server itself).
  std::vector<std::string> leading_args;
  // Wall-clock time one extraction may take; the child is killed after it.
  absl::Duration timeout = absl::Seconds(30);
  // The child's address-space limit (RLIMIT_AS); 0 for none.
  int64_t memory_limit_bytes = int64_t{1} << 30;
  // Documents with more pages are refused (RESOURCE_EXHAUSTED).
  int max_pages = 1000;
};

// Runs extractions in child processes. Thread-safe.
class IsolatedPdfExtractor {
 public:
  explicit IsolatedPdfExtractor(IsolatedExtractorOptions options);

  // Extracts `pdf` in a new child process.
  //
  // Returns what the child reports (see ExtractPdf: INVALID_ARGUMENT,
  // FAILED_PRECONDITION, RESOURCE_EXHAUSTED), or: DEADLINE_EXCEEDED (reason
  // PDF_TIMEOUT) if it runs out of time, RESOURCE_EXHAUSTED (PDF_CPU_LIMIT)
  // if the kernel stops it at the CPU limit, INVALID_ARGUMENT
  // (PDF_EXTRACTOR_CRASHED) if it dies on a signal (the PDF library crashed
  // on this document), INTERNAL (PDF_EXTRACTOR_FAILED or
  // PDF_EXTRACTOR_OUTPUT) if it cannot be started or its output is unusable.
  absl::StatusOr<PdfDocument> Extract(absl::string_view pdf) const;

  const IsolatedExtractorOptions& options() const { return options_; }

 private:
  IsolatedExtractorOptions options_;
};

}  // namespace resolute

#endif  // RESOLUTE_PDF_ISOLATED_EXTRACTOR_H_
