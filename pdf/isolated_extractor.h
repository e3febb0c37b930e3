// IsolatedPdfExtractor: PDF extraction in separate, resource-limited
// processes, so that a crash, a hang or runaway memory in the PDF library
// costs only that document.
//
//   IsolatedPdfExtractor extractor({.program = "/path/resolute_pdf_extractor",
//                                   .timeout = absl::Seconds(30)});
//   absl::StatusOr<PdfDocument> doc = extractor.Extract(pdf_bytes);
//
// Extractor processes (the program, started with posix_spawn: a socket pair
// as its standard input and output, standard error to /dev/null) serve one
// request at a time (pdf/extractor_child.h). A process that extracted a
// document successfully goes back to a pool of idle processes and serves
// again, up to `documents_per_process`; after any failed extraction it is
// ended, and after a timeout, a crash or unusable output it is killed and
// reaped. Processes limit their own address space (RLIMIT_AS) and CPU time
// (RLIMIT_CPU) before reading any PDF; the caller kills one when the
// wall-clock timeout passes. Thread-safe; each call uses its own process.

#ifndef RESOLUTE_PDF_ISOLATED_EXTRACTOR_H_
#define RESOLUTE_PDF_ISOLATED_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
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
  // Documents one process extracts before it is replaced; 1 starts a fresh
  // process for every document.
  int documents_per_process = 50;
};

// Runs extractions in child processes. Thread-safe.
class IsolatedPdfExtractor {
 public:
  explicit IsolatedPdfExtractor(IsolatedExtractorOptions options);
  // Ends the idle processes (their input closes) and reaps them.
  ~IsolatedPdfExtractor();

  IsolatedPdfExtractor(const IsolatedPdfExtractor&) = delete;
  IsolatedPdfExtractor& operator=(const IsolatedPdfExtractor&) = delete;

  // Extracts `pdf` in an idle extractor process, or a new one.
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

  // Processes started so far (for tests and benchmarks).
  int processes_started() const;

 private:
  // One extractor process: its id, the parent's end of its socket pair, and
  // the documents it has extracted.
  struct Process {
    pid_t pid = -1;
    int fd = -1;
    int documents = 0;
  };

  absl::StatusOr<Process> Start() const;
  // Closes the socket and reaps the process (killing it first if `kill`).
  // Returns its wait status.
  static int End(Process p, bool kill);

  IsolatedExtractorOptions options_;
  mutable absl::Mutex mu_;
  mutable std::vector<Process> idle_ ABSL_GUARDED_BY(mu_);
  mutable int started_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace resolute

#endif  // RESOLUTE_PDF_ISOLATED_EXTRACTOR_H_
