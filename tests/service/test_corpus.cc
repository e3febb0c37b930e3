#include "tests/service/test_corpus.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace resolute {
namespace testing {

namespace fs = std::filesystem;

std::string CorpusSampleDir() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string root = srcdir != nullptr ? std::string(srcdir) + "/resolute" : ".";
  return root + "/tests/testdata/corpus";
}

std::vector<TestFile> LoadCorpusSample() {
  std::vector<TestFile> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(CorpusSampleDir(), ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    files.push_back({entry.path().filename().string(), content.str()});
  }
  if (files.empty()) {
    std::cerr << "no corpus sample in " << CorpusSampleDir() << std::endl;
    std::abort();
  }
  std::sort(files.begin(), files.end(),
            [](const TestFile& a, const TestFile& b) { return a.path < b.path; });
  return files;
}

std::string TestTempDir() {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return tmp != nullptr ? tmp : fs::temp_directory_path().string();
}

}  // namespace testing
}  // namespace resolute
