#include "tests/parser/corpus_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace resolute::testing {
namespace {

std::string RunfilesRoot() {
  const char* dir = std::getenv("TEST_SRCDIR");
  return dir != nullptr ? dir : ".";
}

std::string SharedTextsDir() { return RunfilesRoot() + "/corpus/texts"; }

}  // namespace

bool SharedCorpusPresent() {
  std::error_code ec;
  return std::filesystem::is_directory(SharedTextsDir(), ec) &&
         !std::filesystem::is_empty(SharedTextsDir(), ec);
}

std::string RunfilePath(const std::string& relative) {
  return RunfilesRoot() + "/resolute/" + relative;
}

std::string CorpusTextsDir() {
  return SharedCorpusPresent() ? SharedTextsDir() : RunfilePath("tests/testdata/corpus");
}

std::string CorpusExpectedDir() {
  return SharedCorpusPresent() ? RunfilesRoot() + "/corpus/expected"
                               : RunfilePath("tests/testdata/expected");
}

std::vector<CorpusDocument> CorpusDocuments() {
  std::vector<CorpusDocument> docs;
  for (const auto& entry : std::filesystem::directory_iterator(CorpusTextsDir())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt") continue;
    std::string stem = name.substr(0, name.size() - 4);
    CorpusDocument doc;
    doc.path = entry.path().string();
    const size_t dot = stem.find('.');
    doc.id = stem.substr(0, dot);
    if (dot != std::string::npos) doc.variant = stem.substr(dot + 1);
    docs.push_back(doc);
  }
  std::sort(docs.begin(), docs.end(),
            [](const CorpusDocument& a, const CorpusDocument& b) { return a.path < b.path; });
  return docs;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace resolute::testing
