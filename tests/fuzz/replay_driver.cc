// Runs a fuzz target (LLVMFuzzerTestOneInput) once on every file of the
// directories given as arguments, as libFuzzer does when given files: a
// `bazel test` that keeps every input a fuzzer ever found fixed. Fails if a
// directory cannot be read; a crash of the target fails the test.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  int inputs = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code error;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i], error)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      const std::string input = bytes.str();
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
      ++inputs;
    }
    if (error) {
      std::cerr << "cannot read " << argv[i] << ": " << error.message() << "\n";
      return 1;
    }
  }
  std::cout << inputs << " inputs replayed, no crash\n";
  return 0;
}
