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
#include "parser/interrupt.h"
#include "parser/layout.h"
#include "common/utf8.h"
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
  // Before the UTF-8 check: a binary file is more often than not invalid
  // UTF-8 too, and "binary" says more than the offset of a bad byte.
  const size_t nul = text.find('\0');
  if (nul != absl::string_view::npos) {
    return WithErrorReason(
        absl::InvalidArgumentError(
            absl::StrCat("content is binary, not text (NUL byte at offset ", nul, ")")),
        "CONTENT_BINARY", "content", {{"offset", absl::StrCat(nul)}});
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
  return absl::OkStatus();
}

// The check on normalised text: whitespace alone, or characters that
// normalisation removes or turns into spaces (no-break and zero-width
// spaces, soft hyphens, byte order marks, control characters), is no text.
absl::Status ValidateNormalized(absl::string_view text) {
  if (text.find_first_not_of(" \n\f") != absl::string_view::npos) return absl::OkStatus();
  return WithErrorReason(
      absl::InvalidArgumentError("content has no text (only whitespace, invisible or control "
                                 "characters)"),
      "CONTENT_NO_TEXT", "content");
}

// The stages, from the normalised text to the message; `typography` (may be
// null) is applied last. Returns the interrupt's status (and leaves `*out`
// cleared) if the deadline passes or the caller cancels.
absl::Status RunStages(std::string text, const ParseOptions& options,
                       const Typography* typography, v1::Resolution* out) {
  if (absl::Status s = ValidateNormalized(text); !s.ok()) return s;
  Interrupt interrupt(options.deadline, options.cancelled);
  // Between stages, and within them (each checks now and then).
  auto stopped = [&interrupt, out] {
    if (!interrupt.CheckNow()) return false;
    out->Clear();
    return true;
  };
  if (stopped()) return interrupt.status();
  std::vector<Line> lines = SplitLines(text);
  if (stopped()) return interrupt.status();
  // On the message's arena: MoveTo below then hands them over uncopied.
  Findings findings(out->GetArena());
  const FrontMatter front = ExtractFrontMatter(text, lines);
  if (stopped()) return interrupt.status();
  const std::vector<Span> title_spans = TitleSpans(front, lines);
  Layout layout = AnalyzeLayout(text, lines, front, JoinSpans(text, title_spans), &interrupt);
  if (stopped()) return interrupt.status();
  // Where the page layout speaks (PDF input) it decides furniture and
  // footnote lines, and raised digits are the footnote markers.
  TypographyStats stats;
  const std::vector<Span>* raised = nullptr;
  if (typography != nullptr) {
    typography->ApplyLayout(text, lines, &layout, &stats);
    raised = typography->RaisedMarkers();
  }
  const Footnotes footnotes =
      ExtractFootnotes(text, lines, layout, front, &findings, &interrupt, raised);
  if (stopped()) return interrupt.status();
  if (options.typography_stats != nullptr && raised != nullptr) {
    stats.footnotes_layout = footnotes.entries_at_raised_markers;
    stats.footnotes_text =
        static_cast<int>(footnotes.entries.size()) - footnotes.entries_at_raised_markers;
    stats.anchors_layout = footnotes.refs_at_raised_markers;
    stats.anchors_text = static_cast<int>(footnotes.refs.size()) - footnotes.refs_at_raised_markers;
    options.typography_stats->Add(stats);
  }
  std::vector<uint8_t> bold_lines;
  if (typography != nullptr) bold_lines = typography->BoldLines(text, lines);
  const Structure structure =
      ParseStructure(text, lines, layout, footnotes, front, &findings, &interrupt,
                     bold_lines.empty() ? nullptr : &bold_lines);
  if (stopped()) return interrupt.status();
  // Nothing after the structure reads the lines or their roles: freed before
  // the model is built, when the parse's memory peaks.
  std::vector<Line>().swap(lines);
  std::vector<LineRole>().swap(layout.roles);
  BuildResolution(text, title_spans, front, footnotes, structure, &findings, out, &interrupt);
  if (stopped()) return interrupt.status();
  if (typography != nullptr) typography->Apply(text, out);

  // After typography->Apply, which gives every span in the message its page
  // regions: diagnostic spans carry none.
  findings.MoveTo(out->mutable_diagnostics());
  if (options.include_text) out->set_text(std::move(text));  // nothing reads it after this
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseResolution(absl::string_view input, const ParseOptions& options,
                             v1::Resolution* out) {
  out->Clear();
  if (absl::Status s = ValidateInput(input, options); !s.ok()) return s;
  return RunStages(NormalizeText(input), options, nullptr, out);
}

absl::Status ParseResolution(const TypedText& input, const ParseOptions& options,
                             v1::Resolution* out) {
  out->Clear();
  std::vector<int> line_starts;
  const std::string assembled = AssembleTypedText(input, &line_starts);
  if (absl::Status s = ValidateInput(assembled, options); !s.ok()) return s;
  std::string text = NormalizeText(assembled);
  const Typography typography = Typography::Map(assembled, line_starts, input, text);
  return RunStages(std::move(text), options, &typography, out);
}

absl::StatusOr<v1::Resolution> ParseResolution(absl::string_view text,
                                               const ParseOptions& options) {
  v1::Resolution r;
  absl::Status s = ParseResolution(text, options, &r);
  if (!s.ok()) return s;
  return r;
}

}  // namespace resolute
