// PDF text extraction with poppler's C++ API: PDF bytes to a PdfDocument
// (pages, lines, words with position, font name, size and italics).
//
//   absl::StatusOr<PdfDocument> doc = ExtractPdf(bytes, PdfLimits());
//   if (!doc.ok()) return doc.status();  // see ExtractPdf for the codes
//
// This runs the PDF library in the calling process: callers that handle
// untrusted PDFs run it in a separate, resource-limited process (see
// pdf/README.md and pdf/extractor_process.h).

#ifndef RESOLUTE_PDF_PDF_EXTRACTOR_H_
#define RESOLUTE_PDF_PDF_EXTRACTOR_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "pdf/pdf_document.h"

namespace resolute {

// Limits on one extraction.
struct PdfLimits {
  // Documents with more pages are refused with RESOURCE_EXHAUSTED.
  int max_pages = 1000;
};

// True if `bytes` starts with the PDF signature "%PDF-" (after at most a
// few leading bytes of whitespace, as readers tolerate).
bool LooksLikePdf(absl::string_view bytes);

// Extracts the text layer of the PDF in `bytes`.
//
// Returns INVALID_ARGUMENT if the bytes are not a readable PDF (corrupt,
// truncated beyond repair, or without pages), FAILED_PRECONDITION if the PDF
// needs a password or has no text layer (a scan: OCR is not done), and
// RESOURCE_EXHAUSTED if it has more than `limits.max_pages` pages. Every
// error carries a reason (common/error_reason.h) with field "content".
absl::StatusOr<PdfDocument> ExtractPdf(absl::string_view bytes, const PdfLimits& limits);

// Groups the words of one page, in the PDF library's reading order, into
// lines: a word joins the current line if it lies to the right of the line's
// last word and overlaps the line vertically (raised footnote markers too).
// Used by ExtractPdf; public for tests.
std::vector<PdfLine> GroupWordsIntoLines(std::vector<PdfWord> words, int page);

// Joins a line with one of the next few lines printed on the same baseline
// just to its right (a justified line the PDF library read as two blocks,
// with a line of the next block in between). Used by ExtractPdf; public for
// tests.
std::vector<PdfLine> MergeBaselineFragments(std::vector<PdfLine> lines, int page);

// Puts the footnote zone of a page (the lines printed below the first rule
// of underscores) in reading order: row by row from the top, each row left
// to right, so that a footnote's raised marker opens its text and the page
// footer comes last. Lines that are printed above the rule keep their
// order. Used by ExtractPdf; public for tests.
std::vector<PdfLine> OrderFootnoteZone(std::vector<PdfLine> lines, int page);

}  // namespace resolute

#endif  // RESOLUTE_PDF_PDF_EXTRACTOR_H_
