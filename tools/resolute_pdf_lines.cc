// resolute_pdf_lines: prints the lines that pdf_extractor reads from PDFs,
// one per row: page, box, font size, italic ranges, the first word's font,
// text.
//   bazel run //tools:resolute_pdf_lines -- FILE.pdf...

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/strings/str_format.h"
#include "pdf/pdf_extractor.h"

int main(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    absl::StatusOr<resolute::PdfDocument> doc =
        resolute::ExtractPdf(buffer.str(), resolute::PdfLimits());
    if (!doc.ok()) {
      std::cerr << argv[i] << ": " << doc.status() << "\n";
      status = 1;
      continue;
    }
    for (const resolute::PdfPage& page : doc->pages) {
      for (const resolute::PdfLine& line : page.lines) {
        std::string italic;
        for (const resolute::PdfByteRange& r : line.italic_ranges) {
          absl::StrAppendFormat(&italic, "[%d,%d)", r.begin, r.end);
        }
        absl::PrintF("%d %6.1f %6.1f %6.1f %6.1f %4.1f %s %s | %s\n", line.page, line.box.left,
                     line.box.top, line.box.right, line.box.bottom, line.font_size, italic,
                     line.words.empty() ? "" : line.words[0].font_name, line.text);
      }
    }
  }
  return status;
}
