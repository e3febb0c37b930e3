// A stand-in for resolute_pdf_extractor that misbehaves on cue, to test that
// a failing extractor process costs only its own document. It serves framed
// requests (pdf/extractor_child.h); for each: "CRASH" -> dies on SIGSEGV;
// "HANG" -> sleeps forever; "GARBAGE" -> answers with bytes that are no
// extraction; "EXIT" -> exits with status 7; anything else -> a real
// extraction.

#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "pdf/extraction_wire.h"
#include "pdf/pdf_extractor.h"

namespace {

bool ReadExactly(char* out, size_t n) {
  size_t done = 0;
  while (done < n) {
    const ssize_t r = read(STDIN_FILENO, out + done, n - done);
    if (r <= 0) return false;
    done += static_cast<size_t>(r);
  }
  return true;
}

void Answer(const std::string& wire) {
  const uint32_t n = static_cast<uint32_t>(wire.size());
  std::string out;
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  out += wire;
  size_t done = 0;
  while (done < out.size()) {
    const ssize_t w = write(STDOUT_FILENO, out.data() + done, out.size() - done);
    if (w <= 0) _exit(3);
    done += static_cast<size_t>(w);
  }
}

}  // namespace

int main() {
  for (;;) {
    unsigned char h[4];
    if (!ReadExactly(reinterpret_cast<char*>(h), 4)) return 0;
    std::string input(h[0] | h[1] << 8 | h[2] << 16 | static_cast<uint32_t>(h[3]) << 24, '\0');
    if (!ReadExactly(input.data(), input.size())) return 3;
    if (input == "CRASH") raise(SIGSEGV);
    if (input == "HANG") {
      for (;;) pause();
    }
    if (input == "EXIT") return 7;
    if (input == "GARBAGE") {
      Answer("not an extraction");
      continue;
    }
    Answer(resolute::EncodeExtraction(resolute::ExtractPdf(input, resolute::PdfLimits())));
  }
}
