#include "tools/pdf_file.h"

#include <fstream>
#include <sstream>

#include "pdf/pdf_extractor.h"

namespace resolute::tools {

absl::StatusOr<PdfDocument> ExtractPdfFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ExtractPdf(buffer.str(), PdfLimits());
}

}  // namespace resolute::tools
