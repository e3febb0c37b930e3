// Test helper: the real resolution texts of tests/testdata/corpus.

#ifndef RESOLUTE_TESTS_SERVICE_TEST_CORPUS_H_
#define RESOLUTE_TESTS_SERVICE_TEST_CORPUS_H_

#include <string>
#include <vector>

#include "tests/service/archive_builder.h"

namespace resolute {
namespace testing {

// The folder of the sample in the test's runfiles.
std::string CorpusSampleDir();

// The sample's texts, sorted by file name; `path` is the file name. Aborts if
// the folder is missing or empty (the target lacks the data dependency).
std::vector<TestFile> LoadCorpusSample();

// The directory for the test's scratch files ($TEST_TMPDIR).
std::string TestTempDir();

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_SERVICE_TEST_CORPUS_H_
