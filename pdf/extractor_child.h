// The extractor process's side: PDFs on standard input, their encoded
// extractions (pdf/extraction_wire.h) on standard output, one after the
// other, under resource limits it sets on itself before reading a byte.
//
// Framing, both ways: a 4-byte little-endian length, then that many bytes.
// The process serves requests until its input ends.
//
//   int main(int argc, char** argv) { return RunPdfExtractorChild(argc, argv); }
//
// Arguments (all optional): --max_pages=N, --memory_limit_bytes=N (the
// address-space limit, RLIMIT_AS), --cpu_seconds=N (RLIMIT_CPU; the kernel
// sends SIGXCPU past it). Other arguments are ignored, so that a program can
// serve as its own extractor (resolute_server --pdf_extractor_child).

#ifndef RESOLUTE_PDF_EXTRACTOR_CHILD_H_
#define RESOLUTE_PDF_EXTRACTOR_CHILD_H_

namespace resolute {

// Serves extractions as described above. Returns the process exit code: 0
// when the input ended after whole requests, 2 if the arguments or the
// limits could not be applied, 3 if standard input or output failed or a
// request was cut short.
int RunPdfExtractorChild(int argc, char** argv);

}  // namespace resolute

#endif  // RESOLUTE_PDF_EXTRACTOR_CHILD_H_
