// The extractor process's side: PDF bytes on standard input, the encoded
// extraction (pdf/extraction_wire.h) on standard output, under resource
// limits it sets on itself before reading a byte of the PDF.
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

// Runs one extraction as described above. Returns the process exit code: 0
// when an outcome (document or error status) was written, 2 if the arguments
// or the limits could not be applied, 3 if standard input or output failed.
int RunPdfExtractorChild(int argc, char** argv);

}  // namespace resolute

#endif  // RESOLUTE_PDF_EXTRACTOR_CHILD_H_
