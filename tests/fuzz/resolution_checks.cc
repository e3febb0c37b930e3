#include "tests/fuzz/resolution_checks.h"

#include <cstdlib>

namespace resolute {
namespace fuzz {
namespace {

void CheckSpans(const google::protobuf::RepeatedPtrField<v1::Span>& spans, size_t text_size) {
  for (const v1::Span& s : spans) {
    if (s.start() < 0 || s.start() > s.end() || static_cast<size_t>(s.end()) > text_size) abort();
  }
}

void CheckSubs(const google::protobuf::RepeatedPtrField<v1::Subparagraph>& subs,
               size_t text_size, int depth) {
  if (depth > 8) abort();  // the model nests two levels
  for (const auto& s : subs) {
    CheckSpans(s.spans(), text_size);
    CheckSubs(s.subparagraphs(), text_size, depth + 1);
  }
}

}  // namespace

void CheckResolution(const v1::Resolution& r) {
  const size_t text_size = r.text().size();
  CheckSpans(r.title_spans(), text_size);
  for (const auto& p : r.preambular_paragraphs()) CheckSpans(p.spans(), text_size);
  for (const auto& p : r.operative_paragraphs()) {
    CheckSpans(p.spans(), text_size);
    CheckSubs(p.subparagraphs(), text_size, 0);
  }
  for (const auto& f : r.footnotes()) CheckSpans(f.spans(), text_size);
  for (const auto& h : r.headings()) CheckSpans(h.spans(), text_size);
  for (const auto& c : r.citations()) CheckSpans(c.spans(), text_size);
  for (const auto& a : r.annexes()) CheckSpans(a.spans(), text_size);
}

}  // namespace fuzz
}  // namespace resolute
