// The parser's input made from an extracted PDF: every line of every page
// with its page, box, font size, italic and bold ranges and word boxes.
//
//   absl::StatusOr<PdfDocument> doc = ExtractPdf(bytes, limits);
//   TypedText input = PdfToTypedText(*doc);
//   absl::Status s = ParseResolution(input, options, &resolution);

#ifndef RESOLUTE_PDF_PDF_TYPED_TEXT_H_
#define RESOLUTE_PDF_PDF_TYPED_TEXT_H_

#include "parser/typed_text.h"
#include "pdf/pdf_document.h"

namespace resolute {

// Returns the lines of `doc` page by page, in reading order. A blank line is
// put where the vertical gap to the line before is larger than half a line,
// or where reading goes back up the page (a new block), as text extractors
// mark paragraph and block boundaries.
TypedText PdfToTypedText(const PdfDocument& doc);

}  // namespace resolute

#endif  // RESOLUTE_PDF_PDF_TYPED_TEXT_H_
