#include "pdf/extractor_child.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <new>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "common/error_reason.h"
#include "pdf/extraction_wire.h"
#include "pdf/pdf_extractor.h"

namespace resolute {
namespace {

bool SetLimit(int resource, uint64_t value) {
  struct rlimit limit;
  limit.rlim_cur = value;
  limit.rlim_max = value;
  return setrlimit(resource, &limit) == 0;
}

bool ReadAll(int fd, std::string* out) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    out->append(buffer, static_cast<size_t>(n));
  }
}

bool WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

int RunPdfExtractorChild(int argc, char** argv) {
  PdfLimits limits;
  uint64_t memory = 0, cpu = 0;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    bool ok = true;
    if (absl::ConsumePrefix(&arg, "--max_pages=")) {
      ok = absl::SimpleAtoi(arg, &limits.max_pages);
    } else if (absl::ConsumePrefix(&arg, "--memory_limit_bytes=")) {
      ok = absl::SimpleAtoi(arg, &memory);
    } else if (absl::ConsumePrefix(&arg, "--cpu_seconds=")) {
      ok = absl::SimpleAtoi(arg, &cpu);
    }
    if (!ok) return 2;
  }
  if (memory > 0 && !SetLimit(RLIMIT_AS, memory)) return 2;
  if (cpu > 0 && !SetLimit(RLIMIT_CPU, cpu)) return 2;
  if (!SetLimit(RLIMIT_CORE, 0)) return 2;

  std::string pdf;
  if (!ReadAll(STDIN_FILENO, &pdf)) return 3;
  std::string wire;
  try {
    wire = EncodeExtraction(ExtractPdf(pdf, limits));
  } catch (const std::bad_alloc&) {
    pdf.clear();
    pdf.shrink_to_fit();
    wire = EncodeExtraction(WithErrorReason(
        absl::ResourceExhaustedError("PDF: extraction needs more memory than the limit"),
        "PDF_MEMORY_LIMIT", "content"));
  }
  return WriteAll(STDOUT_FILENO, wire) ? 0 : 3;
}

}  // namespace resolute
