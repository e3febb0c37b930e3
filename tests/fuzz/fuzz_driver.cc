// A deterministic stand-in for libFuzzer's driver, run by `bazel test`:
// feeds LLVMFuzzerTestOneInput every bundled document and every regression
// input (tests/fuzz/regressions/parser: shapes that once took quadratic time), then
// mutations of them (truncations, byte flips, deleted and duplicated lines,
// inserted page breaks, rules and numbers) from a fixed seed.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void Run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

std::string Mutate(const std::string& doc, std::mt19937* rng) {
  std::string s = doc;
  const char* kInserts[] = {"\n__________\n", "\f", "\n1.\n", "\n(a)\n", "\nAnnex\n",
                            "[footnoteRef:1]", "\nThe General Assembly,\n", "\n7\n", "\xC2\xA0",
                            "\n45th plenary meeting\n1 May 2020\n", "\nA/RES/1/1\n2/3\n"};
  std::uniform_int_distribution<int> op(0, 5);
  for (int k = 0; k < 4 && !s.empty(); ++k) {
    std::uniform_int_distribution<size_t> pos(0, s.size() - 1);
    switch (op(*rng)) {
      case 0:
        s.resize(pos(*rng));
        break;
      case 1:
        s[pos(*rng)] ^= static_cast<char>(1 << (pos(*rng) % 7));
        break;
      case 2: {
        const size_t a = pos(*rng), b = pos(*rng);
        s.erase(std::min(a, b), std::max(a, b) - std::min(a, b));
        break;
      }
      case 3: {
        const size_t a = pos(*rng);
        s.insert(a, s.substr(a, std::min<size_t>(200, s.size() - a)));
        break;
      }
      default:
        s.insert(pos(*rng), kInserts[pos(*rng) % (sizeof(kInserts) / sizeof(kInserts[0]))]);
        break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const char* runfiles = std::getenv("TEST_SRCDIR");
  const std::string root = std::string(runfiles ? runfiles : ".") + "/resolute/";
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) dirs.push_back(argv[i]);
  if (dirs.empty()) dirs = {root + "tests/testdata/corpus", root + "tests/fuzz/regressions/parser"};
  std::vector<std::string> docs;
  for (const std::string& dir : dirs) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream b;
      b << in.rdbuf();
      docs.push_back(b.str());
    }
  }
  std::sort(docs.begin(), docs.end());
  std::mt19937 rng(20261127);
  int runs = 0;
  for (const std::string& d : docs) {
    Run(d);
    ++runs;
    for (int i = 0; i < 150; ++i, ++runs) Run(Mutate(d, &rng));
  }
  for (const char* edge : {"", "\n", "\xFF", "1.", "(a)", "________\n1", "\f\f\f", "A"}) Run(edge);
  std::cout << runs << " inputs from " << docs.size() << " documents, no crash\n";
  return 0;
}
