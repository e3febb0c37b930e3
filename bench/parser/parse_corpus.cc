// Parses every .txt file of a folder in-process, `--repeat` times, and prints
// the byte and document counts and the heap allocations per document: a
// fixed workload for profilers, where Google Benchmark's own iteration count
// would vary.
//
//   bazel build -c opt //bench/parser:parse_corpus
//   valgrind --tool=callgrind --toggle-collect='resolute::ParseResolution*'
//       bazel-bin/bench/parser/parse_corpus --corpus_dir=DIR --repeat=1   (one command)
//   perf record -e cpu-clock -g bazel-bin/bench/parser/parse_corpus --corpus_dir=DIR --repeat=50
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/parser/memory_stats.h"
#include "parser/parser.h"

int main(int argc, char** argv) {
  std::string dir;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--corpus_dir=", 0) == 0) dir = a.substr(13);
    if (a.rfind("--repeat=", 0) == 0) repeat = std::atoi(a.c_str() + 9);
  }
  if (dir.empty()) {
    std::cerr << "usage: parse_corpus --corpus_dir=DIR [--repeat=N]\n";
    return 2;
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> docs;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    docs.push_back(buffer.str());
  }
  resolute::ParseOptions options;
  options.include_text = false;
  resolute::v1::Resolution r;
  size_t bytes = 0, paragraphs = 0;
  const resolute::bench::AllocStats before = resolute::bench::CurrentAllocStats();
  for (int k = 0; k < repeat; ++k) {
    for (const std::string& doc : docs) {
      if (resolute::ParseResolution(doc, options, &r).ok()) {
        paragraphs += r.preambular_paragraphs_size() + r.operative_paragraphs_size();
      }
      bytes += doc.size();
    }
  }
  const resolute::bench::AllocStats after = resolute::bench::CurrentAllocStats();
  const double parsed = static_cast<double>(docs.size()) * repeat;
  std::cout << docs.size() << " documents, " << bytes << " bytes parsed, " << paragraphs
            << " paragraphs, " << static_cast<double>(after.count - before.count) / parsed
            << " allocations per document\n";
  return 0;
}
