// The parser's input made from an extracted PDF: every line of every page
// with its page, box, font size, italic and bold ranges, word boxes, and
// what the page layout says it is (furniture, footnote, body; raised
// footnote markers).
//
//   absl::StatusOr<PdfDocument> doc = ExtractPdf(bytes, limits);
//   TypedText input = PdfToTypedText(*doc);
//   absl::Status s = ParseResolution(input, options, &resolution);

#ifndef RESOLUTE_PDF_PDF_TYPED_TEXT_H_
#define RESOLUTE_PDF_PDF_TYPED_TEXT_H_

#include <vector>

#include "parser/typed_text.h"
#include "pdf/pdf_document.h"

namespace resolute {

// What the page layout says about one line of a PdfPage.
struct PdfLineLayout {
  TypedRole role = TypedRole::kUnknown;
  // Byte ranges of the line's text printed as raised smaller digits.
  std::vector<TypedRange> markers;
};

// The page layout of `doc`, one entry per line of each page:
//   - a line in the header band (top tenth of the page) or the footer band
//     (bottom twelfth) is furniture if its text, with every run of digits
//     counted as one digit and spaces ignored, is printed in the same band
//     of at least two pages ("A/RES/78/100", the running title, "2/3",
//     "23-24979"), or if it prints the page's own number ("2/5"), or a word
//     of at least five bytes with a digit that the same band of another
//     page prints (the job number "23-24979" of "23-24979 (E) 201223"); a
//     line that opens with a raised marker never is;
//   - a line below the page's footnote rule (a run of underscores) set
//     smaller than the document's body text is a footnote;
//   - any other line between the bands is body; the rest is unknown;
//   - a word of digits (or digits and commas: "10,11") set at most 0.8 times
//     the size of its line and printed above the line's baseline (by more
//     than 0.15 times the size) is a raised marker, each run of digits one.
// Used by PdfToTypedText; public for tests.
std::vector<std::vector<PdfLineLayout>> AnalyzePageLayout(const PdfDocument& doc);

// Returns the lines of `doc` page by page, in reading order, with their
// layout (AnalyzePageLayout; `has_layout` is set). A blank line is put where
// the vertical gap to the line before is larger than half a line, or where
// reading goes back up the page (a new block), as text extractors mark
// paragraph and block boundaries; a blank line next to furniture is
// furniture.
TypedText PdfToTypedText(const PdfDocument& doc);

}  // namespace resolute

#endif  // RESOLUTE_PDF_PDF_TYPED_TEXT_H_
