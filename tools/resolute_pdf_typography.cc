// resolute_pdf_typography: parses PDFs in-process and prints, per document
// and in total, what the page layout decided against the text rules'
// fallback: furniture lines, footnote lines, footnotes and their anchors
// (parser/typography.h, TypographyStats).
//   bazel run //tools:resolute_pdf_typography -- FILE.pdf...

#include <iostream>
#include <string>

#include "absl/strings/str_format.h"
#include "parser/parser.h"
#include "parser/typography.h"
#include "pdf/pdf_typed_text.h"
#include "tools/pdf_file.h"

namespace {

void Print(const std::string& name, const resolute::TypographyStats& s) {
  absl::PrintF(
      "%-16s furniture %4d layout %4d text %3d undone | footnote lines %4d layout %3d text | "
      "footnotes %4d layout %3d text | anchors %4d layout %3d text | raised %4d\n",
      name, s.furniture_lines_layout, s.furniture_lines_text, s.furniture_lines_undone,
      s.footnote_lines_layout, s.footnote_lines_text, s.footnotes_layout, s.footnotes_text,
      s.anchors_layout, s.anchors_text, s.raised_markers);
}

}  // namespace

int main(int argc, char** argv) {
  int status = 0;
  resolute::TypographyStats total;
  for (int i = 1; i < argc; ++i) {
    absl::StatusOr<resolute::PdfDocument> doc = resolute::tools::ExtractPdfFile(argv[i]);
    if (!doc.ok()) {
      std::cerr << argv[i] << ": " << doc.status() << "\n";
      status = 1;
      continue;
    }
    resolute::TypographyStats stats;
    resolute::ParseOptions options;
    options.typography_stats = &stats;
    resolute::v1::Resolution r;
    const absl::Status s = resolute::ParseResolution(resolute::PdfToTypedText(*doc), options, &r);
    if (!s.ok()) {
      std::cerr << argv[i] << ": " << s << "\n";
      status = 1;
      continue;
    }
    std::string name = argv[i];
    name = name.substr(name.find_last_of('/') + 1);
    Print(name.substr(0, name.find('.')), stats);
    total.Add(stats);
  }
  Print("total", total);
  return status;
}
