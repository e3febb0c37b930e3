// StageRun: the parser's stages run one by one on a small text, each result
// kept, and compact dumps of them for table tests.
//
//   StageRun r = RunStagesOn("78/100. Title\n\nThe General Assembly,\n...");
//   EXPECT_EQ(DumpStructure(r), "p[Recalling ...] o1[Decides ...]");
//
// The stages are run as parser.cc runs them (the title passed to layout is
// made the same way), so a stage sees the input it sees in a real parse.

#ifndef RESOLUTE_TESTS_PARSER_STAGE_RUN_H_
#define RESOLUTE_TESTS_PARSER_STAGE_RUN_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/body_lines.h"
#include "parser/findings.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/layout.h"
#include "parser/source_text.h"
#include "parser/structure.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute::testing {

// The results of every stage for one text.
struct StageRun {
  std::string text;  // normalised
  std::vector<Line> lines;
  FrontMatter front;
  std::string title;  // as passed to AnalyzeLayout
  Layout layout;
  Footnotes footnotes;
  Structure structure;
  Findings findings;  // of all stages run
  v1::Resolution message;
};

// The last stage RunStagesOn runs.
enum class Until { kFrontMatter, kLayout, kFootnotes, kStructure, kBuilder };

// Normalises `raw` and runs the stages on it up to and including `until`.
StageRun RunStagesOn(absl::string_view raw, Until until = Until::kBuilder);

// The body lines the structure stage reads from `r` (run up to kFootnotes at
// least); `r` must outlive them.
BodyLines BodyOf(const StageRun& r);

// The text of `spans` (JoinSpans).
std::string Text(const StageRun& r, const std::vector<Span>& spans);

// One character per line: 'f' front, '.' blank, 't' text, 'p' furniture,
// 'r' footnote rule, 'n' footnote line.
std::string DumpRoles(const StageRun& r);

// Footnote entries "1=Text" and refs "@1:<word>" (the word the marker is
// glued to or follows), space-separated, entries first.
std::string DumpFootnotes(const StageRun& r);

// Paragraphs, headings, tables and annexes in document order, space-separated:
// "p[text]" preambular, "o3[text]" operative numbered 3 ("o[...]" unnumbered),
// "(a)[text]" a sub-paragraph (nested "(a)(i)[...]"), "h:I[title]" a heading,
// "part:A[title]", "table[c1|c2]", "annex:Annex I[title]{para|para}",
// then "meeting=..", "date=..", "vote=.." if set.
std::string DumpStructure(const StageRun& r);

// The codes of the findings, space-separated, in order.
std::string DumpFindingCodes(const StageRun& r);

}  // namespace resolute::testing

#endif  // RESOLUTE_TESTS_PARSER_STAGE_RUN_H_
