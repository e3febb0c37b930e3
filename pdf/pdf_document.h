// The text layer of a PDF as resolute reads it: pages of words, and the
// words grouped into lines, each with its position and typography.
//
//   absl::StatusOr<PdfDocument> doc = ExtractPdf(bytes, PdfLimits());
//   for (const PdfPage& page : doc->pages)
//     for (const PdfLine& line : page.lines) Use(line.text, line.box);
//
// Coordinates are PDF points from the page's top-left corner (y grows
// downwards), as poppler reports them.

#ifndef RESOLUTE_PDF_PDF_DOCUMENT_H_
#define RESOLUTE_PDF_PDF_DOCUMENT_H_

#include <string>
#include <vector>

namespace resolute {

// A rectangle on a page, in points from the top-left corner.
struct PdfBox {
  float left = 0;
  float top = 0;
  float right = 0;
  float bottom = 0;

  float width() const { return right - left; }
  float height() const { return bottom - top; }
  // Grows this box to enclose `other`.
  void Extend(const PdfBox& other);
};

// One word of the text layer, as the PDF library delimits it.
struct PdfWord {
  std::string text;  // UTF-8
  PdfBox box;
  std::string font_name;  // as embedded, subset prefix included
  float font_size = 0;
  bool italic = false;  // the font name says Italic or Oblique
  bool bold = false;    // the font name says Bold
};

// A byte range [begin, end) of a line's text.
struct PdfByteRange {
  int begin = 0;
  int end = 0;
};

// Words sharing a baseline, left to right, joined by single spaces.
struct PdfLine {
  std::string text;
  int page = 0;  // 1-based
  PdfBox box;    // encloses the line's words
  // The size of most of the line's characters.
  float font_size = 0;
  // The words' byte ranges in `text`, one per word of `words`.
  std::vector<PdfByteRange> word_ranges;
  // The line's words, in order.
  std::vector<PdfWord> words;
  // Byte ranges of `text` set in italics; a space between two italic words
  // is part of the range.
  std::vector<PdfByteRange> italic_ranges;
};

// One page: its size and its lines in reading order.
struct PdfPage {
  int number = 0;  // 1-based
  float width = 0;
  float height = 0;
  std::vector<PdfLine> lines;
};

// The text layer of a whole document.
struct PdfDocument {
  std::vector<PdfPage> pages;
};

}  // namespace resolute

#endif  // RESOLUTE_PDF_PDF_DOCUMENT_H_
