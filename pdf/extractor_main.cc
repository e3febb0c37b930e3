// resolute_pdf_extractor: one PDF on standard input, its extraction on
// standard output (pdf/extractor_child.h). Started by the server, one
// process per document (pdf/README.md).

#include "pdf/extractor_child.h"

int main(int argc, char** argv) { return resolute::RunPdfExtractorChild(argc, argv); }
