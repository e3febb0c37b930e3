// Fuzz target for the parser: any bytes must give either a clean error
// status or a resolution whose spans stay inside its text; never a crash, a
// hang or an out-of-range span.
//
// Built two ways:
//   - with libFuzzer (clang): tools/fuzz.sh runs it on the corpus for a while;
//   - in `bazel test` as parser_fuzz_test, a deterministic driver
//     (fuzz_driver.cc) that feeds it every bundled document and mutations.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "parser/parser.h"

namespace {

// Aborts (a fuzzer finding) if a span lies outside the text.
void CheckSpans(const google::protobuf::RepeatedPtrField<resolute::v1::Span>& spans,
                size_t text_size) {
  for (const resolute::v1::Span& s : spans) {
    if (s.start() < 0 || s.start() > s.end() || static_cast<size_t>(s.end()) > text_size) abort();
  }
}

void CheckSubs(const google::protobuf::RepeatedPtrField<resolute::v1::Subparagraph>& subs,
               size_t text_size, int depth) {
  if (depth > 8) abort();  // the model nests two levels
  for (const auto& s : subs) {
    CheckSpans(s.spans(), text_size);
    CheckSubs(s.subparagraphs(), text_size, depth + 1);
  }
}

}  // namespace

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
  const size_t n = r.text().size();
  CheckSpans(r.title_spans(), n);
  for (const auto& p : r.preambular_paragraphs()) CheckSpans(p.spans(), n);
  for (const auto& p : r.operative_paragraphs()) {
    CheckSpans(p.spans(), n);
    CheckSubs(p.subparagraphs(), n, 0);
  }
  for (const auto& f : r.footnotes()) CheckSpans(f.spans(), n);
  for (const auto& h : r.headings()) CheckSpans(h.spans(), n);
  for (const auto& c : r.citations()) CheckSpans(c.spans(), n);
  for (const auto& a : r.annexes()) CheckSpans(a.spans(), n);
  return 0;
}
