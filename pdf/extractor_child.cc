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

// Reads exactly `n` bytes; false at the end of input or on an error.
bool ReadExactly(int fd, char* out, size_t n) {
  size_t done = 0;
  while (done < n) {
    const ssize_t r = read(fd, out + done, n - done);
    if (r == 0) return false;
    if (r < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(r);
  }
  return true;
}

bool WriteAll(int fd, const char* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = write(fd, data + done, size - done);
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
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer has reserved terabytes of address space for its shadow
  // memory: an address-space limit would fail every allocation. Sanitizer
  // builds (scripts/sanitize.sh) run extractors without it.
  memory = 0;
#endif
  if (memory > 0 && !SetLimit(RLIMIT_AS, memory)) return 2;
  if (cpu > 0 && !SetLimit(RLIMIT_CPU, cpu)) return 2;
  if (!SetLimit(RLIMIT_CORE, 0)) return 2;

  for (;;) {
    unsigned char header[4];
    size_t got = 0;
    while (got < 4) {
      const ssize_t r = read(STDIN_FILENO, header + got, 4 - got);
      if (r == 0) return got == 0 ? 0 : 3;  // the input ended between requests
      if (r < 0 && errno != EINTR) return 3;
      if (r > 0) got += static_cast<size_t>(r);
    }
    const uint32_t size = header[0] | header[1] << 8 | header[2] << 16 |
                          static_cast<uint32_t>(header[3]) << 24;
    std::string wire;
    bool out_of_memory = false;
    try {
      std::string pdf(size, '\0');
      if (!ReadExactly(STDIN_FILENO, pdf.data(), size)) return 3;
      wire = EncodeExtraction(ExtractPdf(pdf, limits));
    } catch (const std::bad_alloc&) {
      // The request may be unread: answer, then end (the parent starts anew).
      out_of_memory = true;
      wire = EncodeExtraction(WithErrorReason(
          absl::ResourceExhaustedError("PDF: extraction needs more memory than the limit"),
          "PDF_MEMORY_LIMIT", "content"));
    }
    const uint32_t n = static_cast<uint32_t>(wire.size());
    const char length[4] = {static_cast<char>(n & 0xff), static_cast<char>((n >> 8) & 0xff),
                            static_cast<char>((n >> 16) & 0xff),
                            static_cast<char>((n >> 24) & 0xff)};
    if (!WriteAll(STDOUT_FILENO, length, 4) || !WriteAll(STDOUT_FILENO, wire.data(), n)) {
      return 3;
    }
    if (out_of_memory) return 0;
  }
}

}  // namespace resolute
