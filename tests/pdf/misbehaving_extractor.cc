// A stand-in for resolute_pdf_extractor that misbehaves on cue, to test that
// a failing extractor process costs only its own document. It reads the
// whole input, then: "CRASH" -> dies on SIGSEGV; "HANG" -> sleeps forever;
// "GARBAGE" -> writes bytes that are no extraction; "EXIT" -> exits with
// status 7; anything else -> a real extraction.

#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <iterator>
#include <string>

#include "pdf/extraction_wire.h"
#include "pdf/pdf_extractor.h"

int main() {
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (input == "CRASH") raise(SIGSEGV);
  if (input == "HANG") {
    for (;;) pause();
  }
  if (input == "GARBAGE") {
    std::cout << "not an extraction";
    return 0;
  }
  if (input == "EXIT") return 7;
  std::cout << resolute::EncodeExtraction(resolute::ExtractPdf(input, resolute::PdfLimits()));
  return 0;
}
