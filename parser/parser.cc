#include "parser/parser.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/error_reason.h"
#include "parser/builder.h"
#include "parser/findings.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/layout.h"
#include "parser/normalize.h"
#include "parser/source_text.h"
#include "parser/structure.h"
#include "parser/typography.h"

namespace resolute {
namespace {

absl::Status ValidateInput(absl::string_view text, const ParseOptions& options) {
  if (text.size() > options.max_input_bytes) {
    return WithErrorReason(
        absl::ResourceExhaustedError(absl::StrCat("content is ", text.size(),
                                                  " bytes; the limit is ",
                                                  options.max_input_bytes, " bytes")),
        "CONTENT_TOO_LARGE", "content",
        {{"size", absl::StrCat(text.size())}, {"limit", absl::StrCat(options.max_input_bytes)}});
  }
  if (text.empty()) {
    return WithErrorReason(absl::InvalidArgumentError("content is empty"), "CONTENT_EMPTY",
                           "content");
  }
  const size_t bad = FirstInvalidUtf8Offset(text);
  if (bad < text.size()) {
    return WithErrorReason(
        absl::InvalidArgumentError(
            absl::StrCat("content is not valid UTF-8: invalid byte 0x",
                         absl::Hex(static_cast<unsigned char>(text[bad]), absl::kZeroPad2),
                         " at byte offset ", bad)),
        "CONTENT_NOT_UTF8", "content", {{"offset", absl::StrCat(bad)}});
  }
  bool blank = true;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
      blank = false;
      break;
    }
  }
  if (blank) {
    return WithErrorReason(absl::InvalidArgumentError("content has no text (only whitespace)"),
                           "CONTENT_NO_TEXT", "content");
  }
  return absl::OkStatus();
}

// The stages, from the normalised text to the message; `typography` (may be
// null) is applied last.
void RunStages(std::string text, const ParseOptions& options, const Typography* typography,
               v1::Resolution* out) {
  const std::vector<Line> lines = SplitLines(text);
  Findings findings;
  const FrontMatter front = ExtractFrontMatter(text, lines);
  std::vector<Span> title_spans;
  for (int i : front.title_lines) title_spans.push_back(lines[i].content());
  if (!title_spans.empty() && front.title_begin > title_spans.front().begin) {
    title_spans.front().begin = front.title_begin;
  }
  const Layout layout = AnalyzeLayout(text, lines, front, JoinSpans(text, title_spans));
  const Footnotes footnotes = ExtractFootnotes(text, lines, layout, front, &findings);
  std::vector<uint8_t> bold_lines;
  if (typography != nullptr) bold_lines = typography->BoldLines(text, lines);
  const Structure structure = ParseStructure(text, lines, layout, footnotes, front, &findings,
                                             bold_lines.empty() ? nullptr : &bold_lines);
  BuildResolution(text, lines, front, footnotes, structure, &findings, out);
  if (typography != nullptr) typography->Apply(text, out);

  for (Finding& f : findings.TakeAll()) {
    v1::Diagnostic* d = out->add_diagnostics();
    d->set_severity(f.severity);
    d->set_code(std::move(f.code));
    d->set_message(std::move(f.message));
    if (!f.span.empty()) {
      d->mutable_span()->set_start(f.span.begin);
      d->mutable_span()->set_end(f.span.end);
    }
  }
  if (options.include_text) out->set_text(std::move(text));  // nothing reads it after this
}

}  // namespace

absl::Status ParseResolution(absl::string_view input, const ParseOptions& options,
                             v1::Resolution* out) {
  out->Clear();
  if (absl::Status s = ValidateInput(input, options); !s.ok()) return s;
  RunStages(NormalizeText(input), options, nullptr, out);
  return absl::OkStatus();
}

absl::Status ParseResolution(const TypedText& input, const ParseOptions& options,
                             v1::Resolution* out) {
  out->Clear();
  std::vector<int> line_starts;
  const std::string assembled = AssembleTypedText(input, &line_starts);
  if (absl::Status s = ValidateInput(assembled, options); !s.ok()) return s;
  std::string text = NormalizeText(assembled);
  const Typography typography = Typography::Map(assembled, line_starts, input, text);
  RunStages(std::move(text), options, &typography, out);
  return absl::OkStatus();
}

absl::StatusOr<v1::Resolution> ParseResolution(absl::string_view text,
                                               const ParseOptions& options) {
  v1::Resolution r;
  absl::Status s = ParseResolution(text, options, &r);
  if (!s.ok()) return s;
  return r;
}

}  // namespace resolute
