// Fuzz target for the parser: any bytes must give either a clean error
// status or a resolution whose spans stay inside its text; never a crash, a
// hang or an out-of-range span.
//
// Built two ways:
//   - with libFuzzer (clang): tools/fuzz.sh runs it on the corpus for a while;
//   - in `bazel test` as parser_fuzz_test, a deterministic driver
//     (fuzz_driver.cc) that feeds it every bundled document and mutations,
//     and as parser_regressions_test, on the inputs kept in regressions/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "parser/parser.h"
#include "tests/fuzz/resolution_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  resolute::ParseOptions options;
  options.max_input_bytes = 1 << 20;
  resolute::v1::Resolution r;
  const absl::Status status = resolute::ParseResolution(
      absl::string_view(reinterpret_cast<const char*>(data), size), options, &r);
  if (!status.ok()) {
    if (status.code() != absl::StatusCode::kInvalidArgument &&
        status.code() != absl::StatusCode::kResourceExhausted) {
      abort();
    }
    return 0;
  }
  resolute::fuzz::CheckResolution(r);
  return 0;
}
