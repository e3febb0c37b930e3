// The text layer of a PDF file, for the PDF tools.
//   absl::StatusOr<resolute::PdfDocument> doc = resolute::tools::ExtractPdfFile(path);

#ifndef RESOLUTE_TOOLS_PDF_FILE_H_
#define RESOLUTE_TOOLS_PDF_FILE_H_

#include "absl/status/statusor.h"
#include "pdf/pdf_document.h"

namespace resolute::tools {

// Reads the file at `path` and extracts it in-process with the default
// limits (pdf/pdf_extractor.h).
absl::StatusOr<PdfDocument> ExtractPdfFile(const char* path);

}  // namespace resolute::tools

#endif  // RESOLUTE_TOOLS_PDF_FILE_H_
