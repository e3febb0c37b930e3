// Test support: the documents that corpus-wide tests run on.
//
// On machines with the shared evaluation corpus (`../shared/corpus` next to
// the checkout, exposed as the Bazel repository @corpus) that is every text
// of it; elsewhere the sample bundled in tests/testdata. Tests print which
// one they use.

#ifndef RESOLUTE_TESTS_PARSER_CORPUS_FILES_H_
#define RESOLUTE_TESTS_PARSER_CORPUS_FILES_H_

#include <string>
#include <vector>

namespace resolute::testing {

// One text document of the corpus.
struct CorpusDocument {
  std::string id;       // "A_RES_78_100"
  std::string variant;  // "pymupdf", "pdftotext", "seed" or "" (single text)
  std::string path;     // absolute path of the text
};

// True if the shared corpus is available to this test.
bool SharedCorpusPresent();

// The folder of texts used (shared corpus or bundled sample).
std::string CorpusTextsDir();

// The folder of expected JSON files that goes with CorpusTextsDir().
std::string CorpusExpectedDir();

// All text documents, sorted by file name.
std::vector<CorpusDocument> CorpusDocuments();

// Path of a file in this repository's runfiles ("tests/testdata/x.txt").
std::string RunfilePath(const std::string& relative);

// Reads a whole file; fails the current test (and returns "") if it cannot.
std::string ReadFile(const std::string& path);

}  // namespace resolute::testing

#endif  // RESOLUTE_TESTS_PARSER_CORPUS_FILES_H_
