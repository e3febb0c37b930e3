// The bytes an extractor process writes on its standard output: the
// extracted PdfDocument, or the status that ended the extraction.
//
//   std::string wire = EncodeExtraction(ExtractPdf(bytes, limits));   // child
//   absl::StatusOr<PdfDocument> doc = DecodeExtraction(wire);          // parent
//
// A private format of this repository (both ends are built together): a
// magic word, then little-endian fixed-width numbers and length-prefixed
// strings. Decoding checks every length against what is left, so a
// truncated or garbled stream (a child that died mid-write) is an error,
// never a crash.

#ifndef RESOLUTE_PDF_EXTRACTION_WIRE_H_
#define RESOLUTE_PDF_EXTRACTION_WIRE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "pdf/pdf_document.h"

namespace resolute {

// Encodes an extraction's outcome: the document, or the error status with
// its error reason (common/error_reason.h).
std::string EncodeExtraction(const absl::StatusOr<PdfDocument>& extraction);

// Decodes what EncodeExtraction wrote: the document, or the encoded error
// status. Returns INTERNAL (reason PDF_EXTRACTOR_OUTPUT) if `wire` is not a
// complete encoding.
absl::StatusOr<PdfDocument> DecodeExtraction(absl::string_view wire);

}  // namespace resolute

#endif  // RESOLUTE_PDF_EXTRACTION_WIRE_H_
