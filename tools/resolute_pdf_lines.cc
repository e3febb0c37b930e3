// resolute_pdf_lines: prints the lines that pdf_extractor reads from PDFs,
// one per row: page, layout role (? unknown, B body, F furniture, N footnote)
// and raised markers (^1), box, font size, italic ranges, the first word's
// font, text; with --words, each word below its line (box, font size, text).
//   bazel run //tools:resolute_pdf_lines -- [--words] FILE.pdf...

#include <cstdio>
#include <iostream>
#include <string>

#include "absl/strings/str_format.h"
#include "pdf/pdf_typed_text.h"
#include "tools/pdf_file.h"

int main(int argc, char** argv) {
  int status = 0;
  bool words = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--words") {
      words = true;
      continue;
    }
    absl::StatusOr<resolute::PdfDocument> doc = resolute::tools::ExtractPdfFile(argv[i]);
    if (!doc.ok()) {
      std::cerr << argv[i] << ": " << doc.status() << "\n";
      status = 1;
      continue;
    }
    const auto layout = resolute::AnalyzePageLayout(*doc);
    for (size_t p = 0; p < doc->pages.size(); ++p) {
      const resolute::PdfPage& page = doc->pages[p];
      for (size_t l = 0; l < page.lines.size(); ++l) {
        const resolute::PdfLine& line = page.lines[l];
        static constexpr const char* kRoles[] = {"?", "B", "F", "N"};
        std::string marks;
        for (const resolute::TypedRange& r : layout[p][l].markers) {
          absl::StrAppendFormat(&marks, "^%s", line.text.substr(r.begin, r.end - r.begin));
        }
        std::string italic;
        for (const resolute::PdfByteRange& r : line.italic_ranges) {
          absl::StrAppendFormat(&italic, "[%d,%d)", r.begin, r.end);
        }
        absl::PrintF("%d %s%s %6.1f %6.1f %6.1f %6.1f %4.1f %s %s | %s\n", line.page,
                     kRoles[static_cast<int>(layout[p][l].role)], marks, line.box.left,
                     line.box.top, line.box.right, line.box.bottom, line.font_size, italic,
                     line.words.empty() ? "" : line.words[0].font_name, line.text);
        if (!words) continue;
        for (const resolute::PdfWord& w : line.words) {
          absl::PrintF("    %6.1f %6.1f %6.1f %6.1f %4.1f %s\n", w.box.left, w.box.top,
                       w.box.right, w.box.bottom, w.font_size, w.text);
        }
      }
    }
  }
  return status;
}
